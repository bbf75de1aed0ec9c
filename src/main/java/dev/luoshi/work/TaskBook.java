package dev.luoshi.work;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import dev.luoshi.calendar.Calendar;
import dev.luoshi.identity.DataScope;
import dev.luoshi.identity.DataScopes;
import dev.luoshi.organization.Organization;
import dev.luoshi.organization.People;
import dev.luoshi.shared.DomainException;
import dev.luoshi.shared.EntityChanged;
import dev.luoshi.shared.Page;
import dev.luoshi.shared.PageRequest;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A campaign's task book: adding tasks with their milestones (scheduled backwards from
 * the deadline in working days), reading the tree and task lists within the caller's data
 * scope, and completing milestones.
 */
@Service
@Transactional
public class TaskBook {

	private final TaskRepository tasks;

	private final Campaigns campaigns;

	private final TaskViews views;

	private final LightKeeper lights;

	private final Calendar calendar;

	private final Organization organization;

	private final People people;

	private final DataScopes scopes;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	TaskBook(TaskRepository tasks, Campaigns campaigns, TaskViews views, LightKeeper lights, Calendar calendar,
			Organization organization, People people, DataScopes scopes, ApplicationEventPublisher events,
			Clock clock) {
		this.tasks = tasks;
		this.campaigns = campaigns;
		this.views = views;
		this.lights = lights;
		this.calendar = calendar;
		this.organization = organization;
		this.people = people;
		this.scopes = scopes;
		this.events = events;
		this.clock = clock;
	}

	public Task addTask(long campaignId, NewTask command) {
		long id = insert(campaignId, command);
		this.lights.refreshCampaign(campaignId);
		Task created = this.views.one(row(id));
		this.events.publishEvent(EntityChanged.created("task", id, created));
		return created;
	}

	/** Adds a task without bringing the campaign's lights up to date. */
	private long insert(long campaignId, NewTask command) {
		CampaignRepository.Row campaign = this.campaigns.row(campaignId);
		this.lights.lockCampaign(campaignId);
		TaskRepository.Row parent = null;
		if (command.parentId() != null) {
			parent = this.tasks.find(command.parentId())
				.filter((row) -> row.campaignId() == campaignId)
				.orElseThrow(() -> DomainException.invalid("parentId", "unknown-parent-task",
						"No task " + command.parentId() + " in this campaign", command.parentId()));
			if (command.deadline().isAfter(parent.deadline())) {
				throw DomainException.invalid("deadline", "deadline-after-parent",
						"The deadline is after the parent task's deadline " + parent.deadline(), parent.deadline());
			}
		}
		LocalDate start = Objects.requireNonNullElse(command.startDate(),
				(parent != null) ? parent.startDate() : campaign.startDate());
		if (command.deadline().isBefore(start)) {
			throw DomainException.invalid("deadline", "deadline-before-start",
					"The deadline is before the start " + start, start);
		}
		requireUnit("leadUnitId", command.leadUnitId());
		Set<Long> cooperating = new LinkedHashSet<>(
				Objects.requireNonNullElse(command.cooperatingUnitIds(), List.of()));
		cooperating.remove(command.leadUnitId());
		cooperating.forEach((unit) -> requireUnit("cooperatingUnitIds", unit));
		if (command.territorialUnitId() != null) {
			requireUnit("territorialUnitId", command.territorialUnitId());
		}
		if (command.responsibleLeaderId() != null && this.people.findPerson(command.responsibleLeaderId()).isEmpty()) {
			throw DomainException.invalid("responsibleLeaderId", "unknown-person",
					"No person " + command.responsibleLeaderId(), command.responsibleLeaderId());
		}
		List<NewTask.MilestonePlan> plans = Objects.requireNonNullElse(command.milestones(), List.of());
		List<LocalDate> dues = new ArrayList<>();
		for (NewTask.MilestonePlan plan : plans) {
			dues.add(dueDate(plan, command.deadline(), start));
		}
		long id = this.tasks.insert(campaignId, parent, command, start,
				Objects.requireNonNullElse(command.weight(), BigDecimal.ONE), this.clock.instant());
		this.tasks.addUnit(id, command.leadUnitId(), TaskRepository.LEAD);
		cooperating.forEach((unit) -> this.tasks.addUnit(id, unit, TaskRepository.COOPERATING));
		if (command.territorialUnitId() != null) {
			this.tasks.addUnit(id, command.territorialUnitId(), TaskRepository.TERRITORIAL);
		}
		for (int i = 0; i < plans.size(); i++) {
			this.tasks.insertMilestone(id, plans.get(i).name().strip(), dues.get(i),
					plans.get(i).workingDaysBeforeDeadline(), i);
		}
		return id;
	}

