package dev.luoshi.dashboard;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import dev.luoshi.calendar.Calendar;
import dev.luoshi.project.Project;
import dev.luoshi.project.ProjectSummaries;
import dev.luoshi.shared.PageRequest;
import dev.luoshi.supervision.Notice;
import dev.luoshi.supervision.Notices;
import dev.luoshi.work.Light;
import dev.luoshi.work.Milestone;
import dev.luoshi.work.Task;
import dev.luoshi.work.TaskStatus;

import org.springframework.stereotype.Component;

/**
 * Turns the tasks and projects of a battle map's subject into what the map shows, in
 * memory apart from the investment by month and one page of notices.
 */
@Component
class BattleMapAssembly {

	private static final int NOTICES = 8;

	private static final int LAGGING = 10;

	private final ProjectSummaries summaries;

	private final Notices notices;

	private final Calendar calendar;

	private final Clock clock;

	BattleMapAssembly(ProjectSummaries summaries, Notices notices, Calendar calendar, Clock clock) {
		this.summaries = summaries;
		this.notices = notices;
		this.calendar = calendar;
		this.clock = clock;
	}

	BattleMap assemble(BattleMap.Subject subject, long id, String title, String subtitle, List<Task> tree,
			List<Project> allProjects, Long noticeUnit, BattleMapFilter filter) {
		LocalDate today = LocalDate.now(this.clock);
		List<Task> all = new ArrayList<>();
		tree.forEach((task) -> flatten(task, all));
		List<Task> shownTree = tree.stream().map((task) -> prune(task, filter)).filter((task) -> task != null).toList();
		List<Task> shown = all.stream().filter((task) -> matches(task, filter)).toList();
		List<Project> projects = allProjects.stream().filter((project) -> matches(project, filter)).toList();
		List<GanttLayout.Item> items = new ArrayList<>();
		List<BattleMap.OverdueMilestone> overdue = new ArrayList<>();
		for (Task task : shown) {
			for (Milestone milestone : task.milestones()) {
				items.add(new GanttLayout.Item(label(task), milestone.name(), "/tasks/" + task.id(), task.light(),
						milestone.dueDate(), milestone.baselineDate(), milestone.completedOn()));
				if (!milestone.done() && milestone.dueDate() != null && milestone.dueDate().isBefore(today)
						&& task.status() != TaskStatus.DONE) {
					overdue.add(new BattleMap.OverdueMilestone(task, milestone,
							ChronoUnit.DAYS.between(milestone.dueDate(), today)));
				}
			}
		}
		if (subject == BattleMap.Subject.HEADQUARTERS) {
			projects.stream()
				.filter((project) -> project.plannedCompletion() != null)
				.forEach((project) -> items.add(new GanttLayout.Item(project.name(), null, "/projects/" + project.id(),
						project.light(), project.plannedCompletion(), null, null)));
		}
		overdue.sort(Comparator.comparingLong(BattleMap.OverdueMilestone::daysLate).reversed());
		List<Task> lagging = shown.stream()
			.filter((task) -> task.light() == Light.RED && task.status() != TaskStatus.DONE
					&& task.children().isEmpty())
			.sorted(Comparator.comparing(Task::progress))
			.limit(LAGGING)
			.toList();
		Gantt gantt = items.isEmpty() ? GanttLayout.empty(today)
				: GanttLayout.layout(items, today, this.calendar.current());
		return new BattleMap(subject, id, title, subtitle, filter, today, LightCount.of(all, Task::light),
				LightCount.of(allProjects, Project::light), shownTree, shown.size(), projects, gantt,
				this.summaries.months(today.getYear(), projects.stream().map(Project::id).toList()),
				overdue.size() > 50 ? overdue.subList(0, 50) : overdue, lagging, notices(all, allProjects, noticeUnit),
				units(all, allProjects));
	}

	/** The latest notices about these tasks or projects, or addressed to the unit. */
	private List<Notice> notices(List<Task> tasks, List<Project> projects, Long unit) {
		if (unit != null) {
			return this.notices.notices(unit, null, null, PageRequest.of(0, NOTICES)).items();
		}
		Set<Long> taskIds = new HashSet<>();
		tasks.forEach((task) -> taskIds.add(task.id()));
		Set<Long> projectIds = new HashSet<>();
		projects.forEach((project) -> projectIds.add(project.id()));
		return this.notices.notices(null, null, null, PageRequest.of(0, PageRequest.MAX_SIZE))
			.items()
			.stream()
			.filter((notice) -> (notice.taskId() != null && taskIds.contains(notice.taskId()))
					|| (notice.projectId() != null && projectIds.contains(notice.projectId())))
			.sorted(Comparator.comparing(Notice::issuedAt).reversed())
			.limit(NOTICES)
			.toList();
	}

	private static List<BattleMap.UnitOption> units(List<Task> tasks, List<Project> projects) {
		Map<Long, String> names = new TreeMap<>();
		tasks.forEach((task) -> names.put(task.leadUnitId(), task.leadUnitName()));
		projects.forEach((project) -> names.put(project.leadUnitId(), project.leadUnitName()));
		return names.entrySet()
			.stream()
			.map((entry) -> new BattleMap.UnitOption(entry.getKey(), entry.getValue()))
			.sorted(Comparator.comparing(BattleMap.UnitOption::name, Comparator.nullsLast(Comparator.naturalOrder())))
			.toList();
	}

	private static String label(Task task) {
		return (task.code() != null) ? task.code() + " " + task.title() : task.title();
	}

	private static void flatten(Task task, List<Task> into) {
		into.add(task);
		task.children().forEach((child) -> flatten(child, into));
	}

	/** The task if it or a task below it matches, with only the matching branches. */
	private static Task prune(Task task, BattleMapFilter filter) {
		if (!filter.any()) {
			return task;
		}
		List<Task> children = task.children()
			.stream()
			.map((child) -> prune(child, filter))
			.filter((child) -> child != null)
			.toList();
		if (children.isEmpty() && !matches(task, filter)) {
			return null;
		}
		return new Task(task.id(), task.campaignId(), task.parentId(), task.code(), task.title(), task.target(),
				task.leadUnitId(), task.leadUnitName(), task.cooperatingUnitIds(), task.territorialUnitId(),
				task.responsibleLeader(), task.startDate(), task.deadline(), task.baselineDeadline(), task.weight(),
				task.status(), task.progress(), task.light(), task.milestones(), children, task.version());
	}

	private static boolean matches(Task task, BattleMapFilter filter) {
		return (filter.light() == null || task.light() == filter.light()) && (filter.unitId() == null
				|| task.leadUnitId() == filter.unitId() || task.cooperatingUnitIds().contains(filter.unitId()));
	}

	private static boolean matches(Project project, BattleMapFilter filter) {
		return (filter.light() == null || project.light() == filter.light())
				&& (filter.unitId() == null || project.leadUnitId() == filter.unitId())
				&& (filter.phase() == null || project.phase() == filter.phase());
	}

}
