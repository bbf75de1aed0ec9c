package dev.luoshi.bulletin;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * What a month's supervision bulletin reports: the notices issued in the month, what was
 * overdue at its end, where rectification stands and the task lights.
 */
record MonthFacts(YearMonth month, List<IssuedNotice> notices, List<IssuedNotice> overdueNotices,
		List<OverdueTask> overdueTasks, Map<String, Long> rectifications, Map<String, Long> lights) {

	/** A notice (督办单) with its unit and the state it reads in now. */
	record IssuedNotice(String number, String level, String unitName, String subject, String status, Instant issuedAt,
			Instant dueAt) {
	}

	/** An open task whose deadline passed by the month's end. */
	record OverdueTask(String title, String unitName, LocalDate deadline, String progress) {
	}

}
