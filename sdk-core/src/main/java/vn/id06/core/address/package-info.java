/**
 * Addresses and Vietnam's administrative units across the reform of 1 July 2025: the versioned
 * province table (63 units until 30 June 2025, 34 from 1 July 2025 under Resolution 202/2025/QH15),
 * the statistics office's commune-level lists before and after the reform with the mapping between
 * them ({@link vn.id06.core.address.AdministrativeUnits#communes()}, {@link
 * vn.id06.core.address.UnitView}), and {@link vn.id06.core.address.Address#resolve(String)}, which
 * maps a free-text address to today's units with a {@link vn.id06.core.address.Certainty}.
 */
package vn.id06.core.address;
