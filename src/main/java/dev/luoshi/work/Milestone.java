package dev.luoshi.work;

import java.time.LocalDate;

/**
 * A dated checkpoint of a task. {@code baselineDate} is the originally planned date when
 * the plan changed; {@code workingDaysBeforeDeadline} says how it was scheduled backwards
 * (倒排), if so.
 */
public record Milestone(long id, String name, LocalDate dueDate, LocalDate baselineDate,
		Integer workingDaysBeforeDeadline, LocalDate completedOn, String note, int version) {

	public boolean done() {
		return this.completedOn != null;
	}

}
