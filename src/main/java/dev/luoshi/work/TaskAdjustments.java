package dev.luoshi.work;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import dev.luoshi.identity.CurrentUser;
import dev.luoshi.identity.DataScopes;
import dev.luoshi.shared.DomainException;
import dev.luoshi.shared.EntityChanged;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Requests to change a task's plan (a deadline extension, a new target value, a
 * cancellation), made by the lead unit and decided by the supervision office; an approved
 * change keeps the old plan as the baseline.
 */
@Service
@Transactional
public class TaskAdjustments {

	private static final String SELECT = "select id, task_id, kind, reason, new_deadline, new_target_value, status, "
			+ "requested_by, requested_at, decided_by, decided_at, decision_comment, version from task_adjustment";

	private final JdbcClient jdbc;

	private final TaskBook taskBook;

	private final TaskRepository tasks;

	private final LightKeeper lights;

	private final DataScopes scopes;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	TaskAdjustments(JdbcClient jdbc, TaskBook taskBook, TaskRepository tasks, LightKeeper lights, DataScopes scopes,
			ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.taskBook = taskBook;
		this.tasks = tasks;
		this.lights = lights;
		this.scopes = scopes;
		this.events = events;
		this.clock = clock;
	}

	public Adjustment request(long taskId, Adjustment.Kind kind, String reason, LocalDate newDeadline,
			BigDecimal newTargetValue) {
		TaskRepository.Row task = this.taskBook.visibleRow(taskId);
		Access.requireLeadUnitOrSupervisor(this.scopes, task.leadUnitId());
		if (task.status() != TaskStatus.OPEN) {
			throw DomainException.conflict("task-closed", "The task is " + task.status(), task.status());
		}
		if (kind == Adjustment.Kind.EXTEND_DEADLINE && (newDeadline == null || !newDeadline.isAfter(task.deadline()))) {
			throw DomainException.invalid("newDeadline", "extension-date",
					"An extension needs a new deadline after " + task.deadline(), task.deadline());
		}
		if (kind == Adjustment.Kind.CHANGE_TARGET && newTargetValue == null) {
			throw DomainException.invalid("newTargetValue", "required", "A target change needs the new value");
		}
		// one request at a time awaits a decision: requests made at once are checked one
		// after the other
		this.lights.lockCampaign(task.campaignId());
		long pending = this.jdbc.sql("select count(*) from task_adjustment where task_id = ? and status = 'PENDING'")
			.param(taskId)
			.query(Long.class)
			.single();
		if (pending > 0) {
			throw DomainException.conflict("adjustment-pending", "A request for this task awaits a decision");
		}
		CurrentUser user = this.scopes.caller().orElseThrow();
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("insert into task_adjustment (task_id, kind, reason, new_deadline, new_target_value, status, "
					+ "requested_by, requested_at) values (?, ?, ?, ?, ?, 'PENDING', ?, ?)")
			.params(taskId, kind.name(), reason.strip(), (newDeadline != null) ? Date.valueOf(newDeadline) : null,
					newTargetValue, user.accountId(), Timestamp.from(this.clock.instant()))
			.update(keys, "id");
		Adjustment created = adjustment(keys.getKeyAs(Long.class));
		this.events.publishEvent(EntityChanged.created("task-adjustment", created.id(), created));
		return created;
	}

	/** Approves (and applies) or rejects a pending request; a decision is final. */
	public Adjustment decide(long id, boolean approved, String comment) {
		Adjustment before = adjustment(id);
		TaskRepository.Row task = this.taskBook.visibleRow(before.taskId());
		if (before.status() != Adjustment.Status.PENDING) {
			throw DomainException.conflict("adjustment-decided", "The request was decided already");
		}
		CurrentUser user = this.scopes.caller().orElseThrow();
		if (user.accountId() == before.requestedBy()) {
			throw DomainException.forbidden("A request is decided by someone other than its requester");
		}
		this.lights.lockCampaign(task.campaignId());
		int decided = this.jdbc
			.sql("update task_adjustment set status = ?, decided_by = ?, decided_at = ?, decision_comment = ?, "
					+ "version = version + 1 where id = ? and status = 'PENDING'")
			.params(approved ? "APPROVED" : "REJECTED", user.accountId(), Timestamp.from(this.clock.instant()), comment,
					id)
			.update();
		if (decided == 0) {
			// another decision came first: this one must not be applied nor recorded
			throw DomainException.conflict("adjustment-decided", "The request was decided already");
		}
		if (approved) {
			apply(before, this.tasks.find(task.id()).orElseThrow());
		}
		Adjustment after = adjustment(id);
		this.events.publishEvent(new EntityChanged("task-adjustment", String.valueOf(id),
				approved ? "APPROVED" : "REJECTED", before, after));
		return after;
	}

	private void apply(Adjustment adjustment, TaskRepository.Row task) {
		switch (adjustment.kind()) {
			case EXTEND_DEADLINE -> this.taskBook.change(task.id(),
					new TaskChanges(null, adjustment.newDeadline(), null, null, null, task.version()));
			case CHANGE_TARGET -> {
				Target old = task.target();
				this.taskBook.change(task.id(),
						new TaskChanges(
								null, null, new Target((old != null) ? old.indicator() : "目标",
										adjustment.newTargetValue(), (old != null) ? old.unit() : null),
								null, null, task.version()));
			}
			case CANCEL -> {
				this.tasks.updateProgress(task.id(), task.progress(), TaskStatus.CANCELLED);
				this.lights.refreshCampaign(task.campaignId());
			}
		}
	}

	@Transactional(readOnly = true)
	public List<Adjustment> ofTask(long taskId) {
		this.taskBook.visibleRow(taskId);
		return this.jdbc.sql(SELECT + " where task_id = ? order by id desc")
			.param(taskId)
			.query(TaskAdjustments::row)
			.list();
	}

	private Adjustment adjustment(long id) {
		return this.jdbc.sql(SELECT + " where id = ?")
			.param(id)
			.query(TaskAdjustments::row)
			.optional()
			.orElseThrow(() -> DomainException.notFound("task-adjustment", id));
	}

	private static Adjustment row(ResultSet rs, int rowNum) throws SQLException {
		OffsetDateTime decidedAt = rs.getObject("decided_at", OffsetDateTime.class);
		return new Adjustment(rs.getLong("id"), rs.getLong("task_id"), Adjustment.Kind.valueOf(rs.getString("kind")),
				rs.getString("reason"), rs.getObject("new_deadline", LocalDate.class),
				rs.getBigDecimal("new_target_value"), Adjustment.Status.valueOf(rs.getString("status")),
				rs.getLong("requested_by"), rs.getObject("requested_at", OffsetDateTime.class).toInstant(),
				rs.getObject("decided_by", Long.class), (decidedAt != null) ? decidedAt.toInstant() : null,
				rs.getString("decision_comment"));
	}

}
