package dev.luoshi.supervision;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.luoshi.identity.CurrentUser;
import dev.luoshi.identity.DataScope;
import dev.luoshi.identity.DataScopes;
import dev.luoshi.organization.Organization;
import dev.luoshi.organization.People;
import dev.luoshi.shared.DomainException;
import dev.luoshi.shared.EntityChanged;
import dev.luoshi.shared.Texts;
import dev.luoshi.work.NewTask;
import dev.luoshi.work.Task;
import dev.luoshi.work.TaskBook;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where supervision starts: the month's inspection plan and what inspections find,
 * leaders' instructions (领导批示) and meeting decisions, each a finding addressed to a unit,
 * from which notices are issued.
 */
@Service
@Transactional
public class Findings {

	private static final String FINDING_COLUMNS = "id, source, inspection_id, meeting_id, leader_id, unit_id, task_id, "
			+ "project_id, description, instructed_on, deadline, created_at";

	private final JdbcClient jdbc;

	private final Organization organization;

	private final People people;

	private final DataScopes scopes;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final TaskBook taskBook;

	Findings(JdbcClient jdbc, Organization organization, People people, DataScopes scopes, TaskBook taskBook,
			ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.taskBook = taskBook;
		this.organization = organization;
		this.people = people;
		this.scopes = scopes;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * What a finding says, to whom, about what, by when. A meeting decision with a
	 * {@code campaignId} becomes a task of that campaign, led by the unit, due by the
	 * deadline, and the finding is about that task.
	 */
	public record NewFinding(long unitId, String description, Long taskId, Long projectId, LocalDate deadline,
			Long campaignId) {

		public NewFinding(long unitId, String description, Long taskId, Long projectId, LocalDate deadline) {
			this(unitId, description, taskId, projectId, deadline, null);
		}

	}

	public Inspection planInspection(Inspection.Kind kind, String title, String scope, String inspectors,
			LocalDate plannedOn) {
		if (kind == null || plannedOn == null) {
			throw DomainException.invalid((kind == null) ? "kind" : "plannedOn", "required", "kind and plannedOn");
		}
		title = Texts.required("title", title, 300);
		scope = Texts.optional("scope", scope, 2000);
		inspectors = Texts.optional("inspectors", inspectors, 500);
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("insert into inspection (kind, title, scope, inspectors, planned_on, created_by, created_at) "
					+ "values (?, ?, ?, ?, ?, ?, ?)")
			.params(kind.name(), title, scope, inspectors, Date.valueOf(plannedOn), caller().accountId(),
					Timestamp.from(this.clock.instant()))
			.update(keys, "id");
		Inspection created = inspection(keys.getKeyAs(Long.class));
		this.events.publishEvent(EntityChanged.created("inspection", created.id(), created));
		return created;
	}

	/** Records an inspection as done, with its summary and what it found. */
	public List<Finding> completeInspection(long id, LocalDate doneOn, String summary, List<NewFinding> found) {
		Inspection before = inspection(id);
		if (before.doneOn() != null) {
			throw DomainException.conflict("inspection-done", "The inspection was recorded on " + before.doneOn());
		}
		this.jdbc.sql("update inspection set done_on = ?, summary = ? where id = ?")
			.params(Date.valueOf(doneOn), summary, id)
			.update();
		List<Finding> findings = new ArrayList<>();
		for (NewFinding finding : found) {
			findings.add(insert(Finding.Source.INSPECTION, id, null, null, null, finding));
		}
		this.events.publishEvent(new EntityChanged("inspection", String.valueOf(id), "DONE", before, inspection(id)));
		return findings;
	}

	/** A leader's instruction (领导批示) on a matter, to a unit, by a date. */
	public Finding instruct(long leaderId, LocalDate instructedOn, NewFinding finding) {
		if (this.people.findPerson(leaderId).isEmpty()) {
			throw DomainException.invalid("leaderId", "unknown-person", "No person " + leaderId, leaderId);
		}
		return insert(Finding.Source.INSTRUCTION, null, null, leaderId, instructedOn, finding);
	}

	/** A meeting (调度会 / 一线会商) whose decisions each become a finding for a unit. */
	public List<Finding> recordMeeting(String title, LocalDate heldOn, Long chairId, List<NewFinding> decisions) {
		title = Texts.required("title", title, 300);
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("insert into meeting (title, held_on, chair_id, created_at) values (?, ?, ?, ?)")
			.params(title, Date.valueOf(heldOn), chairId, Timestamp.from(this.clock.instant()))
			.update(keys, "id");
		long meeting = keys.getKeyAs(Long.class);
		List<Finding> findings = new ArrayList<>();
		for (NewFinding decision : decisions) {
			findings.add(insert(Finding.Source.MEETING, null, meeting, chairId, heldOn, asTask(decision)));
		}
		this.events.publishEvent(EntityChanged.created("meeting", meeting,
				Map.of("title", title, "decisions", findings.stream().map(Finding::id).toList())));
		return findings;
	}

	/**
	 * What the escalation rules detected in the data: an overdue milestone, a missing
	 * report.
	 */
	Finding monitored(NewFinding finding) {
		return insert(Finding.Source.MONITORING, null, null, null, null, finding);
	}

	/** A decision that is to become a task, about the task it became. */
	private NewFinding asTask(NewFinding decision) {
		if (decision.campaignId() == null) {
			return decision;
		}
		if (decision.deadline() == null) {
			throw DomainException.invalid("decisions", "decision-deadline",
					"A decision that becomes a task needs a deadline");
		}
		String title = decision.description().strip();
		Task task = this.taskBook.addTask(decision.campaignId(),
				new NewTask(null, (title.length() > 500) ? title.substring(0, 500) : title, decision.unitId(),
						List.of(), null, null, decision.deadline(), null, null, null, List.of()));
		return new NewFinding(decision.unitId(), decision.description(), task.id(), decision.projectId(),
				decision.deadline(), decision.campaignId());
	}

	private Finding insert(Finding.Source source, Long inspection, Long meeting, Long leader, LocalDate on,
			NewFinding finding) {
		Texts.required("description", finding.description(), 4000);
		if (finding.campaignId() != null && source != Finding.Source.MEETING) {
			throw DomainException.invalid("campaignId", "finding-campaign", "Only a meeting's decisions become tasks");
		}
		if (!this.organization.unitExists(finding.unitId())) {
			throw DomainException.invalid("unitId", "unknown-unit", "No unit " + finding.unitId(), finding.unitId());
		}
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("insert into finding (source, inspection_id, meeting_id, leader_id, unit_id, task_id, project_id, "
					+ "description, instructed_on, deadline, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(source.name(), inspection, meeting, leader, finding.unitId(), finding.taskId(), finding.projectId(),
					finding.description(), (on != null) ? Date.valueOf(on) : null,
					(finding.deadline() != null) ? Date.valueOf(finding.deadline()) : null,
					Timestamp.from(this.clock.instant()))
			.update(keys, "id");
		Finding created = finding(keys.getKeyAs(Long.class));
		this.events.publishEvent(EntityChanged.created("finding", created.id(), created));
		return created;
	}

	/** The inspections planned in a month (每月一督查). */
	@Transactional(readOnly = true)
	public List<Inspection> plan(YearMonth month) {
		return this.jdbc
			.sql("select i.*, (select count(*) from finding f where f.inspection_id = i.id) findings from inspection i "
					+ "where i.planned_on between ? and ? order by i.planned_on, i.id")
			.params(Date.valueOf(month.atDay(1)), Date.valueOf(month.atEndOfMonth()))
			.query(this::inspectionRow)
			.list();
	}

	@Transactional(readOnly = true)
	public Inspection inspection(long id) {
		return this.jdbc
			.sql("select i.*, (select count(*) from finding f where f.inspection_id = i.id) findings from inspection i "
					+ "where i.id = ?")
			.param(id)
			.query(this::inspectionRow)
			.optional()
			.orElseThrow(() -> DomainException.notFound("inspection", id));
	}

	/** Findings within the caller's scope, newest first. */
	@Transactional(readOnly = true)
	public List<Finding> findings(Long unitId, Finding.Source source) {
		return findings(unitId, source, false, 500);
	}

	/**
	 * What people found (inspections, instructions, meetings), not what the rules
	 * detected, newest first, within the caller's scope.
	 */
	@Transactional(readOnly = true)
	public List<Finding> peoplesFindings(int limit) {
		return findings(null, null, true, limit);
	}

	private List<Finding> findings(Long unitId, Finding.Source source, boolean people, int limit) {
		DataScope scope = this.scopes.current();
		StringBuilder where = new StringBuilder("(:all or unit_id in (:scope))");
		Map<String, Object> params = new java.util.HashMap<>();
		params.put("all", scope.all());
		params.put("scope", scope.unitIds().isEmpty() ? List.of(-1L) : scope.unitIds());
		if (unitId != null) {
			where.append(" and unit_id in (:units)");
			params.put("units", this.organization.subtree(unitId));
		}
		if (source != null) {
			where.append(" and source = :source");
			params.put("source", source.name());
		}
		if (people) {
			where.append(" and source <> 'MONITORING'");
		}
		return named(this.jdbc
			.sql("select " + FINDING_COLUMNS + " from finding where " + where
					+ " order by created_at desc, id desc fetch first " + limit + " rows only")
			.params(params)
			.query(this::findingRow)
			.list());
	}

	Finding finding(long id) {
		return named(this.jdbc.sql("select " + FINDING_COLUMNS + " from finding where id = ?")
			.param(id)
			.query(this::findingRow)
			.list()).stream().findFirst().orElseThrow(() -> DomainException.notFound("finding", id));
	}

	private List<Finding> named(List<Finding> found) {
		Map<Long, String> names = this.organization.unitNames(found.stream().map(Finding::unitId).toList());
		return found.stream()
			.map((f) -> new Finding(f.id(), f.source(), f.inspectionId(), f.meetingId(), f.leaderId(), f.unitId(),
					names.get(f.unitId()), f.taskId(), f.projectId(), f.description(), f.instructedOn(), f.deadline(),
					f.createdAt()))
			.toList();
	}

	private CurrentUser caller() {
		return this.scopes.caller().orElseThrow(() -> DomainException.forbidden("Sign in first"));
	}

	private Inspection inspectionRow(ResultSet rs, int n) throws SQLException {
		Date done = rs.getDate("done_on");
		return new Inspection(rs.getLong("id"), Inspection.Kind.valueOf(rs.getString("kind")), rs.getString("title"),
				rs.getString("scope"), rs.getString("inspectors"), rs.getDate("planned_on").toLocalDate(),
				(done != null) ? done.toLocalDate() : null, rs.getString("summary"), rs.getInt("findings"));
	}

	private Finding findingRow(ResultSet rs, int n) throws SQLException {
		Date on = rs.getDate("instructed_on");
		Date deadline = rs.getDate("deadline");
		return new Finding(rs.getLong("id"), Finding.Source.valueOf(rs.getString("source")),
				rs.getObject("inspection_id", Long.class), rs.getObject("meeting_id", Long.class),
				rs.getObject("leader_id", Long.class), rs.getLong("unit_id"), null, rs.getObject("task_id", Long.class),
				rs.getObject("project_id", Long.class), rs.getString("description"),
				(on != null) ? on.toLocalDate() : null, (deadline != null) ? deadline.toLocalDate() : null,
				rs.getTimestamp("created_at").toInstant());
	}

}
