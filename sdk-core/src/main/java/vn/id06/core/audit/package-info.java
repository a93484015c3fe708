/**
 * Accountability: who acts ({@link vn.id06.core.audit.OperatorContext}: agency, officer, procedure,
 * purpose) and the audit events every gateway call emits. Decree 13/2023/NĐ-CP on personal data
 * protection makes every lookup of a citizen accountable.
 *
 * <p>Clients emit one {@link vn.id06.core.audit.AuditEvent} per call (one per subject in a batch)
 * to an {@link vn.id06.core.audit.AuditSink}; the subject appears only as a keyed hash ({@link
 * vn.id06.core.audit.SubjectHasher}). The package depends on nothing above sdk-core's exception
 * tree; no type here carries personal data in its {@code toString()}.
 */
package vn.id06.core.audit;
