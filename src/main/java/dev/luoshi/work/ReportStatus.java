package dev.luoshi.work;

/**
 * Where a report stands: filed, accepted by the supervision office, or returned for
 * rework.
 */
public enum ReportStatus {

	SUBMITTED, ACCEPTED, RETURNED

}
