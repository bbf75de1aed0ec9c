package dev.luoshi.work;

import java.time.LocalDate;
import java.util.List;

/**
 * Which of a unit's open tasks have a report for a period: {@code missing} when none was
 * filed, {@code overdue} when none was filed by the period's due day (the campaign's
 * report day of the period's month, or the Friday of a week).
 */
public record ReportingStatus(long unitId, String period, List<Item> tasks) {

	/** One task's state for the period. */
	public record Item(long taskId, String code, String title, long campaignId, LocalDate dueOn, ReportStatus filed,
			boolean missing, boolean overdue) {
	}

}
