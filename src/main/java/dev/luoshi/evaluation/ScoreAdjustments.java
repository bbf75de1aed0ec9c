package dev.luoshi.evaluation;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

import dev.luoshi.identity.CurrentUser;
import dev.luoshi.shared.Period;
import dev.luoshi.identity.DataScope;
import dev.luoshi.identity.DataScopes;
import dev.luoshi.identity.Role;
import dev.luoshi.notification.Message;
import dev.luoshi.notification.Notifications;
import dev.luoshi.shared.DomainException;
import dev.luoshi.shared.EntityChanged;
import dev.luoshi.shared.Texts;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bonus and penalty items and their exemptions. The office records items; a unit head
 * asks for the exemption of a penalty of the unit; a supervisor other than the requester
 * decides, and an approval takes the penalty out of every unpublished ranking at once (a
 * published one keeps what it published).
 */
@Service
@Transactional
public class ScoreAdjustments {

	private static final String ITEM = "select a.id, a.scheme_id, a.unit_id, u.name, a.period, a.kind, a.points, "
			+ "a.reason, a.evidence, a.exempted, a.created_at, a.version from adjustment a join unit u on u.id = a.unit_id";

	private static final String EXEMPTION = "select x.id, x.adjustment_id, a.unit_id, u.name, a.period, x.reason, "
			+ "x.status, x.requested_by, x.requested_at, x.decided_by, x.decided_at, x.comment, x.version "
			+ "from exemption x join adjustment a on a.id = x.adjustment_id join unit u on u.id = a.unit_id";

	private final JdbcClient jdbc;

	private final Schemes schemes;

	private final Rankings rankings;

	private final DataScopes scopes;

	private final Notifications notifications;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ScoreAdjustments(JdbcClient jdbc, Schemes schemes, Rankings rankings, DataScopes scopes,
			Notifications notifications, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.schemes = schemes;
		this.rankings = rankings;
		this.scopes = scopes;
		this.notifications = notifications;
		this.events = events;
		this.clock = clock;
	}

	/** Records an item; it counts from the next computation of the period's ranking. */
	public ScoreAdjustment record(Long schemeId, Long unitId, String periodText, ScoreAdjustment.Kind kind,
			BigDecimal points, String reason, String evidence) {
		CurrentUser user = this.schemes.office();
		if (schemeId == null) {
			throw DomainException.invalid("schemeId", "required", "schemeId is required");
		}
		Scheme scheme = this.schemes.scheme(schemeId);
		long unit = this.schemes.member(scheme, unitId);
		Period period = Schemes.periodOf(scheme, "period", periodText);
		if (kind == null) {
			throw DomainException.invalid("kind", "required", "kind is BONUS or PENALTY");
		}
		if (points == null || points.signum() <= 0 || points.compareTo(Scoring.HUNDRED) > 0 || points.scale() > 2) {
			throw DomainException.invalid("points", "points-range", "points is a positive number up to 100 (0.01)");
		}
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("insert into adjustment (scheme_id, unit_id, period, kind, points, reason, evidence, created_by, "
					+ "created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(schemeId, unit, period.name(), kind.name(), points, Texts.required("reason", reason, 2000),
					Texts.optional("evidence", evidence, 4000), user.accountId(), Timestamp.from(this.clock.instant()))
			.update(keys, "id");
		ScoreAdjustment created = item(keys.getKeyAs(Long.class));
		this.events.publishEvent(EntityChanged.created("adjustment", created.id(), created));
		this.rankings.recomputeUnpublished(schemeId, period.name(), user.accountId());
		return created;
	}

	/** The items of a scheme the caller may see: the office all, a unit its own. */
	@Transactional(readOnly = true)
	public List<ScoreAdjustment> items(long schemeId, Long unitId, String period) {
		this.schemes.scheme(schemeId);
		DataScope scope = this.scopes.current();
		return this.jdbc.sql(ITEM
				+ " where a.scheme_id = :scheme and (cast(:unit as bigint) is null or a.unit_id = :unit) "
				+ "and (cast(:period as varchar(10)) is null or a.period = :period) and (:all or a.unit_id in (:scope)) "
				+ "order by a.period desc, a.id desc")
			.param("scheme", schemeId)
			.param("unit", unitId)
			.param("period", period)
			.param("all", scope.all())
			.param("scope", scope.unitIds().isEmpty() ? List.of(-1L) : scope.unitIds())
			.query(ScoreAdjustments::item)
			.list();
	}

	/** A unit head asks that a penalty of the unit be waived. */
	public Exemption request(Long adjustmentId, String reason) {
		CurrentUser user = this.scopes.caller().orElseThrow(() -> DomainException.forbidden("Sign in first"));
		if (adjustmentId == null) {
			throw DomainException.invalid("adjustmentId", "required", "adjustmentId is required");
		}
		ScoreAdjustment item = item(adjustmentId);
		boolean office = user.hasAnyRole(Role.SUPERVISOR, Role.ADMIN);
		boolean head = user.hasRole(Role.UNIT_HEAD) && this.scopes.of(user).includesUnit(item.unitId());
		if (!office && !head) {
			throw DomainException.forbidden("Only the unit's head may ask for an exemption of its penalty");
		}
		String text = Texts.required("reason", reason, 4000);
		if (item.kind() != ScoreAdjustment.Kind.PENALTY) {
			throw DomainException.conflict("not-a-penalty", "Only a penalty can be exempted");
		}
		if (item.exempted()) {
			throw DomainException.conflict("already-exempted", "The penalty is exempted already");
		}
		// the penalty is locked: two requests at once make one PENDING exemption, not two
		this.jdbc.sql("select id from adjustment where id = ? for update")
			.param(adjustmentId)
			.query(Long.class)
			.single();
		boolean pending = this.jdbc.sql("select count(*) from exemption where adjustment_id = ? and status = 'PENDING'")
			.param(adjustmentId)
			.query(Long.class)
			.single() > 0;
		if (pending) {
			throw DomainException.conflict("exemption-pending", "An exemption of this penalty awaits its decision");
		}
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("insert into exemption (adjustment_id, reason, status, requested_by, requested_at) "
					+ "values (?, ?, 'PENDING', ?, ?)")
			.params(adjustmentId, text, user.accountId(), Timestamp.from(this.clock.instant()))
			.update(keys, "id");
		Exemption created = exemption(keys.getKeyAs(Long.class));
		this.events.publishEvent(EntityChanged.created("exemption", created.id(), created));
		return created;
	}

