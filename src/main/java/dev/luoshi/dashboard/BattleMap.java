package dev.luoshi.dashboard;

import java.time.LocalDate;
import java.util.List;

import dev.luoshi.project.InvestmentSummary;
import dev.luoshi.project.Project;
import dev.luoshi.supervision.Notice;
import dev.luoshi.work.Milestone;
import dev.luoshi.work.Task;

/**
 * What a battle map (挂图作战) shows of its subject, as the caller may see it and narrowed by
 * the filter: lights counted over everything in view, the task tree (a forest for a unit
 * or a leader), the projects, a Gantt of milestones, investment by month, what is
 * overdue, what lags and the latest notices.
 *
 * @param units the units that may be chosen in the filter, by name
 */
public record BattleMap(Subject subject, long subjectId, String title, String subtitle, BattleMapFilter filter,
		LocalDate today, List<LightCount> taskLights, List<LightCount> projectLights, List<Task> tasks, int taskCount,
		List<Project> projects, Gantt gantt, List<InvestmentSummary.MonthFigures> investment,
		List<OverdueMilestone> overdue, List<Task> lagging, List<Notice> notices, List<UnitOption> units) {

	/** What a battle map is drawn for; its name is the URL's segment. */
	public enum Subject {

		CAMPAIGN("campaigns"), HEADQUARTERS("headquarters"), LEADER("leaders"), UNIT("units");

		private final String path;

		Subject(String path) {
			this.path = path;
		}

		public String path() {
			return this.path;
		}

	}

	/** An undone milestone past its date, with its task and how many days late it is. */
	public record OverdueMilestone(Task task, Milestone milestone, long daysLate) {
	}

	/** A unit to narrow the map to. */
	public record UnitOption(long id, String name) {
	}

}
