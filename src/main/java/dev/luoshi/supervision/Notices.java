package dev.luoshi.supervision;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.luoshi.calendar.Calendar;
import dev.luoshi.identity.CurrentUser;
import dev.luoshi.identity.DataScope;
import dev.luoshi.identity.DataScopes;
import dev.luoshi.identity.Role;
import dev.luoshi.notification.Message;
import dev.luoshi.notification.Notifications;
import dev.luoshi.organization.Organization;
import dev.luoshi.project.Projects;
import dev.luoshi.shared.DomainException;
import dev.luoshi.shared.EntityChanged;
import dev.luoshi.shared.Texts;
import dev.luoshi.shared.Page;
import dev.luoshi.shared.PageRequest;
import dev.luoshi.work.TaskBook;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Supervision notices (督办单): issued by the supervision office or by an escalation rule,
 * numbered per year and level, due in working hours, acknowledged by the unit's first
 * responder (首问负责), answered, and closed by the office. The unit is notified.
 */
@Service
@Transactional
public class Notices {

	private static final String COLUMNS = "n.id, n.number, n.level, n.unit_id, n.subject, n.body, n.task_id, "
			+ "n.project_id, n.finding_id, n.escalated_from, n.rule_code, n.issued_at, n.due_at, n.status, "
			+ "n.acknowledged_by, n.acknowledged_at, n.response, n.responded_at, n.closed_at, n.version";

	private final JdbcClient jdbc;

	private final Calendar calendar;

	private final Organization organization;

	private final TaskBook taskBook;

	private final Projects projects;

	private final Notifications notifications;

	private final DataScopes scopes;

	private final SupervisionProperties properties;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Notices(JdbcClient jdbc, Calendar calendar, Organization organization, TaskBook taskBook, Projects projects,
			Notifications notifications, DataScopes scopes, SupervisionProperties properties,
			ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.calendar = calendar;
		this.organization = organization;
		this.taskBook = taskBook;
		this.projects = projects;
		this.notifications = notifications;
		this.scopes = scopes;
		this.properties = properties;
		this.events = events;
		this.clock = clock;
	}

	/** Issues a notice by hand (the supervision office). */
	public Notice issue(NewNotice command) {
		command = checked(command);
		if (!this.organization.unitExists(command.unitId())) {
			throw DomainException.invalid("unitId", "unknown-unit", "No unit " + command.unitId(), command.unitId());
		}
		if (command.taskId() != null) {
			this.taskBook.task(command.taskId());
		}
		if (command.projectId() != null) {
			this.projects.project(command.projectId());
		}
		if (command.findingId() != null && this.jdbc.sql("select count(*) from finding where id = ?")
			.param(command.findingId())
			.query(Long.class)
			.single() == 0) {
			throw DomainException.invalid("findingId", "unknown-finding", "No finding " + command.findingId(),
					command.findingId());
		}
		Long issuer = this.scopes.caller().map(CurrentUser::accountId).orElse(null);
		return insert(command, issuer, null, null, null, this.clock.instant());
	}

	/** What the pages send is checked here too: they do not pass Bean Validation. */
	private static NewNotice checked(NewNotice command) {
		if (command.unitId() == null) {
			throw DomainException.invalid("unitId", "required", "unitId is required");
		}
		if (command.level() == null) {
			throw DomainException.invalid("level", "required", "level is required");
		}
		Integer hours = command.responseDueWorkingHours();
		if (hours != null && (hours < 1 || hours > 2000)) {
			throw DomainException.invalid("responseDueWorkingHours", "hours-range", "1 to 2000 working hours", hours);
		}
		return new NewNotice(command.unitId(), command.level(), Texts.required("subject", command.subject(), 300),
				Texts.optional("body", command.body(), 4000), command.taskId(), command.projectId(),
				command.findingId(), hours);
	}

