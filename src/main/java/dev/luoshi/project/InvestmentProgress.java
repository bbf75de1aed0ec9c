package dev.luoshi.project;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A year's investment against plan. The year to date runs through {@code throughMonth}
 * (the last month whose figures are due: the month before today's in the current year,
 * December in a past year, none in a future one). Rates are percentages to two decimals,
 * {@code null} when nothing was planned.
 */
public record InvestmentProgress(int year, int throughMonth, BigDecimal annualPlan, BigDecimal yearToDatePlan,
		BigDecimal completedToDate, BigDecimal completedThisYear, BigDecimal yearToDateRate, BigDecimal annualRate,
		BigDecimal firstQuarterTarget, BigDecimal firstQuarterCompleted, BigDecimal firstQuarterRate) {

	static InvestmentProgress of(int year, int throughMonth, BigDecimal annualPlan, BigDecimal yearToDatePlan,
			BigDecimal completedToDate, BigDecimal completedThisYear, BigDecimal firstQuarterTarget,
			BigDecimal firstQuarterCompleted) {
		return new InvestmentProgress(year, throughMonth, annualPlan, yearToDatePlan, completedToDate,
				completedThisYear, rate(completedToDate, yearToDatePlan), rate(completedThisYear, annualPlan),
				firstQuarterTarget, firstQuarterCompleted, rate(firstQuarterCompleted, firstQuarterTarget));
	}

	/** {@code part} as a percentage of {@code whole}, to two decimals, half up. */
	static BigDecimal rate(BigDecimal part, BigDecimal whole) {
		if (whole == null || whole.signum() == 0) {
			return null;
		}
		return part.multiply(BigDecimal.valueOf(100)).divide(whole, 2, RoundingMode.HALF_UP);
	}

	/**
	 * Points of the annual plan by which the year to date trails its plan (0 when ahead).
	 */
	double pointsBehind() {
		if (this.annualPlan.signum() == 0) {
			return 0;
		}
		BigDecimal gap = this.yearToDatePlan.subtract(this.completedToDate);
		return Math.max(0,
				gap.multiply(BigDecimal.valueOf(100)).divide(this.annualPlan, 4, RoundingMode.HALF_UP).doubleValue());
	}

}
