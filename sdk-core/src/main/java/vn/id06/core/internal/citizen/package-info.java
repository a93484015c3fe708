/**
 * Implementation helpers for the citizen and address types. Not public API: may change at any time.
 */
package vn.id06.core.internal.citizen;
