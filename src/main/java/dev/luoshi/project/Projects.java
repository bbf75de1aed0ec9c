package dev.luoshi.project;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import dev.luoshi.identity.DataScope;
import dev.luoshi.identity.DataScopes;
import dev.luoshi.organization.Organization;
import dev.luoshi.organization.People;
import dev.luoshi.shared.DomainException;
import dev.luoshi.shared.EntityChanged;
import dev.luoshi.shared.Page;
import dev.luoshi.shared.PageRequest;
import dev.luoshi.work.Campaigns;
import dev.luoshi.work.Light;
import dev.luoshi.work.PersonRef;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registering key projects, changing them, planning their investment and reading them
 * within the caller's data scope: the lead unit's subtree, the responsible leader, the
 * leaders whose portfolio holds the lead unit, and the commanders and members of the
 * project's headquarters.
 */
@Service
@Transactional
public class Projects {

	private final ProjectRepository projects;

	private final HeadquartersTree headquarters;

	private final ProjectLights lights;

	private final CoordinationProblems problems;

	private final Organization organization;

	private final People people;

	private final Campaigns campaigns;

	private final DataScopes scopes;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Projects(ProjectRepository projects, HeadquartersTree headquarters, ProjectLights lights,
			CoordinationProblems problems, Organization organization, People people, Campaigns campaigns,
			DataScopes scopes, ApplicationEventPublisher events, Clock clock) {
		this.projects = projects;
		this.headquarters = headquarters;
		this.lights = lights;
		this.problems = problems;
		this.organization = organization;
		this.people = people;
		this.campaigns = campaigns;
		this.scopes = scopes;
		this.events = events;
		this.clock = clock;
	}

	public Project register(NewProject command) {
		if (this.projects.codeTaken(command.code())) {
			throw DomainException.conflict("duplicate-code", "A project with code " + command.code() + " exists",
					command.code());
		}
		check(command);
		long id = this.projects.insert(command, Light.GREEN, this.clock.instant());
		if (command.headquartersId() != null) {
			this.projects.addHeadquarters(id, command.headquartersId(), true);
		}
		Objects.requireNonNullElse(command.otherHeadquartersIds(), List.<Long>of())
			.stream()
			.distinct()
			.filter((hq) -> !hq.equals(command.headquartersId()))
			.forEach((hq) -> this.projects.addHeadquarters(id, hq, false));
		Objects.requireNonNullElse(command.campaignIds(), List.<Long>of())
			.stream()
			.distinct()
			.forEach((campaign) -> this.projects.addCampaign(id, campaign));
		Objects.requireNonNullElse(command.keyListYears(), List.<Integer>of())
			.stream()
			.distinct()
			.forEach((year) -> this.projects.addKeyList(id, year));
		Objects.requireNonNullElse(command.annualPlans(), List.<AnnualPlan>of())
			.forEach((plan) -> this.projects.savePlan(id, plan));
		Objects.requireNonNullElse(command.milestones(), List.<NewProject.PlannedPhase>of())
			.forEach((milestone) -> this.projects.addMilestone(id, milestone.phase(), milestone.plannedDate()));
		this.lights.refresh(List.of(id));
		Project created = view(row(id), true);
		this.events.publishEvent(EntityChanged.created("project", id, created));
		return created;
	}