	/**
	 * Records a notice issued before, e.g. on paper before the system was used, with the
	 * time it was issued; its deadline counts from then.
	 */
	public Notice record(NewNotice command, Instant issuedAt) {
		command = checked(command);
		if (issuedAt.isAfter(this.clock.instant())) {
			throw DomainException.invalid("issuedAt", "in-future", "The time is in the future");
		}
		if (!this.organization.unitExists(command.unitId())) {
			throw DomainException.invalid("unitId", "unknown-unit", "No unit " + command.unitId(), command.unitId());
		}
		return insert(command, this.scopes.caller().map(CurrentUser::accountId).orElse(null), null, null, null,
				issuedAt);
	}

	/**
	 * Issues a notice for a rule, unless one was issued for the same {@code dedupeKey}
	 * before: running the rules twice never issues twice.
	 */
	Optional<Notice> issueOnce(NewNotice command, String ruleCode, String dedupeKey, Long escalatedFrom) {
		holdNumbering(command.level());
		if (issuedFor(dedupeKey)) {
			return Optional.empty();
		}
		return Optional.of(insert(command, null, ruleCode, dedupeKey, escalatedFrom, this.clock.instant()));
	}

	/** How many overdue notices each unit within the caller's scope has. */
	@Transactional(readOnly = true)
	public Map<Long, Long> overdueByUnit() {
		DataScope scope = this.scopes.current();
		Map<Long, Long> counts = new java.util.LinkedHashMap<>();
		this.jdbc
			.sql("select n.unit_id, count(*) from notice n where (:all or n.unit_id in (:scope)) "
					+ "and n.status in ('OPEN', 'ACKNOWLEDGED') and n.due_at < :now group by n.unit_id")
			.param("all", scope.all())
			.param("scope", scope.unitIds().isEmpty() ? List.of(-1L) : scope.unitIds())
			.param("now", Timestamp.from(this.clock.instant()))
			.query((rs, n) -> counts.put(rs.getLong(1), rs.getLong(2)))
			.list();
		return counts;
	}

	/** Whether a notice is still unanswered past its deadline, as of now. */
	boolean stillUnanswered(long id) {
		return this.jdbc
			.sql("select count(*) from notice where id = ? and status in ('OPEN', 'ACKNOWLEDGED') and due_at < ?")
			.params(id, Timestamp.from(this.clock.instant()))
			.query(Long.class)
			.single() > 0;
	}

	/** The causes a rule has issued notices for. */
	Set<String> causesOf(String ruleCode) {
		return new HashSet<>(
				this.jdbc.sql("select dedupe_key from notice where rule_code = ? and dedupe_key is not null")
					.param(ruleCode)
					.query(String.class)
					.list());
	}

	/** Whether a rule already issued a notice for this cause. */
	boolean issuedFor(String dedupeKey) {
		return this.jdbc.sql("select count(*) from notice where dedupe_key = ?")
			.param(dedupeKey)
			.query(Long.class)
			.single() > 0;
	}

	private Notice insert(NewNotice command, Long issuer, String ruleCode, String dedupeKey, Long escalatedFrom,
			Instant now) {
		int hours = (command.responseDueWorkingHours() != null) ? command.responseDueWorkingHours()
				: this.properties.hours(command.level());
		ZonedDateTime due = this.calendar.addWorkingHours(now.atZone(this.clock.getZone()), Duration.ofHours(hours));
		int year = now.atZone(this.clock.getZone()).getYear();
		String number = this.properties.number(command.level(), year, nextNumber(year, command.level()));
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("insert into notice (number, level, unit_id, subject, body, task_id, project_id, finding_id, "
					+ "escalated_from, rule_code, dedupe_key, issued_by, issued_at, due_at, status) "
					+ "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN')")
			.params(number, command.level().name(), command.unitId(), command.subject(), command.body(),
					command.taskId(), command.projectId(), command.findingId(), escalatedFrom, ruleCode, dedupeKey,
					issuer, Timestamp.from(now), Timestamp.from(due.toInstant()))
			.update(keys, "id");
		Notice notice = find(keys.getKeyAs(Long.class));
		this.notifications.notifyUnit(command.unitId(),
				new Message(notice.number() + " " + notice.subject(),
						(command.body() != null ? command.body() + "\n" : "") + "请于 "
								+ due.toLocalDateTime().toString().replace('T', ' ') + " 前回复。",
						"/notices/" + notice.id(), "notice", String.valueOf(notice.id())));
		this.events.publishEvent(EntityChanged.created("notice", notice.id(), notice));
		return notice;
	}

