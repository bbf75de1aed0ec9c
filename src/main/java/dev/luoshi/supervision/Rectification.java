package dev.luoshi.supervision;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Rectification (整改) of what a notice found: measures by a date, evidence submitted by
 * the unit, verified by the supervision office (never by who submitted it). OPEN →
 * SUBMITTED → CLOSED, or back to OPEN when the verification fails.
 */
public record Rectification(long id, long noticeId, String noticeNumber, long unitId, String unitName, String measures,
		LocalDate dueDate, Status status, String evidence, Long submittedBy, Instant submittedAt, Long verifiedBy,
		Instant verifiedAt, String comment, int rounds, boolean overdue, long version) {

	public enum Status {

		OPEN, SUBMITTED, CLOSED

	}

}