	private void check(NewProject command) {
		if (command.plannedCompletion().isBefore(command.startDate())) {
			throw DomainException.invalid("plannedCompletion", "completion-before-start",
					"The planned completion is before the start");
		}
		if (!this.organization.unitExists(command.leadUnitId())) {
			throw DomainException.invalid("leadUnitId", "unknown-unit", "No unit " + command.leadUnitId(),
					command.leadUnitId());
		}
		if (command.responsibleLeaderId() != null && this.people.findPerson(command.responsibleLeaderId()).isEmpty()) {
			throw DomainException.invalid("responsibleLeaderId", "unknown-person",
					"No person " + command.responsibleLeaderId(), command.responsibleLeaderId());
		}
		if (command.headquartersId() != null && !this.headquarters.exists(command.headquartersId())) {
			throw DomainException.invalid("headquartersId", "unknown-headquarters",
					"No headquarters " + command.headquartersId(), command.headquartersId());
		}
		for (Long hq : Objects.requireNonNullElse(command.otherHeadquartersIds(), List.<Long>of())) {
			if (!this.headquarters.exists(hq)) {
				throw DomainException.invalid("otherHeadquartersIds", "unknown-headquarters", "No headquarters " + hq,
						hq);
			}
		}
		for (Long campaign : Objects.requireNonNullElse(command.campaignIds(), List.<Long>of())) {
			if (!this.campaigns.exists(campaign)) {
				throw DomainException.invalid("campaignIds", "unknown-campaign", "No campaign " + campaign, campaign);
			}
		}
		List<AnnualPlan> plans = Objects.requireNonNullElse(command.annualPlans(), List.of());
		Set<Integer> years = new HashSet<>();
		for (int i = 0; i < plans.size(); i++) {
			checkPlan("annualPlans[" + i + "]", plans.get(i));
			if (!years.add(plans.get(i).year())) {
				throw DomainException.invalid("annualPlans[" + i + "].year", "duplicate-year",
						"The plan of " + plans.get(i).year() + " is given twice", plans.get(i).year());
			}
		}
		Set<ProjectPhase> phases = new HashSet<>();
		for (NewProject.PlannedPhase milestone : Objects.requireNonNullElse(command.milestones(),
				List.<NewProject.PlannedPhase>of())) {
			if (!phases.add(milestone.phase())) {
				throw DomainException.invalid("milestones", "duplicate-phase",
						"The phase " + milestone.phase() + " is planned twice", milestone.phase());
			}
		}
	}

	static void checkPlan(String field, AnnualPlan plan) {
		if (!plan.balanced()) {
			BigDecimal sum = plan.monthly().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
			throw DomainException.invalid(
					field + ".monthly", "plan-unbalanced", "The monthly amounts add up to " + sum.toPlainString()
							+ ", not to the annual " + plan.amount().toPlainString(),
					sum.toPlainString(), plan.amount().toPlainString());
		}
	}

	/** Changes a project; a stale {@code version} is 409. */
	public Project change(long id, ProjectChanges changes) {
		ProjectRepository.Row before = row(id);
		if (changes.responsibleLeaderId() != null && this.people.findPerson(changes.responsibleLeaderId()).isEmpty()) {
			throw DomainException.invalid("responsibleLeaderId", "unknown-person",
					"No person " + changes.responsibleLeaderId(), changes.responsibleLeaderId());
		}
		LocalDate completion = Objects.requireNonNullElse(changes.plannedCompletion(), before.plannedCompletion());
		if (completion.isBefore(before.startDate())) {
			throw DomainException.invalid("plannedCompletion", "completion-before-start",
					"The planned completion is before the start");
		}
		ProjectPhase phase = Objects.requireNonNullElse(changes.phase(), before.phase());
		ProjectRepository.Row after = new ProjectRepository.Row(id, before.code(),
				Objects.requireNonNullElse(changes.name(), before.name()),
				Objects.requireNonNullElse(changes.category(), before.category()), before.leadUnitId(),
				(changes.responsibleLeaderId() != null) ? changes.responsibleLeaderId() : before.responsibleLeaderId(),
				(changes.address() != null) ? changes.address() : before.address(), before.latitude(),
				before.longitude(),
				(changes.totalInvestment() != null) ? AnnualPlan.money(changes.totalInvestment())
						: before.totalInvestment(),
				before.startDate(), completion, phase,
				Objects.requireNonNullElse(changes.registered(), before.registered()),
				(changes.description() != null) ? changes.description() : before.description(), before.light(),
				before.version());
		if (this.projects.update(after, changes.version()) == 0) {
			throw DomainException.staleVersion("project", id);
		}
		if (phase != before.phase()) {
			LocalDate today = LocalDate.now(this.clock);
			this.projects.milestones(List.of(id))
				.stream()
				.filter((m) -> m.completedOn() == null && m.phase().compareTo(phase) <= 0)
				.forEach((m) -> this.projects.completeMilestone(m.id(), today, null));
		}
		this.lights.refresh(List.of(id));
		Project changed = view(row(id), true);
		this.events.publishEvent(EntityChanged.updated("project", id, before, changed));
		return changed;
	}

