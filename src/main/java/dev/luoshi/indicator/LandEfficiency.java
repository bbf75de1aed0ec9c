package dev.luoshi.indicator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Land efficiency (亩均论英雄) of the streets and towns, for the evaluation. */
@Service
@Transactional(readOnly = true)
public class LandEfficiency {

	private final EnterpriseRepository repository;

	private final LandEfficiencyProperties settings;

	LandEfficiency(EnterpriseRepository repository, LandEfficiencyProperties settings) {
		this.repository = repository;
		this.settings = settings;
	}

	/**
	 * Each located unit's land efficiency in {@code year}: the mean of its enterprises'
	 * composite scores (each to two decimals, as listed) weighted by their land area,
	 * rounded to two decimals half up. Only figures of exactly that year count: an
	 * enterprise without figures for the year is left out (no falling back to an earlier
	 * year, so that every unit is measured on the same year), and a unit none of whose
	 * enterprises has figures is absent from the map. One query, however many units.
	 */
	public Map<Long, BigDecimal> unitScores(int year) {
		Map<Long, BigDecimal[]> sums = new HashMap<>();
		for (EnterpriseRepository.Row row : this.repository.withFigures(year)) {
			Enterprise.Figures figures = row.figures();
			BigDecimal score = LandEfficiencyScore
				.of(row.landArea(), figures.taxPaid(), figures.outputValue(), figures.energyUse(), this.settings)
				.score();
			BigDecimal[] sum = sums.computeIfAbsent(row.unitId(),
					(unit) -> new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO });
			sum[0] = sum[0].add(score.multiply(row.landArea()));
			sum[1] = sum[1].add(row.landArea());
		}
		Map<Long, BigDecimal> scores = new HashMap<>();
		sums.forEach((unit, sum) -> scores.put(unit, sum[0].divide(sum[1], 2, RoundingMode.HALF_UP)));
		return scores;
	}

}
