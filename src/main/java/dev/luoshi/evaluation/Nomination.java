package dev.luoshi.evaluation;

import java.time.Instant;

/**
 * A nomination (提名) of a person in a selection round, with the deeds (事迹) the unit puts
 * forward and, once the office decided, whether the person was selected. Before the round
 * is published only the office and leaders see decisions; others see PENDING.
 *
 * @param unitId the nominee's unit when nominated
 * @param nominatingUnitId the unit of whoever nominated
 */
public record Nomination(long id, long roundId, long personId, String personName, String personTitle, long unitId,
		String unitName, long nominatingUnitId, String nominatingUnitName, String deeds, Status status, String comment,
		Instant nominatedAt, Instant decidedAt, long version) {

	/** The office's decision. */
	public enum Status {

		PENDING, SELECTED, NOT_SELECTED

	}

}