	/**
	 * Holds the numbering of a level for this year until the transaction ends: whoever
	 * issues a notice of that level meanwhile waits. The rules take it before they check
	 * whether a cause was answered and before they write anything else, so that two runs
	 * at once (two nodes) check one after the other and record each finding once, and so
	 * that they take their locks in the order a notice issued by hand does (the
	 * numbering, then the audit trail's head): the other order deadlocked with it.
	 */
	void holdNumbering(NoticeLevel level) {
		int year = this.clock.instant().atZone(this.clock.getZone()).getYear();
		this.jdbc
			.sql("insert into notice_sequence (cal_year, level, last_number) values (?, ?, 0) on conflict do nothing")
			.params(year, level.name())
			.update();
		this.jdbc.sql("select last_number from notice_sequence where cal_year = ? and level = ? for update")
			.params(year, level.name())
			.query(Integer.class)
			.single();
	}

	/**
	 * The next number of a level in a year. The row is made first if missing (never
	 * twice, also when two notices are the year's first at once); the update then holds
	 * its lock until the notice is committed, so numbers are never given twice.
	 */
	private int nextNumber(int year, NoticeLevel level) {
		this.jdbc
			.sql("insert into notice_sequence (cal_year, level, last_number) values (?, ?, 0) on conflict do nothing")
			.params(year, level.name())
			.update();
		this.jdbc.sql("update notice_sequence set last_number = last_number + 1 where cal_year = ? and level = ?")
			.params(year, level.name())
			.update();
		return this.jdbc.sql("select last_number from notice_sequence where cal_year = ? and level = ?")
			.params(year, level.name())
			.query(Integer.class)
			.single();
	}

	/**
	 * The unit's first responder takes the notice in hand (首问负责); the first one is kept.
	 */
	public Notice acknowledge(long id) {
		Notice before = notice(id);
		CurrentUser user = requireUnit(before);
		if (before.status() == NoticeStatus.CLOSED || before.status() == NoticeStatus.RESPONDED) {
			throw DomainException.conflict("notice-state", "The notice is " + before.status(), before.status());
		}
		int updated = this.jdbc
			.sql("update notice set status = 'ACKNOWLEDGED', acknowledged_by = ?, acknowledged_at = ?, "
					+ "version = version + 1 where id = ? and status = 'OPEN'")
			.params(user.accountId(), Timestamp.from(this.clock.instant()), id)
			.update();
		if (updated == 0) {
			throw DomainException.conflict("notice-state", "The notice was acknowledged already", "ACKNOWLEDGED");
		}
		Notice after = find(id);
		this.events.publishEvent(new EntityChanged("notice", String.valueOf(id), "ACKNOWLEDGED", before, after));
		return after;
	}

	public Notice respond(long id, String text) {
		text = Texts.required("text", text, 4000);
		Notice before = notice(id);
		CurrentUser user = requireUnit(before);
		if (before.status() == NoticeStatus.CLOSED || before.status() == NoticeStatus.RESPONDED) {
			throw DomainException.conflict("notice-state", "The notice is " + before.status(), before.status());
		}
		Timestamp now = Timestamp.from(this.clock.instant());
		int updated = this.jdbc
			.sql("update notice set status = 'RESPONDED', response = ?, responded_by = ?, responded_at = ?, "
					+ "acknowledged_by = coalesce(acknowledged_by, ?), acknowledged_at = coalesce(acknowledged_at, ?), "
					+ "version = version + 1 where id = ? and status in ('OPEN', 'ACKNOWLEDGED')")
			.params(text, user.accountId(), now, user.accountId(), now, id)
			.update();
		if (updated == 0) {
			throw DomainException.conflict("notice-state", "The notice was answered or closed meanwhile", "RESPONDED");
		}
		Notice after = find(id);
		this.events.publishEvent(new EntityChanged("notice", String.valueOf(id), "RESPONDED", before, after));
		return after;
	}

