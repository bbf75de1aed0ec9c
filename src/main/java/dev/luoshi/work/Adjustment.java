package dev.luoshi.work;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A unit's request to change a task's plan: a later deadline, a different target value,
 * or cancellation; decided by the supervision office.
 */
public record Adjustment(long id, long taskId, Kind kind, String reason, LocalDate newDeadline,
		BigDecimal newTargetValue, Status status, long requestedBy, Instant requestedAt, Long decidedBy,
		Instant decidedAt, String decisionComment) {

	/** What is asked for. */
	public enum Kind {

		EXTEND_DEADLINE, CHANGE_TARGET, CANCEL

	}

	/** Where the request stands. */
	public enum Status {

		PENDING, APPROVED, REJECTED

	}

}