	/** A supervisor who did not ask decides; approval exempts the penalty. */
	public Exemption decide(long id, Boolean approved, String comment) {
		CurrentUser user = this.scopes.caller().orElseThrow(() -> DomainException.forbidden("Sign in first"));
		if (!user.hasRole(Role.SUPERVISOR)) {
			throw DomainException.forbidden("Only a supervisor decides exemptions");
		}
		Exemption before = exemption(id);
		if (Objects.equals(before.requestedBy(), user.accountId())) {
			throw DomainException.forbidden("Who asked for an exemption may not decide it");
		}
		if (approved == null) {
			throw DomainException.invalid("approved", "required", "approved is true or false");
		}
		String status = approved ? "APPROVED" : "REJECTED";
		int updated = this.jdbc
			.sql("update exemption set status = ?, decided_by = ?, decided_at = ?, comment = ?, version = version + 1 "
					+ "where id = ? and status = 'PENDING'")
			.params(status, user.accountId(), Timestamp.from(this.clock.instant()),
					Texts.optional("comment", comment, 2000), id)
			.update();
		if (updated == 0) {
			throw DomainException.conflict("exemption-decided", "The exemption is decided already", before.status());
		}
		ScoreAdjustment item = item(before.adjustmentId());
		if (approved) {
			this.jdbc.sql("update adjustment set exempted = true, version = version + 1 where id = ?")
				.param(item.id())
				.update();
			this.events.publishEvent(EntityChanged.updated("adjustment", item.id(), item, item(item.id())));
			this.rankings.recomputeUnpublished(item.schemeId(), item.period(), user.accountId());
		}
		Exemption after = exemption(id);
		this.notifications.notifyUnit(item.unitId(),
				new Message((approved ? "容错免责申请已批准：" : "容错免责申请未获批准：") + Texts.cut(item.reason(), 100), comment,
						"/evaluation/adjustments?schemeId=" + item.schemeId(), "exemption", String.valueOf(id)));
		this.events.publishEvent(new EntityChanged("exemption", String.valueOf(id), status, before, after));
		return after;
	}

	@Transactional(readOnly = true)
	public List<Exemption> exemptions(Long schemeId, Exemption.Status status) {
		DataScope scope = this.scopes.current();
		return this.jdbc.sql(EXEMPTION
				+ " where (cast(:scheme as bigint) is null or a.scheme_id = :scheme) and (cast(:status as varchar(10)) is null or x.status = :status) "
				+ "and (:all or a.unit_id in (:scope)) order by x.id desc")
			.param("scheme", schemeId)
			.param("status", (status != null) ? status.name() : null)
			.param("all", scope.all())
			.param("scope", scope.unitIds().isEmpty() ? List.of(-1L) : scope.unitIds())
			.query(ScoreAdjustments::exemption)
			.list();
	}

	ScoreAdjustment item(long id) {
		ScoreAdjustment item = this.jdbc.sql(ITEM + " where a.id = ?")
			.param(id)
			.query(ScoreAdjustments::item)
			.optional()
			.orElseThrow(() -> DomainException.notFound("adjustment", id));
		DataScope scope = this.scopes.current();
		if (!scope.all() && !scope.includesUnit(item.unitId())) {
			throw DomainException.forbidden("Adjustment " + id + " is outside your data scope");
		}
		return item;
	}

	Exemption exemption(long id) {
		Exemption exemption = this.jdbc.sql(EXEMPTION + " where x.id = ?")
			.param(id)
			.query(ScoreAdjustments::exemption)
			.optional()
			.orElseThrow(() -> DomainException.notFound("exemption", id));
		DataScope scope = this.scopes.current();
		if (!scope.all() && !scope.includesUnit(exemption.unitId())) {
			throw DomainException.forbidden("Exemption " + id + " is outside your data scope");
		}
		return exemption;
	}

	private static ScoreAdjustment item(ResultSet rs, int n) throws SQLException {
		return new ScoreAdjustment(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
				ScoreAdjustment.Kind.valueOf(rs.getString(6)), Schemes.plain(rs.getBigDecimal(7)), rs.getString(8),
				rs.getString(9), rs.getBoolean(10), rs.getTimestamp(11).toInstant(), rs.getInt(12));
	}

	private static Exemption exemption(ResultSet rs, int n) throws SQLException {
		Timestamp decided = rs.getTimestamp(11);
		return new Exemption(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
				rs.getString(6), Exemption.Status.valueOf(rs.getString(7)), rs.getLong(8),
				rs.getTimestamp(9).toInstant(), (Long) rs.getObject(10, Long.class),
				(decided != null) ? decided.toInstant() : null, rs.getString(12), rs.getInt(13));
	}

}
