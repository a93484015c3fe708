/**
 * E-form prefill (điền sẵn biểu mẫu điện tử) from citizen records, with provenance and locked
 * authoritative fields, so citizens are not asked again for data the state already holds.
 *
 * <p>This module's place in the reactor is set; the form engine arrives with the prefill work.
 */
package vn.id06.eform;
