package dev.luoshi.work;

/**
 * How often a campaign's tasks are reported on: periods {@code 2026-03} or
 * {@code 2026-W12}.
 */
public enum ReportingCycle {

	MONTHLY, WEEKLY

}
