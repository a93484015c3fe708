/**
 * Offline test support: the gateway simulator (a real HTTPS server on loopback), the virtual chip
 * card and synthetic citizen data.
 *
 * <p>This module's place in the reactor is set; the simulator and virtual card arrive with their
 * work.
 */
package vn.id06.testkit;
