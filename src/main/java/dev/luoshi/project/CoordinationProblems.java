package dev.luoshi.project;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import dev.luoshi.identity.CurrentUser;
import dev.luoshi.identity.DataScopes;
import dev.luoshi.organization.Organization;
import dev.luoshi.shared.DomainException;
import dev.luoshi.shared.EntityChanged;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Problems needing coordination (需协调解决问题): raised on a project by its lead unit or the
 * supervision office, addressed to the unit that must solve them by a date, and marked
 * solved by that unit or the office.
 */
@Service
@Transactional
public class CoordinationProblems {

	private static final String COLUMNS = "id, project_id, description, solver_unit_id, due_date, status, resolution, "
			+ "solved_on, raised_at, version";

	private final JdbcClient jdbc;

	private final Projects projects;

	private final Organization organization;

	private final DataScopes scopes;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	CoordinationProblems(JdbcClient jdbc, @Lazy Projects projects, Organization organization, DataScopes scopes,
			ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.projects = projects;
		this.organization = organization;
		this.scopes = scopes;
		this.events = events;
		this.clock = clock;
	}

	public CoordinationProblem raise(long projectId, String description, long solverUnitId, LocalDate dueDate) {
		ProjectRepository.Row project = this.projects.visibleRow(projectId);
		CurrentUser user = Access.requireUnitOrSupervisor(this.scopes, this.organization, project.leadUnitId());
		if (!this.organization.unitExists(solverUnitId)) {
			throw DomainException.invalid("solverUnitId", "unknown-unit", "No unit " + solverUnitId, solverUnitId);
		}
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("insert into project_problem (project_id, description, solver_unit_id, due_date, status, raised_by, "
					+ "raised_at) values (?, ?, ?, ?, 'OPEN', ?, ?)")
			.params(projectId, description, solverUnitId, Date.valueOf(dueDate), user.accountId(),
					Timestamp.from(this.clock.instant()))
			.update(keys, "id");
		CoordinationProblem created = problem(keys.getKeyAs(Long.class));
		this.events.publishEvent(EntityChanged.created("project-problem", created.id(), created));
		return created;
	}

	/**
	 * Marks a problem solved: by the unit that had to solve it, or the supervision
	 * office.
	 */
	public CoordinationProblem solve(long id, LocalDate solvedOn, String resolution) {
		CoordinationProblem before = problem(id);
		this.projects.row(before.projectId());
		Access.requireUnitOrSupervisor(this.scopes, this.organization, before.solverUnitId());
		if (before.status() == CoordinationProblem.Status.SOLVED) {
			throw DomainException.conflict("problem-solved", "The problem was solved on " + before.solvedOn());
		}
		if (solvedOn.isAfter(LocalDate.now(this.clock))) {
			throw DomainException.invalid("solvedOn", "in-future", "The date is in the future");
		}
		this.jdbc
			.sql("update project_problem set status = 'SOLVED', solved_on = ?, resolution = ?, version = version + 1 "
					+ "where id = ?")
			.params(Date.valueOf(solvedOn), resolution, id)
			.update();
		CoordinationProblem after = problem(id);
		this.events.publishEvent(EntityChanged.updated("project-problem", id, before, after));
		return after;
	}

	@Transactional(readOnly = true)
	public List<CoordinationProblem> ofProject(long projectId) {
		return list("project_id = ?", projectId);
	}

	CoordinationProblem problem(long id) {
		return list("id = ?", id).stream()
			.findFirst()
			.orElseThrow(() -> DomainException.notFound("project problem", id));
	}

	private List<CoordinationProblem> list(String condition, long param) {
		LocalDate today = LocalDate.now(this.clock);
		List<Row> rows = this.jdbc
			.sql("select " + COLUMNS + " from project_problem where " + condition + " order by status, due_date, id")
			.param(param)
			.query((rs, n) -> new Row(rs.getLong("id"), rs.getLong("project_id"), rs.getString("description"),
					rs.getLong("solver_unit_id"), ProjectRepository.date(rs, "due_date"),
					CoordinationProblem.Status.valueOf(rs.getString("status")), rs.getString("resolution"),
					ProjectRepository.date(rs, "solved_on"), rs.getTimestamp("raised_at").toInstant(),
					rs.getLong("version")))
			.list();
		Map<Long, String> units = this.organization.unitNames(rows.stream().map(Row::solverUnitId).toList());
		return rows.stream()
			.map((r) -> new CoordinationProblem(r.id(), r.projectId(), r.description(), r.solverUnitId(),
					units.get(r.solverUnitId()), r.dueDate(), r.status(), r.resolution(), r.solvedOn(), r.raisedAt(),
					r.status() == CoordinationProblem.Status.OPEN && r.dueDate().isBefore(today), r.version()))
			.toList();
	}

	private record Row(long id, long projectId, String description, long solverUnitId, LocalDate dueDate,
			CoordinationProblem.Status status, String resolution, LocalDate solvedOn, java.time.Instant raisedAt,
			long version) {
	}

}
