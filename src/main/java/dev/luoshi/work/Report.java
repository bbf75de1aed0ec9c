package dev.luoshi.work;

import java.math.BigDecimal;
import java.time.Instant;

/** A progress report (跟踪反馈) on a task for one period, and its review. */
public record Report(long id, long taskId, long unitId, String period, BigDecimal percent, String narrative,
		String problems, String nextSteps, ReportStatus status, long submittedBy, Instant submittedAt, Long reviewedBy,
		Instant reviewedAt, String reviewComment, int version) {
}
