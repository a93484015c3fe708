/**
 * Accountability: who acts ({@link vn.id06.core.audit.OperatorContext}: agency, officer, procedure,
 * purpose) and the audit events every gateway call emits. Decree 13/2023/NĐ-CP on personal data
 * protection makes every lookup of a citizen accountable.
 */
package vn.id06.core.audit;
