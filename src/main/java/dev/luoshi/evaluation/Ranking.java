package dev.luoshi.evaluation;

import java.time.Instant;
import java.util.List;

/**
 * A stored ranking of a scheme for a period. COMPUTED may be recomputed; PUBLISHED is
 * frozen (晾晒) until unpublished.
 */
public record Ranking(long id, long schemeId, String schemeName, String period, Status status, Instant computedAt,
		Instant publishedAt, int version, List<RankingEntry> entries) {

	public enum Status {

		COMPUTED, PUBLISHED

	}

}