	/** The supervision office closes an answered notice. */
	public Notice close(long id) {
		Notice before = notice(id);
		CurrentUser user = this.scopes.caller().orElseThrow(() -> DomainException.forbidden("Sign in first"));
		if (before.status() != NoticeStatus.RESPONDED) {
			throw DomainException.conflict("notice-state", "Only an answered notice can be closed", before.status());
		}
		int updated = this.jdbc
			.sql("update notice set status = 'CLOSED', closed_by = ?, closed_at = ?, version = version + 1 "
					+ "where id = ? and status = 'RESPONDED'")
			.params(user.accountId(), Timestamp.from(this.clock.instant()), id)
			.update();
		if (updated == 0) {
			throw DomainException.conflict("notice-state", "The notice was closed meanwhile", "CLOSED");
		}
		Notice after = find(id);
		this.events.publishEvent(new EntityChanged("notice", String.valueOf(id), "CLOSED", before, after));
		return after;
	}

	/**
	 * A notice the caller may see: the office, or the unit it is addressed to (and
	 * above).
	 */
	@Transactional(readOnly = true)
	public Notice notice(long id) {
		Notice notice = find(id);
		DataScope scope = this.scopes.current();
		if (!scope.all() && !scope.includesUnit(notice.unitId())) {
			throw DomainException.forbidden("Notice " + id + " is outside your data scope");
		}
		return notice;
	}

	@Transactional(readOnly = true)
	public Page<Notice> notices(Long unitId, NoticeLevel level, NoticeStatus status, PageRequest page) {
		DataScope scope = this.scopes.current();
		StringBuilder where = new StringBuilder("(:all or n.unit_id in (:scope))");
		if (unitId != null) {
			where.append(" and n.unit_id in (:units)");
		}
		if (level != null) {
			where.append(" and n.level = :level");
		}
		if (status == NoticeStatus.OVERDUE) {
			where.append(" and n.status in ('OPEN', 'ACKNOWLEDGED') and n.due_at < :now");
		}
		else if (status == NoticeStatus.OPEN || status == NoticeStatus.ACKNOWLEDGED) {
			// as shown: past its deadline such a notice shows as OVERDUE, not as itself
			where.append(" and n.status = :status and n.due_at >= :now");
		}
		else if (status != null) {
			where.append(" and n.status = :status");
		}
		Map<String, Object> params = new java.util.HashMap<>();
		params.put("all", scope.all());
		params.put("scope", scope.unitIds().isEmpty() ? List.of(-1L) : scope.unitIds());
		if (unitId != null) {
			params.put("units", this.organization.subtree(unitId));
		}
		if (level != null) {
			params.put("level", level.name());
		}
		if (status != null) {
			params.put("status", status.name());
			params.put("now", Timestamp.from(this.clock.instant()));
		}
		List<Notice> items = this.jdbc
			.sql("select " + COLUMNS + " from notice n where " + where
					+ " order by n.issued_at desc, n.id desc offset :offset rows fetch next :size rows only")
			.params(params)
			.param("offset", page.offset())
			.param("size", page.size())
			.query(this::row)
			.list();
		long total = this.jdbc.sql("select count(*) from notice n where " + where)
			.params(params)
			.query(Long.class)
			.single();
		return new Page<>(named(items), total, page.page(), page.size());
	}

