package dev.luoshi.evaluation;

import java.math.BigDecimal;
import java.util.List;

/**
 * A unit's place in a ranking: its score (the weighted mean plus capped bonuses less
 * capped penalties), its rank among its peers, last period's rank and the movement
 * (previousRank − rank; positive is 进位), with what made up the score.
 */
public record RankingEntry(long unitId, String unitName, String peerGroup, BigDecimal score, int rank,
		Integer previousRank, Integer movement, BigDecimal weighted, BigDecimal bonus, BigDecimal penalty,
		BigDecimal exempted, List<Part> breakdown, List<Item> adjustments) {

	/** One indicator's raw value and score (null when nothing was due). */
	public record Part(String indicator, String name, IndicatorKind kind, BigDecimal weight, BigDecimal raw,
			BigDecimal score) {
	}

	/** A bonus or penalty item counted (or, when exempted, shown but not counted). */
	public record Item(long id, String kind, BigDecimal points, String reason, boolean exempted) {
	}

}
