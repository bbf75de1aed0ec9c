package dev.luoshi.supervision;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.luoshi.identity.CurrentUser;
import dev.luoshi.identity.DataScope;
import dev.luoshi.identity.DataScopes;
import dev.luoshi.identity.Role;
import dev.luoshi.notification.Message;
import dev.luoshi.notification.Notifications;
import dev.luoshi.organization.Organization;
import dev.luoshi.shared.DomainException;
import dev.luoshi.shared.EntityChanged;
import dev.luoshi.shared.Texts;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rectification loop. Every step is timestamped and audited; a step the state does
 * not allow (submitting twice, verifying before submission or by the submitter, anything
 * after CLOSED) is a 409.
 */
@Service
@Transactional
public class Rectifications {

	private static final String COLUMNS = "r.id, r.notice_id, n.number, r.unit_id, r.measures, r.due_date, r.status, "
			+ "r.evidence, r.submitted_by, r.submitted_at, r.verified_by, r.verified_at, r.comment, r.rounds, r.version";

	private final JdbcClient jdbc;

	private final Notices notices;

	private final Organization organization;

	private final Notifications notifications;

	private final DataScopes scopes;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Rectifications(JdbcClient jdbc, Notices notices, Organization organization, Notifications notifications,
			DataScopes scopes, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.notices = notices;
		this.organization = organization;
		this.notifications = notifications;
		this.scopes = scopes;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Opens a rectification of a notice: the office assigns it, or the unit proposes its
	 * measures.
	 */
	public Rectification open(long noticeId, String measures, LocalDate dueDate) {
		Notice notice = this.notices.notice(noticeId);
		CurrentUser user = caller();
		if (!user.hasAnyRole(Role.SUPERVISOR, Role.ADMIN) && !operatesFor(user, notice.unitId())) {
			throw DomainException.forbidden("Only the office or the unit the notice is addressed to may do this");
		}
		measures = Texts.required("measures", measures, 4000);
		if (dueDate == null) {
			throw DomainException.invalid("dueDate", "required", "dueDate is required");
		}
		if (dueDate.isBefore(LocalDate.now(this.clock))) {
			throw DomainException.invalid("dueDate", "in-past", "The date is before today", dueDate);
		}
		if (notice.status() == NoticeStatus.CLOSED) {
			throw DomainException.conflict("notice-state", "The notice is CLOSED", notice.status());
		}
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("insert into rectification (notice_id, unit_id, measures, due_date, status, created_by, created_at) "
					+ "values (?, ?, ?, ?, 'OPEN', ?, ?)")
			.params(noticeId, notice.unitId(), measures, Date.valueOf(dueDate), user.accountId(),
					Timestamp.from(this.clock.instant()))
			.update(keys, "id");
		Rectification created = find(keys.getKeyAs(Long.class));
		this.events.publishEvent(EntityChanged.created("rectification", created.id(), created));
		return created;
	}

	/** The unit submits its evidence. */
	public Rectification submit(long id, String evidence) {
		Rectification before = rectification(id);
		CurrentUser user = caller();
		if (!operatesFor(user, before.unitId())) {
			throw DomainException.forbidden("Only the unit under rectification submits its evidence");
		}
		if (before.status() != Rectification.Status.OPEN) {
			throw DomainException.conflict("rectification-state",
					"A " + before.status() + " rectification cannot be submitted", before.status());
		}
		int updated = this.jdbc
			.sql("update rectification set status = 'SUBMITTED', evidence = ?, submitted_by = ?, submitted_at = ?, "
					+ "version = version + 1 where id = ? and status = 'OPEN'")
			.params(Texts.required("evidence", evidence, 4000), user.accountId(), Timestamp.from(this.clock.instant()),
					id)
			.update();
		if (updated == 0) {
			// someone else submitted in between
			throw DomainException.conflict("rectification-state", "The rectification was submitted meanwhile",
					Rectification.Status.SUBMITTED);
		}
		Rectification after = find(id);
		this.events.publishEvent(new EntityChanged("rectification", String.valueOf(id), "SUBMITTED", before, after));
		return after;
	}

	/** The office verifies: passed closes it, failed sends it back to OPEN. */
	public Rectification verify(long id, boolean passed, String comment) {
		Rectification before = rectification(id);
		CurrentUser user = caller();
		if (before.status() != Rectification.Status.SUBMITTED) {
			throw DomainException.conflict("rectification-state",
					"A " + before.status() + " rectification cannot be verified", before.status());
		}
		if (Objects.equals(before.submittedBy(), user.accountId())) {
			throw DomainException.conflict("verifier-is-submitter", "Who submitted the evidence may not verify it");
		}
		int updated = this.jdbc
			.sql("update rectification set status = ?, verified_by = ?, verified_at = ?, comment = ?, "
					+ "rounds = rounds + 1, version = version + 1 where id = ? and status = 'SUBMITTED'")
			.params(passed ? "CLOSED" : "OPEN", user.accountId(), Timestamp.from(this.clock.instant()),
					Texts.optional("comment", comment, 2000), id)
			.update();
		if (updated == 0) {
			// another verifier decided in between
			throw DomainException.conflict("rectification-state", "The rectification was verified meanwhile",
					Rectification.Status.SUBMITTED);
		}
		Rectification after = find(id);
		this.notifications.notifyUnit(after.unitId(),
				new Message((passed ? "整改已通过验收：" : "整改未通过验收，请继续整改：") + after.noticeNumber(), comment, "/rectifications",
						"rectification", String.valueOf(id)));
		this.events.publishEvent(new EntityChanged("rectification", String.valueOf(id),
				passed ? "VERIFIED" : "REJECTED", before, after));
		return after;
	}

	@Transactional(readOnly = true)
	public Rectification rectification(long id) {
		Rectification found = find(id);
		DataScope scope = this.scopes.current();
		if (!scope.all() && !scope.includesUnit(found.unitId())) {
			throw DomainException.forbidden("Rectification " + id + " is outside your data scope");
		}
		return found;
	}

	/**
	 * The rectification ledger within the caller's scope, by unit, campaign and status.
	 */
	@Transactional(readOnly = true)
	public List<Rectification> ledger(Long unitId, Long campaignId, Rectification.Status status) {
		DataScope scope = this.scopes.current();
		StringBuilder where = new StringBuilder("(:all or r.unit_id in (:scope))");
		Map<String, Object> params = new java.util.HashMap<>();
		params.put("all", scope.all());
		params.put("scope", scope.unitIds().isEmpty() ? List.of(-1L) : scope.unitIds());
		if (unitId != null) {
			where.append(" and r.unit_id in (:units)");
			params.put("units", this.organization.subtree(unitId));
		}
		if (campaignId != null) {
			where.append(" and n.task_id in (select t.id from task t where t.campaign_id = :campaign)");
			params.put("campaign", campaignId);
		}
		if (status != null) {
			where.append(" and r.status = :status");
			params.put("status", status.name());
		}
		return named(this.jdbc
			.sql("select " + COLUMNS + " from rectification r join notice n on n.id = r.notice_id where " + where
					+ " order by r.status, r.due_date, r.id fetch first 500 rows only")
			.params(params)
			.query(this::row)
			.list());
	}

	/** The rectifications of a notice the caller may see. */
	@Transactional(readOnly = true)
	public List<Rectification> ofNotice(long noticeId) {
		this.notices.notice(noticeId);
		return named(this.jdbc
			.sql("select " + COLUMNS + " from rectification r join notice n on n.id = r.notice_id "
					+ "where r.notice_id = ? order by r.id")
			.param(noticeId)
			.query(this::row)
			.list());
	}

	private boolean operatesFor(CurrentUser user, long unitId) {
		return user.hasAnyRole(Role.UNIT_OPERATOR, Role.UNIT_HEAD)
				&& this.organization.subtree(user.unitId()).contains(unitId);
	}

	private CurrentUser caller() {
		return this.scopes.caller().orElseThrow(() -> DomainException.forbidden("Sign in first"));
	}

	private Rectification find(long id) {
		return this.jdbc
			.sql("select " + COLUMNS + " from rectification r join notice n on n.id = r.notice_id where r.id = ?")
			.param(id)
			.query(this::row)
			.optional()
			.map((found) -> named(List.of(found)).get(0))
			.orElseThrow(() -> DomainException.notFound("rectification", id));
	}

	private List<Rectification> named(List<Rectification> found) {
		Map<Long, String> names = this.organization.unitNames(found.stream().map(Rectification::unitId).toList());
		return found.stream()
			.map((r) -> new Rectification(r.id(), r.noticeId(), r.noticeNumber(), r.unitId(), names.get(r.unitId()),
					r.measures(), r.dueDate(), r.status(), r.evidence(), r.submittedBy(), r.submittedAt(),
					r.verifiedBy(), r.verifiedAt(), r.comment(), r.rounds(), r.overdue(), r.version()))
			.toList();
	}

	private Rectification row(ResultSet rs, int n) throws SQLException {
		Rectification.Status status = Rectification.Status.valueOf(rs.getString("status"));
		LocalDate due = rs.getDate("due_date").toLocalDate();
		return new Rectification(rs.getLong("id"), rs.getLong("notice_id"), rs.getString("number"),
				rs.getLong("unit_id"), null, rs.getString("measures"), due, status, rs.getString("evidence"),
				rs.getObject("submitted_by", Long.class), Notices.instant(rs, "submitted_at"),
				rs.getObject("verified_by", Long.class), Notices.instant(rs, "verified_at"), rs.getString("comment"),
				rs.getInt("rounds"), status != Rectification.Status.CLOSED && due.isBefore(LocalDate.now(this.clock)),
				rs.getLong("version"));
	}

}
