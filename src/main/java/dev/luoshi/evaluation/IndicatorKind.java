package dev.luoshi.evaluation;

/** How an indicator of a scheme is measured; each yields a score of 0–100. */
public enum IndicatorKind {

	/**
	 * Share of the unit's led tasks due in the year up to the period's end that are done.
	 */
	TASK_COMPLETION,

	/** Share of the milestones of its tasks due in the period that were done on time. */
	ON_TIME_MILESTONES,

	/**
	 * Share of the progress reports expected in the period that were filed by their due
	 * day.
	 */
	REPORT_TIMELINESS,

	/**
	 * Year-to-date completed ÷ year-to-date plan of the projects it leads, capped at 100.
	 */
	INVESTMENT_COMPLETION,

	/** 100 less the points per notice level received in the period (rule), at least 0. */
	SUPERVISION_DEDUCTION,

	/**
	 * Actual ÷ target of an economic indicator (rule {@code indicator}), capped at 100.
	 */
	ECONOMIC_TARGET,

	/** Entered by the assessors per unit and period. */
	ASSESSOR_SCORE,

	/** The 亩均 score of the enterprises located in the unit. */
	LAND_EFFICIENCY

}
