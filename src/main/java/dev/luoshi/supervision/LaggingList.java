package dev.luoshi.supervision;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.luoshi.organization.Organization;
import dev.luoshi.shared.PageRequest;
import dev.luoshi.work.Light;
import dev.luoshi.work.Task;
import dev.luoshi.work.TaskBook;
import dev.luoshi.work.TaskQuery;
import dev.luoshi.work.TaskStatus;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lagging list (落后工作拼命追): units with RED tasks or overdue notices within the caller's
 * scope, the furthest behind first (overdue notices weigh double), each with the history
 * of its notices.
 */
@Service
@Transactional(readOnly = true)
public class LaggingList {

	private final TaskBook taskBook;

	private final Notices notices;

	private final Organization organization;

	LaggingList(TaskBook taskBook, Notices notices, Organization organization) {
		this.taskBook = taskBook;
		this.notices = notices;
		this.organization = organization;
	}

	public List<LaggingUnit> units() {
		Map<Long, List<Task>> red = new LinkedHashMap<>();
		this.taskBook
			.tasks(new TaskQuery(Light.RED, null, null, TaskStatus.OPEN), PageRequest.of(0, PageRequest.MAX_SIZE))
			.items()
			.forEach((task) -> red.computeIfAbsent(task.leadUnitId(), (key) -> new ArrayList<>()).add(task));
		Map<Long, List<Notice>> overdue = new LinkedHashMap<>();
		this.notices.notices(null, null, NoticeStatus.OVERDUE, PageRequest.of(0, PageRequest.MAX_SIZE))
			.items()
			.forEach((notice) -> overdue.computeIfAbsent(notice.unitId(), (key) -> new ArrayList<>()).add(notice));
		Set<Long> units = new HashSet<>(red.keySet());
		units.addAll(overdue.keySet());
		Map<Long, String> names = this.organization.unitNames(units);
		List<LaggingUnit> lagging = new ArrayList<>();
		for (Long unit : units) {
			List<Task> tasks = red.getOrDefault(unit, List.of());
			lagging
				.add(new LaggingUnit(unit, names.get(unit), tasks.size(), overdue.getOrDefault(unit, List.of()).size(),
						tasks.stream()
							.sorted(Comparator.comparing(Task::progress))
							.map((task) -> new LaggingUnit.LaggingTask(task.id(), task.title(), task.progress(),
									task.deadline(), task.campaignId()))
							.toList(),
						this.notices.notices(unit, null, null, PageRequest.of(0, 10)).items()));
		}
		lagging.sort(Comparator.comparingInt((LaggingUnit unit) -> unit.redTasks() + 2 * unit.overdueNotices())
			.reversed()
			.thenComparing(LaggingUnit::unitName, Comparator.nullsLast(Comparator.naturalOrder())));
		return lagging;
	}

}
