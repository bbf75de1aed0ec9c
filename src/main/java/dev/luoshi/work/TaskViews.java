package dev.luoshi.work;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import dev.luoshi.organization.Organization;
import dev.luoshi.organization.People;

import org.springframework.stereotype.Component;

/**
 * Builds task views with their milestones, units and leaders, a handful of queries per
 * list.
 */
@Component
class TaskViews {

	private final TaskRepository tasks;

	private final Organization organization;

	private final People people;

	TaskViews(TaskRepository tasks, Organization organization, People people) {
		this.tasks = tasks;
		this.organization = organization;
		this.people = people;
	}

	Task one(TaskRepository.Row row) {
		return flat(List.of(row)).get(0);
	}

	/** The rows as views without children, in the given order. */
	List<Task> flat(List<TaskRepository.Row> rows) {
		List<Long> ids = rows.stream().map(TaskRepository.Row::id).toList();
		Map<Long, List<Milestone>> milestones = new HashMap<>();
		this.tasks.milestones(ids)
			.forEach((m) -> milestones.computeIfAbsent(m.taskId(), (id) -> new ArrayList<>()).add(m.milestone()));
		Map<Long, List<Long>> cooperating = new HashMap<>();
		this.tasks.units(ids)
			.stream()
			.filter((unit) -> TaskRepository.COOPERATING.equals(unit.role()))
			.forEach(
					(unit) -> cooperating.computeIfAbsent(unit.taskId(), (id) -> new ArrayList<>()).add(unit.unitId()));
		Set<Long> unitIds = new HashSet<>();
		Set<Long> leaderIds = new HashSet<>();
		rows.forEach((row) -> {
			unitIds.add(row.leadUnitId());
			if (row.responsibleLeaderId() != null) {
				leaderIds.add(row.responsibleLeaderId());
			}
		});
		Map<Long, String> unitNames = this.organization.unitNames(unitIds);
		Map<Long, String> leaderNames = this.people.names(leaderIds);
		return rows.stream()
			.map((row) -> new Task(row.id(), row.campaignId(), row.parentId(), row.outline(), row.title(), row.target(),
					row.leadUnitId(), unitNames.get(row.leadUnitId()),
					cooperating.getOrDefault(row.id(), List.of()).stream().sorted().toList(), row.territorialUnitId(),
					(row.responsibleLeaderId() != null)
							? new PersonRef(row.responsibleLeaderId(), leaderNames.get(row.responsibleLeaderId()))
							: null,
					row.startDate(), row.deadline(), row.baselineDeadline(), row.weight(), row.status(), row.progress(),
					row.light(), milestones.getOrDefault(row.id(), List.of()), List.of(), row.version()))
			.toList();
	}

	/** The rows as a forest: each task under its parent, siblings in outline order. */
	List<Task> tree(List<TaskRepository.Row> rows) {
		List<Task> flat = flat(rows);
		Map<Long, List<Task>> children = new HashMap<>();
		Set<Long> present = new HashSet<>();
		flat.forEach((task) -> present.add(task.id()));
		List<Task> roots = new ArrayList<>();
		for (Task task : flat) {
			if (task.parentId() != null && present.contains(task.parentId())) {
				children.computeIfAbsent(task.parentId(), (id) -> new ArrayList<>()).add(task);
			}
			else {
				roots.add(task);
			}
		}
		return roots.stream().sorted(TaskViews::byOutline).map((root) -> nest(root, children)).toList();
	}

	private static Task nest(Task task, Map<Long, List<Task>> children) {
		List<Task> below = children.getOrDefault(task.id(), List.of())
			.stream()
			.sorted(TaskViews::byOutline)
			.map((child) -> nest(child, children))
			.toList();
		return task.withChildren(below);
	}

	/** Compares outline codes number by number, so that 1.10 comes after 1.9. */
	static int byOutline(Task a, Task b) {
		String[] left = Objects.requireNonNullElse(a.code(), "").split("\\.");
		String[] right = Objects.requireNonNullElse(b.code(), "").split("\\.");
		for (int i = 0; i < Math.min(left.length, right.length); i++) {
			int compared = Integer.compare(number(left[i]), number(right[i]));
			if (compared != 0) {
				return compared;
			}
		}
		return Integer.compare(left.length, right.length);
	}

	private static int number(String part) {
		try {
			return Integer.parseInt(part);
		}
		catch (NumberFormatException ex) {
			return Integer.MAX_VALUE;
		}
	}

}