	/** Sets a year's investment plan (SUPERVISOR, ADMIN, or the lead unit). */
	public Project plan(long id, AnnualPlan plan) {
		ProjectRepository.Row row = row(id);
		checkPlan("", plan);
		Map<Long, List<AnnualPlan>> before = this.projects.plans(List.of(id), plan.year());
		this.projects.savePlan(id, plan);
		this.lights.refresh(List.of(id));
		Project changed = view(row(id), true);
		this.events.publishEvent(new EntityChanged("project", String.valueOf(row.id()), "PLANNED",
				before.getOrDefault(id, List.of()), plan.complete()));
		return changed;
	}

	public Project.PhaseMilestone completeMilestone(long milestoneId, LocalDate completedOn, String note) {
		ProjectRepository.MilestoneRow milestone = this.projects.milestone(milestoneId)
			.orElseThrow(() -> DomainException.notFound("project milestone", milestoneId));
		visibleRow(milestone.projectId());
		if (milestone.completedOn() != null) {
			throw DomainException.conflict("milestone-reached",
					"The milestone was reached on " + milestone.completedOn());
		}
		if (completedOn.isAfter(LocalDate.now(this.clock))) {
			throw DomainException.invalid("completedOn", "in-future", "The date is in the future");
		}
		this.projects.completeMilestone(milestoneId, completedOn, note);
		this.lights.refresh(List.of(milestone.projectId()));
		ProjectRepository.MilestoneRow after = this.projects.milestone(milestoneId).orElseThrow();
		this.events.publishEvent(EntityChanged.updated("project-milestone", milestoneId, milestone, after));
		return milestone(after);
	}

	/**
	 * Moves a phase milestone's planned date (SUPERVISOR, ADMIN); the first plan stays
	 * visible as the baseline.
	 */
	public Project.PhaseMilestone reschedule(long milestoneId, LocalDate plannedDate) {
		ProjectRepository.MilestoneRow milestone = this.projects.milestone(milestoneId)
			.orElseThrow(() -> DomainException.notFound("project milestone", milestoneId));
		if (milestone.completedOn() != null) {
			throw DomainException.conflict("milestone-reached",
					"The milestone was reached on " + milestone.completedOn());
		}
		this.projects.reschedule(milestoneId, plannedDate);
		this.lights.refresh(List.of(milestone.projectId()));
		ProjectRepository.MilestoneRow after = this.projects.milestone(milestoneId).orElseThrow();
		this.events.publishEvent(EntityChanged.updated("project-milestone", milestoneId, milestone, after));
		return milestone(after);
	}

	/** A project the caller may see, whole (403 outside the scope, 404 if none). */
	@Transactional(readOnly = true)
	public Project project(long id) {
		return view(visibleRow(id), true);
	}

	@Transactional(readOnly = true)
	public Page<Project> projects(ProjectQuery query, PageRequest page) {
		ProjectRepository.ProjectFilter filter = filter(query);
		List<ProjectRepository.Row> rows = this.projects.page(filter, page.offset(), page.size());
		return new Page<>(views(rows), this.projects.count(filter), page.page(), page.size());
	}

	/** Every project of the query within the scope, listed like a page (for ledgers). */
	@Transactional(readOnly = true)
	public List<Project> all(ProjectQuery query) {
		List<Project> found = new ArrayList<>();
		ProjectRepository.ProjectFilter filter = filter(query);
		List<Long> ids = this.projects.ids(filter);
		for (int from = 0; from < ids.size(); from += PageRequest.MAX_SIZE) {
			found.addAll(views(this.projects.page(filter, from, PageRequest.MAX_SIZE)));
		}
		return found;
	}

	/**
	 * The projects filed under any of these campaigns, within the scope, listed like a
	 * page: one more query than {@link #all(ProjectQuery)}.
	 */
	@Transactional(readOnly = true)
	public List<Project> ofCampaigns(Collection<Long> campaignIds) {
		if (campaignIds.isEmpty()) {
			return List.of();
		}
		Set<Long> ids = this.projects.projectsOfCampaigns(campaignIds);
		return all(ProjectQuery.all()).stream().filter((project) -> ids.contains(project.id())).toList();
	}

	ProjectRepository.ProjectFilter filter(ProjectQuery query) {
		DataScope scope = this.scopes.current();
		Collection<Long> commanded = (scope.all() || scope.personId() == null) ? List.of()
				: this.headquarters.commandedBy(scope.personId());
		Set<Long> hqs = (query.headquartersId() != null) ? this.headquarters.subtree(query.headquartersId()) : null;
		Set<Long> units = (query.unitId() != null) ? this.organization.subtree(query.unitId()) : null;
		return new ProjectRepository.ProjectFilter(scope, commanded, hqs, units, query);
	}

