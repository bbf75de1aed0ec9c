package dev.luoshi.indicator;

import java.math.BigDecimal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How enterprises are scored on land efficiency (亩均论英雄). Each component is the
 * enterprise's figure against its benchmark, {@code min(100, value / benchmark × 100)};
 * the composite score is their mean weighted by the weights; the class is A at or above
 * {@code gradeA}, B at or above {@code gradeB}, C at or above {@code gradeC}, else D.
 *
 * @param taxPerMuBenchmark tax paid per 亩 that scores 100, yuan (default 300,000)
 * @param outputPerMuBenchmark output value per 亩 that scores 100, yuan (default
 * 5,000,000)
 * @param outputPerEnergyBenchmark output value per tonne of standard coal that scores
 * 100, yuan (default 50,000)
 * @param taxWeight weight of 亩均税收 (default 50)
 * @param outputWeight weight of 亩均产值 (default 30)
 * @param energyWeight weight of 单位能耗产值 (default 20)
 */
@ConfigurationProperties("luoshi.indicator.land-efficiency")
public record LandEfficiencyProperties(BigDecimal taxPerMuBenchmark, BigDecimal outputPerMuBenchmark,
		BigDecimal outputPerEnergyBenchmark, BigDecimal taxWeight, BigDecimal outputWeight, BigDecimal energyWeight,
		BigDecimal gradeA, BigDecimal gradeB, BigDecimal gradeC) {

	public LandEfficiencyProperties {
		taxPerMuBenchmark = (taxPerMuBenchmark != null) ? taxPerMuBenchmark : new BigDecimal("300000");
		outputPerMuBenchmark = (outputPerMuBenchmark != null) ? outputPerMuBenchmark : new BigDecimal("5000000");
		outputPerEnergyBenchmark = (outputPerEnergyBenchmark != null) ? outputPerEnergyBenchmark
				: new BigDecimal("50000");
		taxWeight = (taxWeight != null) ? taxWeight : new BigDecimal("50");
		outputWeight = (outputWeight != null) ? outputWeight : new BigDecimal("30");
		energyWeight = (energyWeight != null) ? energyWeight : new BigDecimal("20");
		gradeA = (gradeA != null) ? gradeA : new BigDecimal("80");
		gradeB = (gradeB != null) ? gradeB : new BigDecimal("60");
		gradeC = (gradeC != null) ? gradeC : new BigDecimal("40");
		if (taxPerMuBenchmark.signum() <= 0 || outputPerMuBenchmark.signum() <= 0
				|| outputPerEnergyBenchmark.signum() <= 0) {
			throw new IllegalArgumentException("luoshi.indicator.land-efficiency: benchmarks must be positive");
		}
		if (taxWeight.signum() < 0 || outputWeight.signum() < 0 || energyWeight.signum() < 0
				|| taxWeight.add(outputWeight).add(energyWeight).signum() <= 0) {
			throw new IllegalArgumentException(
					"luoshi.indicator.land-efficiency: weights must not be negative and must not all be zero");
		}
		if (gradeA.compareTo(gradeB) < 0 || gradeB.compareTo(gradeC) < 0 || gradeC.signum() < 0
				|| gradeA.compareTo(BigDecimal.valueOf(100)) > 0) {
			throw new IllegalArgumentException(
					"luoshi.indicator.land-efficiency: need 100 >= grade-a >= grade-b >= grade-c >= 0");
		}
	}

}
