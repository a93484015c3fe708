/**
 * Addresses and the versioned table of provincial-level units (63 units until 30 June 2025, 34 from
 * 1 July 2025 under Resolution 202/2025/QH15).
 */
package vn.id06.core.address;
