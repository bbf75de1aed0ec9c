package dev.luoshi.indicator;

import java.math.BigDecimal;

/**
 * An enterprise and, for the year asked for, its figures and land efficiency (both null
 * when it has no figures for that year).
 *
 * @param code the unified social credit code (统一社会信用代码)
 * @param unitId the street or town it is located in
 * @param landArea its land, in 亩
 */
public record Enterprise(long id, String code, String name, long unitId, String unitName, String industry,
		BigDecimal landArea, int year, Figures figures, BigDecimal taxPerMu, BigDecimal outputPerMu,
		BigDecimal outputPerEnergy, BigDecimal score, Grade grade, int version) {

	/**
	 * A year's figures: tax paid and output value in yuan, energy use in tonnes of
	 * standard coal, R&D spending in yuan (optional).
	 */
	public record Figures(int year, BigDecimal taxPaid, BigDecimal outputValue, BigDecimal energyUse,
			BigDecimal rdSpending, int version) {
	}

}
