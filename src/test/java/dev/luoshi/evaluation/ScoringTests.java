package dev.luoshi.evaluation;

import dev.luoshi.shared.Period;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The arithmetic of the horse race, stated as rules. */
class ScoringTests {

	@Test
	void tiesShareARankAndTheNextRankSkips() {
		List<Scoring.Ranked<Integer>> ranked = Scoring.rank(List.of(80, 95, 80, 70),
				Comparator.<Integer>naturalOrder().reversed());

		assertThat(ranked).extracting(Scoring.Ranked::rank).containsExactly(1, 2, 2, 4);
		assertThat(ranked).extracting(Scoring.Ranked::item).containsExactly(95, 80, 80, 70);
	}

	@Test
	void theQuotaOfExcellentIsRoundedToTheNearestWholeAndAtLeastOne() {
		BigDecimal thirty = new BigDecimal("0.30");
		assertThat(Scoring.excellentCount(0, thirty)).isZero();
		assertThat(Scoring.excellentCount(1, thirty)).isEqualTo(1);
		assertThat(Scoring.excellentCount(3, thirty)).isEqualTo(1); // 0.9
		assertThat(Scoring.excellentCount(5, thirty)).isEqualTo(2); // 1.5 rounds up
		assertThat(Scoring.excellentCount(14, thirty)).isEqualTo(4); // 4.2
		assertThat(Scoring.excellentCount(4, BigDecimal.ZERO)).isEqualTo(1);
	}

	@Test
	void aTieAcrossTheQuotasEdgeIsLeftOutWholeSoTheQuotaIsNeverExceeded() {
		List<Scoring.Ranked<BigDecimal>> ranked = rank("95", "91", "91", "59");

		assertThat(Scoring.grades(ranked, (score) -> score, 2, EIGHTY, SIXTY)).containsExactly("EXCELLENT", "GOOD",
				"GOOD", "POOR");
		assertThat(Scoring.grades(ranked, (score) -> score, 3, EIGHTY, SIXTY)).containsExactly("EXCELLENT", "EXCELLENT",
				"EXCELLENT", "POOR");
	}

	@Test
	void aTieForFirstPlaceIsExcellentRatherThanLeavingTheGroupWithoutOne() {
		assertThat(Scoring.grades(rank("91", "91", "85", "59"), (score) -> score, 1, EIGHTY, SIXTY))
			.containsExactly("EXCELLENT", "EXCELLENT", "GOOD", "POOR");
	}

	@Test
	void excellentNeedsTheFloorOfGood() {
		assertThat(Scoring.grades(rank("75", "62", "40"), (score) -> score, 1, EIGHTY, SIXTY)).containsExactly("FAIR",
				"FAIR", "POOR");
	}

	private static final BigDecimal EIGHTY = new BigDecimal("80");

	private static final BigDecimal SIXTY = new BigDecimal("60");

	private static List<Scoring.Ranked<BigDecimal>> rank(String... scores) {
		return Scoring.rank(java.util.Arrays.stream(scores).map(BigDecimal::new).toList(),
				Comparator.<BigDecimal>naturalOrder().reversed());
	}

	@Test
	void anIndicatorThatDoesNotApplyLeavesTheOthersWeightsInFull() {
		Scheme.Indicator tasks = indicator("TC", 30);
		Scheme.Indicator investment = indicator("INV", 20);
		Scheme.Indicator assessors = indicator("ASR", 50);

		BigDecimal weighted = Scoring.weighted(List.of(tasks, investment, assessors), Map.of("TC", Scoring.share(1, 3),
				"INV", Scoring.share(0, 0), "ASR", Scoring.Measure.capped(new BigDecimal("90"))));

		// (33.33 × 30 + 90 × 50) / 80 = 5499.9 / 80 = 68.74875
		assertThat(weighted).isEqualByComparingTo("68.75");
		assertThat(Scoring.share(2, 3).score()).isEqualByComparingTo("66.67");
		assertThat(Scoring.Measure.capped(new BigDecimal("112.5")).score()).isEqualByComparingTo("100");
	}

	@Test
	void penaltiesTakeAScoreToZeroAndNoFurther() {
		assertThat(Scoring.total(new BigDecimal("3.50"), BigDecimal.ZERO, new BigDecimal("5")))
			.isEqualByComparingTo("0");
		assertThat(Scoring.total(new BigDecimal("80.25"), new BigDecimal("2"), new BigDecimal("5")))
			.isEqualByComparingTo("77.25");
	}

	@Test
	void periodsAreQuartersMonthsOrYearsAndKnowTheirPredecessor() {
		assertThat(Period.parse("period", "2026Q1").previous().name()).isEqualTo("2025Q4");
		assertThat(Period.parse("period", "2026-01").previous().name()).isEqualTo("2025-12");
		assertThat(Period.parse("period", "2026Q3").end()).isEqualTo("2026-09-30");
		assertThat(Period.parse("period", "2026Q3").months()).hasSize(3);
		assertThat(Period.parse("period", "2026").kind()).isEqualTo(Period.Kind.YEAR);
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> Period.parse("period", "2026Q5"))
			.hasMessageContaining("2026Q5");
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> Period.parse("period", "2026-13"))
			.hasMessageContaining("2026-13");
	}

	private static Scheme.Indicator indicator(String code, int weight) {
		return new Scheme.Indicator(1, code, code, IndicatorKind.ASSESSOR_SCORE, BigDecimal.valueOf(weight), Map.of());
	}

}
