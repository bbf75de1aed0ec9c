package dev.luoshi.work;

import java.time.LocalDate;

/**
 * An open task with no progress report for a period whose due day has passed, with the
 * task's lead unit.
 */
public record OverdueReport(long taskId, String taskTitle, long leadUnitId, String period, LocalDate dueOn) {
}