	/**
	 * Open or acknowledged notices whose deadline has passed, whoever asks (for the
	 * rules).
	 */
	List<Notice> unanswered(NoticeLevel level) {
		return named(this.jdbc
			.sql("select " + COLUMNS + " from notice n where n.level = ? and n.status in ('OPEN', 'ACKNOWLEDGED') "
					+ "and n.due_at < ? order by n.id")
			.params(level.name(), Timestamp.from(this.clock.instant()))
			.query(this::row)
			.list());
	}

	/** Units with at least {@code threshold} red cards issued this year, and how many. */
	Map<Long, Integer> redCards(int year, int threshold) {
		Map<Long, Integer> found = new java.util.LinkedHashMap<>();
		this.jdbc
			.sql("select unit_id, count(*) from notice where level in ('SUPERVISE', 'BULLETIN') and issued_at >= ? "
					+ "and issued_at < ? group by unit_id having count(*) >= ?")
			.params(Timestamp.from(java.time.LocalDate.of(year, 1, 1).atStartOfDay(this.clock.getZone()).toInstant()),
					Timestamp
						.from(java.time.LocalDate.of(year + 1, 1, 1).atStartOfDay(this.clock.getZone()).toInstant()),
					threshold)
			.query((rs) -> {
				found.put(rs.getLong(1), rs.getInt(2));
			});
		return found;
	}

	Notice find(long id) {
		return this.jdbc.sql("select " + COLUMNS + " from notice n where n.id = ?")
			.param(id)
			.query(this::row)
			.optional()
			.map((notice) -> named(List.of(notice)).get(0))
			.orElseThrow(() -> DomainException.notFound("notice", id));
	}

	private CurrentUser requireUnit(Notice notice) {
		CurrentUser user = this.scopes.caller().orElseThrow(() -> DomainException.forbidden("Sign in first"));
		if (user.hasAnyRole(Role.UNIT_OPERATOR, Role.UNIT_HEAD)
				&& this.organization.subtree(user.unitId()).contains(notice.unitId())) {
			return user;
		}
		throw DomainException.forbidden("Only the unit the notice is addressed to may answer it");
	}

	private List<Notice> named(List<Notice> notices) {
		Map<Long, String> names = this.organization.unitNames(notices.stream().map(Notice::unitId).toList());
		List<Notice> named = new ArrayList<>();
		for (Notice n : notices) {
			named.add(new Notice(n.id(), n.number(), n.level(), n.card(), n.unitId(), names.get(n.unitId()),
					n.subject(), n.body(), n.taskId(), n.projectId(), n.findingId(), n.escalatedFrom(), n.ruleCode(),
					n.issuedAt(), n.dueAt(), n.status(), n.overdue(), n.acknowledgedBy(), n.acknowledgedAt(),
					n.response(), n.respondedAt(), n.closedAt(), n.version()));
		}
		return named;
	}

	private Notice row(ResultSet rs, int n) throws SQLException {
		NoticeLevel level = NoticeLevel.valueOf(rs.getString("level"));
		NoticeStatus status = NoticeStatus.valueOf(rs.getString("status"));
		Instant due = rs.getTimestamp("due_at").toInstant();
		boolean overdue = (status == NoticeStatus.OPEN || status == NoticeStatus.ACKNOWLEDGED)
				&& due.isBefore(this.clock.instant());
		return new Notice(rs.getLong("id"), rs.getString("number"), level, level.card(), rs.getLong("unit_id"), null,
				rs.getString("subject"), rs.getString("body"), rs.getObject("task_id", Long.class),
				rs.getObject("project_id", Long.class), rs.getObject("finding_id", Long.class),
				rs.getObject("escalated_from", Long.class), rs.getString("rule_code"),
				rs.getTimestamp("issued_at").toInstant(), due, overdue ? NoticeStatus.OVERDUE : status, overdue,
				rs.getObject("acknowledged_by", Long.class), instant(rs, "acknowledged_at"), rs.getString("response"),
				instant(rs, "responded_at"), instant(rs, "closed_at"), rs.getLong("version"));
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
