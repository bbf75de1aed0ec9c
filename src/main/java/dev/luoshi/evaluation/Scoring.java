package dev.luoshi.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The arithmetic of the horse race, free of the database: percentages, the weighted mean,
 * capped items, shared ranks and graded quotas.
 */
final class Scoring {

	static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private Scoring() {
	}

	/**
	 * What was measured for one unit on one indicator; a null score is not applicable.
	 */
	record Measure(BigDecimal raw, BigDecimal score) {

		static Measure capped(BigDecimal raw) {
			BigDecimal score = raw.max(BigDecimal.ZERO).min(HUNDRED);
			return new Measure(raw, score);
		}

		static Measure notApplicable(BigDecimal raw) {
			return new Measure(raw, null);
		}

		Measure withRaw(BigDecimal other) {
			return new Measure(other, this.score);
		}

		boolean applicable() {
			return this.score != null;
		}

	}

	/** 100 × part ÷ whole to two places; not applicable when there is no whole. */
	static Measure share(long part, long whole) {
		if (whole <= 0) {
			return Measure.notApplicable(null);
		}
		return Measure.capped(percent(BigDecimal.valueOf(part), BigDecimal.valueOf(whole)));
	}

	static BigDecimal percent(BigDecimal part, BigDecimal whole) {
		return part.multiply(HUNDRED).divide(whole, 2, RoundingMode.HALF_UP);
	}

	/**
	 * The weighted mean of the applicable scores, to two places: an indicator that does
	 * not apply to a unit (nothing was due) leaves it out and the others' weights count
	 * in full.
	 */
	static BigDecimal weighted(List<Scheme.Indicator> indicators, Map<String, Measure> measures) {
		BigDecimal sum = BigDecimal.ZERO;
		BigDecimal weights = BigDecimal.ZERO;
		for (Scheme.Indicator indicator : indicators) {
			Measure measure = measures.get(indicator.code());
			if (measure != null && measure.applicable()) {
				sum = sum.add(measure.score().multiply(indicator.weight()));
				weights = weights.add(indicator.weight());
			}
		}
		return (weights.signum() == 0) ? BigDecimal.ZERO.setScale(2) : sum.divide(weights, 2, RoundingMode.HALF_UP);
	}

	/**
	 * The score: the weighted mean plus bonuses less penalties, each sum capped;
	 * penalties take a score to zero and no further (扣完为止).
	 */
	static BigDecimal total(BigDecimal weighted, BigDecimal bonus, BigDecimal penalty) {
		return weighted.add(bonus).subtract(penalty).max(BigDecimal.ZERO).setScale(2, RoundingMode.HALF_UP);
	}

	static BigDecimal capped(BigDecimal sum, BigDecimal cap) {
		return sum.min(cap).setScale(2, RoundingMode.HALF_UP);
	}

	/**
	 * Competition ranks (1, 2, 2, 4) by the given order: items equal under {@code tie}
	 * share a rank. The result is in rank order.
	 */
	static <T> List<Ranked<T>> rank(List<T> items, Comparator<T> order) {
		List<T> sorted = new ArrayList<>(items);
		sorted.sort(order);
		List<Ranked<T>> ranked = new ArrayList<>(sorted.size());
		for (int i = 0; i < sorted.size(); i++) {
			boolean tied = i > 0 && order.compare(sorted.get(i - 1), sorted.get(i)) == 0;
			ranked.add(new Ranked<>(sorted.get(i), tied ? ranked.get(i - 1).rank() : i + 1));
		}
		return ranked;
	}

	record Ranked<T>(T item, int rank) {
	}

	/**
	 * How many of a group may be 优秀: the quota's share of the group, rounded to the
	 * nearest whole number, and at least one for a group that is not empty.
	 */
	static int excellentCount(int groupSize, BigDecimal quota) {
		if (groupSize == 0) {
			return 0;
		}
		int count = quota.multiply(BigDecimal.valueOf(groupSize)).setScale(0, RoundingMode.HALF_UP).intValue();
		return Math.max(1, Math.min(groupSize, count));
	}

	/**
	 * Grades a group in rank order: 优秀 to those within the quota who reach the floor of
	 * 良好 (a tie straddling the quota's edge is left out whole, so the quota is not
	 * exceeded, except that a tie for first place that reaches the floor is 优秀 rather
	 * than leaving the group without one), then 良好 and 一般 by the floors, 较差 below.
	 */
	static <T> List<String> grades(List<Ranked<T>> ranked, Function<T, BigDecimal> score, int excellent,
			BigDecimal goodFloor, BigDecimal fairFloor) {
		List<String> grades = new ArrayList<>(ranked.size());
		boolean anyExcellent = false;
		for (int i = 0; i < ranked.size(); i++) {
			int rank = ranked.get(i).rank();
			int lastOfTie = i;
			while (lastOfTie + 1 < ranked.size() && ranked.get(lastOfTie + 1).rank() == rank) {
				lastOfTie++;
			}
			BigDecimal value = score.apply(ranked.get(i).item());
			if (lastOfTie + 1 <= excellent && value.compareTo(goodFloor) >= 0) {
				grades.add("EXCELLENT");
				anyExcellent = true;
			}
			else if (value.compareTo(goodFloor) >= 0) {
				grades.add("GOOD");
			}
			else if (value.compareTo(fairFloor) >= 0) {
				grades.add("FAIR");
			}
			else {
				grades.add("POOR");
			}
		}
		for (int i = 0; !anyExcellent && excellent > 0 && i < ranked.size() && ranked.get(i).rank() == 1; i++) {
			if (score.apply(ranked.get(i).item()).compareTo(goodFloor) >= 0) {
				grades.set(i, "EXCELLENT");
			}
		}
		return grades;
	}

}
