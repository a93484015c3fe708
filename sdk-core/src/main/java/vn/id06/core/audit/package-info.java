/**
 * Accountability for every look-up of a citizen: who looked ({@link
 * vn.id06.core.audit.OperatorContext}), for which procedure and purpose, when, with what outcome,
 * and about whom (the subject's ID as a keyed hash, {@link vn.id06.core.audit.SubjectHasher}).
 *
 * <p>Clients emit one {@link vn.id06.core.audit.AuditEvent} per call (one per subject in a batch)
 * to an {@link vn.id06.core.audit.AuditSink}. The package depends on nothing above sdk-core's
 * exception tree; no type here carries personal data in its {@code toString()}.
 */
package vn.id06.core.audit;
