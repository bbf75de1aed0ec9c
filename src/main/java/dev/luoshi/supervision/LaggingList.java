package dev.luoshi.supervision;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
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
 * scope, the furthest behind first (overdue notices weigh double), each with its most
 * lagging tasks and the history of its notices.
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

	/**
	 * The {@code limit} units furthest behind: counted by grouped queries over all RED
	 * tasks and overdue notices in scope, then only the shown units' tasks and notices
	 * are read.
	 */
	public List<LaggingUnit> units(int limit) {
		Map<Long, Long> red = this.taskBook.countByLeadUnit(new TaskQuery(Light.RED, null, null, TaskStatus.OPEN));
		Map<Long, Long> overdue = this.notices.overdueByUnit();
		Set<Long> all = new HashSet<>(red.keySet());
		all.addAll(overdue.keySet());
		List<Long> shown = all.stream()
			.sorted(Comparator.comparingLong((Long unit) -> score(red, overdue, unit))
				.reversed()
				.thenComparing(Comparator.naturalOrder()))
			.limit(limit)
			.toList();
		Map<Long, String> names = this.organization.unitNames(shown);
		List<LaggingUnit> lagging = new ArrayList<>();
		for (Long unit : shown) {
			List<LaggingUnit.LaggingTask> tasks = this.taskBook
				.tasks(new TaskQuery(Light.RED, unit, null, TaskStatus.OPEN), PageRequest.of(0, 50))
				.items()
				.stream()
				.filter((task) -> task.leadUnitId() == unit)
				.sorted(Comparator.comparing(Task::progress))
				.limit(10)
				.map((task) -> new LaggingUnit.LaggingTask(task.id(), task.title(), task.progress(), task.deadline(),
						task.campaignId()))
				.toList();
			lagging.add(new LaggingUnit(unit, names.get(unit), red.getOrDefault(unit, 0L).intValue(),
					overdue.getOrDefault(unit, 0L).intValue(), tasks,
					this.notices.notices(unit, null, null, PageRequest.of(0, 10)).items()));
		}
		return lagging;
	}

	/** How far behind: red tasks, and overdue notices counting double. */
	private static long score(Map<Long, Long> red, Map<Long, Long> overdue, Long unit) {
		return red.getOrDefault(unit, 0L) + 2 * overdue.getOrDefault(unit, 0L);
	}

}
