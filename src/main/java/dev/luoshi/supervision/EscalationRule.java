package dev.luoshi.supervision;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * An escalation rule, kept as data: when its trigger holds, a notice of {@code level} is
 * issued (once per cause), due in {@code responseHours} working hours.
 * <ul>
 * <li>MILESTONE_OVERDUE: a task's milestone passed undone;</li>
 * <li>REPORT_MISSING: a task's progress report for its latest due period was not
 * filed;</li>
 * <li>FIGURE_MISSING: a project's monthly figure is past due;</li>
 * <li>NOTICE_UNANSWERED: a notice of {@code fromLevel} was not answered by its deadline
 * (the new notice goes to the same unit);</li>
 * <li>RED_CARDS: a unit got {@code threshold} red cards this year (约谈).</li>
 * </ul>
 */
public record EscalationRule(long id, String code, @NotBlank @Size(max = 200) String name, Trigger trigger,
		@NotNull NoticeLevel level, NoticeLevel fromLevel, @Min(1) @Max(100) Integer threshold,
		@NotNull @Min(1) @Max(2000) Integer responseHours, boolean enabled, long version) {

	public enum Trigger {

		MILESTONE_OVERDUE, REPORT_MISSING, FIGURE_MISSING, NOTICE_UNANSWERED, RED_CARDS

	}

}