	private LocalDate dueDate(NewTask.MilestonePlan plan, LocalDate deadline, LocalDate start) {
		if ((plan.dueDate() == null) == (plan.workingDaysBeforeDeadline() == null)) {
			throw DomainException.invalid("milestones", "milestone-date",
					"Give a milestone either a dueDate or workingDaysBeforeDeadline");
		}
		LocalDate due = (plan.dueDate() != null) ? plan.dueDate()
				: this.calendar.shift(deadline, -plan.workingDaysBeforeDeadline());
		if (due.isAfter(deadline)) {
			throw DomainException.invalid("milestones", "milestone-after-deadline",
					"The milestone " + plan.name() + " falls after the deadline", plan.name());
		}
		return due;
	}

	/** Changes a task's plan; a moved deadline keeps the first one as the baseline. */
	public Task change(long id, TaskChanges changes) {
		this.lights.lockCampaign(row(id).campaignId());
		TaskRepository.Row row = row(id);
		Task before = this.views.one(row);
		LocalDate deadline = Objects.requireNonNullElse(changes.deadline(), row.deadline());
		if (row.parentId() != null && deadline.isAfter(row(row.parentId()).deadline())) {
			throw DomainException.invalid("deadline", "deadline-after-parent",
					"The deadline is after the parent task's deadline", row(row.parentId()).deadline());
		}
		LocalDate latestChild = this.tasks.latestChildDeadline(id);
		if (latestChild != null && deadline.isBefore(latestChild)) {
			throw DomainException.invalid("deadline", "deadline-before-children",
					"A task below is due later, on " + latestChild, latestChild);
		}
		if (deadline.isBefore(row.startDate())) {
			throw DomainException.invalid("deadline", "deadline-before-start", "The deadline is before the start",
					row.startDate());
		}
		LocalDate baseline = (row.baselineDeadline() != null) ? row.baselineDeadline()
				: (deadline.equals(row.deadline()) ? null : row.deadline());
		Long leader = (changes.responsibleLeaderId() != null) ? changes.responsibleLeaderId()
				: row.responsibleLeaderId();
		if (changes.responsibleLeaderId() != null && this.people.findPerson(leader).isEmpty()) {
			throw DomainException.invalid("responsibleLeaderId", "unknown-person", "No person " + leader, leader);
		}
		if (!this.tasks.updatePlan(id, Objects.requireNonNullElse(changes.title(), row.title()), deadline, baseline,
				(changes.target() != null) ? changes.target() : row.target(),
				Objects.requireNonNullElse(changes.weight(), row.weight()), leader, changes.version())) {
			throw DomainException.staleVersion("task", id);
		}
		if (!deadline.equals(row.deadline())) {
			for (Milestone milestone : before.milestones()) {
				if (!milestone.done() && milestone.workingDaysBeforeDeadline() != null) {
					this.tasks.rescheduleMilestone(milestone.id(),
							this.calendar.shift(deadline, -milestone.workingDaysBeforeDeadline()));
				}
			}
		}
		this.lights.refreshCampaign(row.campaignId());
		Task after = this.views.one(row(id));
		this.events.publishEvent(EntityChanged.updated("task", id, before, after));
		return after;
	}

	/**
	 * Moves a task (with everything below it) under another parent of the same campaign,
	 * or to the top level, at a position among its new siblings (1 = first; beyond the
	 * end = last).
	 */
	public Task move(long id, Long parentId, Integer position) {
		this.lights.lockCampaign(row(id).campaignId());
		TaskRepository.Row task = row(id);
		Task before = this.views.one(task);
		TaskRepository.Row parent = null;
		if (parentId != null) {
			parent = this.tasks.find(parentId)
				.filter((row) -> row.campaignId() == task.campaignId())
				.orElseThrow(() -> DomainException.invalid("parentId", "unknown-parent-task",
						"No task " + parentId + " in this campaign", parentId));
			if (parent.idPath().startsWith(task.idPath())) {
				throw DomainException.invalid("parentId", "move-below-itself",
						"A task cannot be moved below itself or one of its own tasks");
			}
			if (task.deadline().isAfter(parent.deadline())) {
				throw DomainException.invalid("parentId", "deadline-after-parent",
						"The task is due after its new parent, on " + parent.deadline(), parent.deadline());
			}
		}
		if (!Objects.equals(parentId, task.parentId())) {
			this.tasks.reparent(task, parentId, (parent != null) ? parent.idPath() : "/");
		}
		List<Long> siblings = new ArrayList<>(this.tasks.siblings(task.campaignId(), parentId));
		siblings.remove(id);
		int index = (position == null) ? siblings.size() : Math.max(0, Math.min(position - 1, siblings.size()));
		siblings.add(index, id);
		for (int i = 0; i < siblings.size(); i++) {
			this.tasks.setPosition(siblings.get(i), i + 1);
		}
		this.lights.refreshCampaign(task.campaignId());
		Task after = this.views.one(row(id));
		this.events.publishEvent(new EntityChanged("task", String.valueOf(id), "MOVED", before, after));
		return after;
	}

