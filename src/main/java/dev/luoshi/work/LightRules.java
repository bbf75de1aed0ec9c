package dev.luoshi.work;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * How a task's own light follows from its milestones and its progress against time
 * elapsed (序时进度: the share of the span from start to deadline that has passed).
 * <ul>
 * <li>DONE when the task is complete;</li>
 * <li>RED when the deadline or a milestone has passed undone, or progress is more than
 * {@code redBehind} points behind time elapsed;</li>
 * <li>YELLOW when an undone milestone falls due by {@code horizon} (a few working days
 * ahead), or progress is {@code yellowBehind} to {@code redBehind} points behind;</li>
 * <li>GREEN otherwise.</li>
 * </ul>
 */
final class LightRules {

	private LightRules() {
	}

	record Thresholds(int yellowBehind, int redBehind) {
	}

	static Light own(boolean complete, LocalDate start, LocalDate deadline, BigDecimal progress,
			List<LocalDate> undoneMilestones, LocalDate today, LocalDate horizon, Thresholds thresholds) {
		if (complete) {
			return Light.DONE;
		}
		double behind = elapsed(start, deadline, today) - progress.doubleValue();
		if (deadline.isBefore(today) || undoneMilestones.stream().anyMatch((due) -> due.isBefore(today))
				|| behind > thresholds.redBehind()) {
			return Light.RED;
		}
		if (undoneMilestones.stream().anyMatch((due) -> !due.isAfter(horizon)) || behind >= thresholds.yellowBehind()) {
			return Light.YELLOW;
		}
		return Light.GREEN;
	}

	/** Time elapsed as a percentage of the span from start to deadline, 0–100. */
	static double elapsed(LocalDate start, LocalDate deadline, LocalDate today) {
		if (!today.isAfter(start)) {
			return 0;
		}
		long span = ChronoUnit.DAYS.between(start, deadline);
		if (span <= 0 || !today.isBefore(deadline)) {
			return 100;
		}
		return 100.0 * ChronoUnit.DAYS.between(start, today) / span;
	}

}
