/**
 * Offline test support: the gateway simulator (a real HTTPS server on loopback), the virtual chip
 * card and synthetic citizen data.
 *
 * <p>{@link vn.id06.testkit.SystemTests} guards tests that need a system component; the virtual
 * card is in {@code vn.id06.testkit.card}.
 */
package vn.id06.testkit;
