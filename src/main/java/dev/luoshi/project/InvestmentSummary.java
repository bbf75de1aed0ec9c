package dev.luoshi.project;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * The investment of a set of projects in a year, exact to the fen: totals, the year to
 * date against its plan and against the annual plan, the first quarter (开门红), and the
 * same figures by category, phase and month for charts. Rates are percentages to two
 * decimals, {@code null} when nothing was planned.
 */
public record InvestmentSummary(int year, int throughMonth, long count, BigDecimal totalInvestment,
		BigDecimal annualPlan, BigDecimal completedThisYear, BigDecimal completionRate, BigDecimal yearToDatePlan,
		BigDecimal completedToDate, BigDecimal yearToDateRate, BigDecimal firstQuarterTarget,
		BigDecimal firstQuarterCompleted, BigDecimal firstQuarterRate, List<Breakdown> byCategory,
		List<Breakdown> byPhase, List<MonthFigures> byMonth, Map<String, Long> lights) {

	/** The projects of one category or phase. */
	public record Breakdown(String key, String label, long count, BigDecimal totalInvestment, BigDecimal annualPlan,
			BigDecimal completed, BigDecimal completionRate) {
	}

	/** A month's planned and completed investment. */
	public record MonthFigures(YearMonth month, BigDecimal planned, BigDecimal completed) {
	}

}
