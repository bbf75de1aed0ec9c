package dev.luoshi.supervision;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A unit on the lagging list (落后工作): its RED tasks, its overdue notices and its recent
 * notices, for the leader who opens the list before a 调度会.
 */
public record LaggingUnit(long unitId, String unitName, int redTasks, int overdueNotices, List<LaggingTask> tasks,
		List<Notice> notices) {

	/** A RED task and how far behind it is. */
	public record LaggingTask(long id, String title, BigDecimal progress, LocalDate deadline, long campaignId) {
	}

}
