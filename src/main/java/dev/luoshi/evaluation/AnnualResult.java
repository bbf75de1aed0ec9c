package dev.luoshi.evaluation;

import java.math.BigDecimal;

/**
 * A unit's year: the mean of its quarterly scores plus the capped annual items, its rank
 * in its peer group (ties broken by the latest quarter) and its grade.
 */
public record AnnualResult(long unitId, String unitName, String peerGroup, BigDecimal quarterMean,
		BigDecimal annualItems, BigDecimal score, BigDecimal latestQuarter, int rank, Grade grade) {

	/** 优秀, 良好, 一般, 较差. */
	public enum Grade {

		EXCELLENT, GOOD, FAIR, POOR

	}

}
