package dev.luoshi.work;

import java.time.LocalDate;

/**
 * An undone milestone of an open task whose date has passed, with the task's lead unit.
 */
public record OverdueMilestone(long milestoneId, String milestoneName, LocalDate dueDate, long taskId, String taskTitle,
		long leadUnitId) {
}