	ProjectRepository.Row row(long id) {
		return this.projects.find(id).orElseThrow(() -> DomainException.notFound("project", id));
	}

	/** The project's row when the caller may see it. */
	ProjectRepository.Row visibleRow(long id) {
		ProjectRepository.Row row = row(id);
		DataScope scope = this.scopes.current();
		if (scope.all() || scope.includesUnit(row.leadUnitId())
				|| Objects.equals(scope.personId(), row.responsibleLeaderId())
				|| (scope.personId() != null && this.projects.headquarters(List.of(id))
					.getOrDefault(id, List.of())
					.stream()
					.anyMatch((hq) -> this.headquarters.commandedBy(scope.personId()).contains(hq.id())))) {
			return row;
		}
		throw DomainException.forbidden("Project " + id + " is outside your data scope");
	}

	private List<Project> views(List<ProjectRepository.Row> rows) {
		List<Long> ids = rows.stream().map(ProjectRepository.Row::id).toList();
		int year = LocalDate.now(this.clock).getYear();
		Map<Long, List<AnnualPlan>> plans = this.projects.plans(ids, year);
		Map<Long, BigDecimal[]> figures = this.projects.figures(ids, year);
		Map<Long, List<Project.HeadquartersRef>> hqs = this.projects.headquarters(ids);
		Map<Long, Long> primary = this.projects.primaryHeadquarters(ids);
		Set<Long> units = new HashSet<>();
		Set<Long> persons = new HashSet<>();
		rows.forEach((row) -> {
			units.add(row.leadUnitId());
			if (row.responsibleLeaderId() != null) {
				persons.add(row.responsibleLeaderId());
			}
		});
		Map<Long, String> unitNames = this.organization.unitNames(units);
		Map<Long, String> names = this.people.names(persons);
		int through = this.lights.throughMonth(year);
		List<Project> views = new ArrayList<>();
		for (ProjectRepository.Row row : rows) {
			AnnualPlan plan = plans.getOrDefault(row.id(), List.of()).stream().findFirst().orElse(null);
			views.add(project(row, primary.get(row.id()), hqs.getOrDefault(row.id(), List.of()), null, null,
					unitNames.get(row.leadUnitId()), names,
					ProjectLights.progress(year, through, plan, figures.get(row.id())), null, null, null));
		}
		return views;
	}

	private Project view(ProjectRepository.Row row, boolean whole) {
		Project listed = views(List.of(row)).get(0);
		if (!whole) {
			return listed;
		}
		long id = row.id();
		Map<Long, String> names = new HashMap<>();
		if (listed.responsibleLeader() != null) {
			names.put(listed.responsibleLeader().id(), listed.responsibleLeader().name());
		}
		return project(row, listed.headquartersId(), listed.headquarters(), this.projects.campaigns(id),
				this.projects.keyLists(id), listed.leadUnitName(), names, listed.progress(),
				this.projects.plans(List.of(id), null).getOrDefault(id, List.of()),
				this.projects.milestones(List.of(id)).stream().map(this::milestone).toList(),
				this.problems.ofProject(id));
	}

	private Project project(ProjectRepository.Row row, Long primary, List<Project.HeadquartersRef> hqs,
			List<Long> campaignIds, List<Integer> keyLists, String unitName, Map<Long, String> names,
			InvestmentProgress progress, List<AnnualPlan> plans, List<Project.PhaseMilestone> milestones,
			List<CoordinationProblem> problems) {
		PersonRef leader = (row.responsibleLeaderId() != null)
				? new PersonRef(row.responsibleLeaderId(), names.get(row.responsibleLeaderId())) : null;
		return new Project(row.id(), row.code(), row.name(), row.category(), primary, hqs, campaignIds, keyLists,
				row.leadUnitId(), unitName, leader,
				new Project.Location(row.address(), row.latitude(), row.longitude()), row.totalInvestment(),
				row.startDate(), row.plannedCompletion(), row.phase(), row.registered(), row.description(), row.light(),
				progress, plans, milestones, problems, row.version());
	}

	private Project.PhaseMilestone milestone(ProjectRepository.MilestoneRow m) {
		return new Project.PhaseMilestone(m.id(), m.phase(), m.plannedDate(), m.baselineDate(), m.completedOn(),
				m.note(), this.lights.light(m));
	}

}
