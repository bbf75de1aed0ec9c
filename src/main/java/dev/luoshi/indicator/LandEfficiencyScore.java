package dev.luoshi.indicator;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An enterprise's land efficiency in a year.
 *
 * @param taxPerMu tax paid per 亩, yuan, to the fen
 * @param outputPerMu output value per 亩, yuan, to the fen
 * @param outputPerEnergy output value per tonne of standard coal, yuan, to the fen; null
 * when no energy was used
 * @param score the composite score 0–100, to two decimals
 */
public record LandEfficiencyScore(BigDecimal taxPerMu, BigDecimal outputPerMu, BigDecimal outputPerEnergy,
		BigDecimal score, Grade grade) {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	/**
	 * Scores a year's figures on a land area (亩, positive). The per-亩 values are rounded
	 * to the fen first and the components computed from them, so that the score can be
	 * checked by hand from what the pages show; using no energy at all counts as full
	 * marks on that component when there was output.
	 */
	static LandEfficiencyScore of(BigDecimal landArea, BigDecimal taxPaid, BigDecimal outputValue, BigDecimal energyUse,
			LandEfficiencyProperties settings) {
		BigDecimal taxPerMu = taxPaid.divide(landArea, 2, RoundingMode.HALF_UP);
		BigDecimal outputPerMu = outputValue.divide(landArea, 2, RoundingMode.HALF_UP);
		BigDecimal outputPerEnergy = (energyUse.signum() > 0) ? outputValue.divide(energyUse, 2, RoundingMode.HALF_UP)
				: null;
		BigDecimal energyComponent = (outputPerEnergy != null)
				? component(outputPerEnergy, settings.outputPerEnergyBenchmark())
				: (outputValue.signum() > 0) ? HUNDRED : BigDecimal.ZERO;
		BigDecimal weighted = component(taxPerMu, settings.taxPerMuBenchmark()).multiply(settings.taxWeight())
			.add(component(outputPerMu, settings.outputPerMuBenchmark()).multiply(settings.outputWeight()))
			.add(energyComponent.multiply(settings.energyWeight()));
		BigDecimal weights = settings.taxWeight().add(settings.outputWeight()).add(settings.energyWeight());
		BigDecimal score = weighted.divide(weights, 2, RoundingMode.HALF_UP);
		return new LandEfficiencyScore(taxPerMu, outputPerMu, outputPerEnergy, score, grade(score, settings));
	}

	/** {@code min(100, value / benchmark × 100)}, exact to ten decimals. */
	static BigDecimal component(BigDecimal value, BigDecimal benchmark) {
		return value.multiply(HUNDRED).divide(benchmark, 10, RoundingMode.HALF_UP).min(HUNDRED);
	}

	static Grade grade(BigDecimal score, LandEfficiencyProperties settings) {
		if (score.compareTo(settings.gradeA()) >= 0) {
			return Grade.A;
		}
		if (score.compareTo(settings.gradeB()) >= 0) {
			return Grade.B;
		}
		return (score.compareTo(settings.gradeC()) >= 0) ? Grade.C : Grade.D;
	}

}
