package dev.luoshi.evaluation;

import java.time.Instant;
import java.util.List;

/**
 * A stored ranking of a scheme for a period. COMPUTED may be recomputed; PUBLISHED is
 * frozen (晾晒) until unpublished. {@code entries} are left out (null) where only the
 * ranking itself is asked for, e.g. after computing one for a province.
 */
public record Ranking(long id, long schemeId, String schemeName, String period, Status status, Instant computedAt,
		Instant publishedAt, int version, int units, List<RankingEntry> entries) {

	public enum Status {

		COMPUTED, PUBLISHED

	}

}
