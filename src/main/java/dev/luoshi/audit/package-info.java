/**
 * The audit trail: every change made through the API or the pages, recorded in the same
 * transaction (who, when, what, before and after) and chained to the previous event by an
 * SM3 digest (SHA-256 selectable), so that altering, removing or reordering a stored
 * event is detected by {@link dev.luoshi.audit.AuditTrail#verify()}. Learns of changes
 * through {@link dev.luoshi.shared.EntityChanged} events only.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package dev.luoshi.audit;