	/**
	 * The campaign's tree as the caller may see it: visible tasks and the tasks above
	 * them.
	 */
	@Transactional(readOnly = true)
	public List<Task> tree(long campaignId) {
		DataScope scope = this.scopes.current();
		if (scope.all()) {
			// only whether it exists: building the campaign's view cost five queries
			this.campaigns.row(campaignId);
			return this.views.tree(this.tasks.byCampaign(campaignId));
		}
		this.campaigns.campaign(campaignId);
		List<Long> followed = this.campaigns.followed(scope);
		List<TaskRepository.Row> all = this.tasks.byCampaign(campaignId);
		if (!followed.contains(campaignId)) {
			Set<Long> shown = new HashSet<>();
			for (TaskRepository.Row row : this.tasks.visibleInCampaign(campaignId, Scopes.params(scope, followed))) {
				for (String part : row.idPath().split("/")) {
					if (!part.isEmpty()) {
						shown.add(Long.valueOf(part));
					}
				}
			}
			all = all.stream().filter((row) -> shown.contains(row.id())).toList();
		}
		return this.views.tree(all);
	}

	@Transactional(readOnly = true)
	public Task task(long id) {
		return this.views.one(visibleRow(id));
	}

	/**
	 * Every undone milestone of an open task that fell due before {@code today}, whoever
	 * asks: for the escalation rules, which run without a caller.
	 */
	@Transactional(readOnly = true)
	public List<OverdueMilestone> overdueMilestones(LocalDate today) {
		return this.tasks.overdueMilestones(today);
	}

	/**
	 * How many of the tasks the query finds (within the caller's scope) each lead unit
	 * has: one grouped query, whatever the number of tasks.
	 */
	@Transactional(readOnly = true)
	public Map<Long, Long> countByLeadUnit(TaskQuery query) {
		DataScope scope = this.scopes.current();
		return this.tasks.countByLeadUnit(query,
				Scopes.params(scope, scope.all() ? List.of() : this.campaigns.followed(scope)));
	}

	@Transactional(readOnly = true)
	public Page<Task> tasks(TaskQuery query, PageRequest page) {
		DataScope scope = this.scopes.current();
		Map<String, Object> params = Scopes.params(scope, scope.all() ? List.of() : this.campaigns.followed(scope));
		List<TaskRepository.Row> rows = this.tasks.page(query, params, page.offset(), page.size());
		return new Page<>(this.views.flat(rows), count(query, scope, params), page.page(), page.size());
	}

	/**
	 * How many tasks the query finds. Who sees everything and asks for a light (the
	 * overdue list) gets the campaigns' tallies, which every recomputation of the lights
	 * keeps; counting a province's RED tasks one by one took 15 ms a request.
	 */
	private long count(TaskQuery query, DataScope scope, Map<String, Object> params) {
		if (scope.all() && query.light() != null && query.unitId() == null && query.status() == null) {
			return this.campaigns.tasksWithLight(query.light(), query.campaignId());
		}
		return this.tasks.count(query, params);
	}

	/**
	 * Marks a milestone done on a day that has come. The supervision office or an
	 * operator or head of the task's lead unit may do so.
	 */
	public Milestone completeMilestone(long milestoneId, LocalDate completedOn, String note) {
		TaskRepository.MilestoneRow milestone = this.tasks.milestone(milestoneId)
			.orElseThrow(() -> DomainException.notFound("milestone", milestoneId));
		TaskRepository.Row task = visibleRow(milestone.taskId());
		Access.requireLeadUnitOrSupervisor(this.scopes, task.leadUnitId());
		this.lights.lockCampaign(task.campaignId());
		if (completedOn.isAfter(LocalDate.now(this.clock))) {
			throw DomainException.invalid("completedOn", "completed-in-future",
					"A milestone cannot be completed in the future");
		}
		if (milestone.milestone().done()) {
			throw DomainException.conflict("milestone-completed", "The milestone is already completed");
		}
		if (!this.tasks.completeMilestone(milestoneId, completedOn, note, milestone.milestone().version())) {
			throw DomainException.staleVersion("milestone", milestoneId);
		}
		this.lights.refreshCampaign(task.campaignId());
		Milestone after = this.tasks.milestone(milestoneId).orElseThrow().milestone();
		this.events.publishEvent(
				new EntityChanged("milestone", String.valueOf(milestoneId), "COMPLETED", milestone.milestone(), after));
		return after;
	}

	/**
	 * A task the caller may see: 404 when there is none, 403 when it is outside the data
	 * scope.
	 */
	TaskRepository.Row visibleRow(long id) {
		TaskRepository.Row row = row(id);
		DataScope scope = this.scopes.current();
		if (!scope.all() && !this.tasks.visible(id, Scopes.params(scope, this.campaigns.followed(scope)))) {
			throw DomainException.forbidden("Task " + id + " is outside your data scope");
		}
		return row;
	}

	private TaskRepository.Row row(long id) {
		return this.tasks.find(id).orElseThrow(() -> DomainException.notFound("task", id));
	}

	private void requireUnit(String field, long unitId) {
		if (!this.organization.unitExists(unitId)) {
			throw DomainException.invalid(field, "unknown-unit", "No unit " + unitId, unitId);
		}
	}

}
