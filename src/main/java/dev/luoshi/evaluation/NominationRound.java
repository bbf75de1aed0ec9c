package dev.luoshi.evaluation;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A selection round (评选) of exemplary cadres, e.g. 2026年度担当作为好干部: units nominate until
 * the deadline, the office closes the round, decides who is selected (at most
 * {@code quota}) and publishes the result. OPEN → CLOSED → PUBLISHED.
 *
 * @param nominations how many nominations the round holds
 * @param selected how many of them are selected
 */
public record NominationRound(long id, int year, String name, LocalDate deadline, int quota, Status status,
		Instant openedAt, Instant closedAt, Instant publishedAt, int nominations, int selected, long version) {

	/** Where a round stands. */
	public enum Status {

		OPEN, CLOSED, PUBLISHED

	}

}
