package dev.luoshi.evaluation;

import java.time.Instant;

/**
 * A unit's request that a penalty be waived under the error-tolerance rules (容错免责),
 * decided by a supervisor who did not ask for it.
 */
public record Exemption(long id, long adjustmentId, long unitId, String unitName, String period, String reason,
		Status status, long requestedBy, Instant requestedAt, Long decidedBy, Instant decidedAt, String comment,
		int version) {

	public enum Status {

		PENDING, APPROVED, REJECTED

	}

}
