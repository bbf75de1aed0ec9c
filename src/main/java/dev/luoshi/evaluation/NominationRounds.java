package dev.luoshi.evaluation;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import dev.luoshi.identity.CurrentUser;
import dev.luoshi.identity.DataScopes;
import dev.luoshi.identity.Role;
import dev.luoshi.shared.DomainException;
import dev.luoshi.shared.EntityChanged;
import dev.luoshi.shared.Texts;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Selection rounds of exemplary cadres (评选), run by the supervision office: opened with a
 * deadline and a quota, closed, published. A move the state does not allow is a 409;
 * every move is audited.
 */
@Service
@Transactional
public class NominationRounds {

	private static final String SELECT = "select r.id, r.cal_year, r.name, r.deadline, r.quota, r.status, r.opened_at, "
			+ "r.closed_at, r.published_at, r.version, "
			+ "(select count(*) from nomination n where n.round_id = r.id) nominations, "
			+ "(select count(*) from nomination n where n.round_id = r.id and n.status = 'SELECTED') selected "
			+ "from nomination_round r";

	private final JdbcClient jdbc;

	private final DataScopes scopes;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	NominationRounds(JdbcClient jdbc, DataScopes scopes, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.events = events;
		this.clock = clock;
	}

	/** Opens a round (the office): nominations are taken until {@code deadline}. */
	public NominationRound open(Integer year, String name, LocalDate deadline, Integer quota) {
		CurrentUser user = requireOffice();
		if (year == null || year < 2000 || year > 2099) {
			throw DomainException.invalid("year", "nomination-year", "year is 2000 to 2099");
		}
		String checkedName = Texts.required("name", name, 200);
		if (deadline == null) {
			throw DomainException.invalid("deadline", "required", "deadline is required");
		}
		if (deadline.isBefore(LocalDate.now(this.clock))) {
			throw DomainException.invalid("deadline", "in-past", "The date is before today", deadline);
		}
		if (quota == null || quota < 1 || quota > 1000) {
			throw DomainException.invalid("quota", "nomination-quota-range", "quota is 1 to 1000");
		}
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("insert into nomination_round (cal_year, name, deadline, quota, status, opened_by, opened_at) "
					+ "values (?, ?, ?, ?, 'OPEN', ?, ?)")
			.params(year, checkedName, Date.valueOf(deadline), quota, user.accountId(),
					Timestamp.from(this.clock.instant()))
			.update(keys, "id");
		NominationRound opened = find(keys.getKeyAs(Long.class));
		this.events.publishEvent(EntityChanged.created("nomination-round", opened.id(), opened));
		return opened;
	}

	/** Closes an open round: no more nominations, the office decides. */
	public NominationRound close(long id) {
		CurrentUser user = requireOffice();
		return move(id, NominationRound.Status.OPEN, NominationRound.Status.CLOSED, "closed_by = :by, closed_at = :at",
				user);
	}

	/**
	 * Publishes a closed round once every nomination is decided: the selected become
	 * visible to everyone signed in.
	 */
	public NominationRound publish(long id) {
		CurrentUser user = requireOffice();
		NominationRound round = lock(id);
		long undecided = this.jdbc.sql("select count(*) from nomination where round_id = ? and status = 'PENDING'")
			.param(id)
			.query(Long.class)
			.single();
		if (round.status() == NominationRound.Status.CLOSED && undecided > 0) {
			throw DomainException.conflict("nominations-undecided",
					undecided + " nominations are not decided yet; decide them before publishing", undecided);
		}
		return move(id, NominationRound.Status.CLOSED, NominationRound.Status.PUBLISHED,
				"published_by = :by, published_at = :at", user);
	}

	/** The rounds, newest year first; every signed-in user sees them. */
	@Transactional(readOnly = true)
	public List<NominationRound> rounds(Integer year) {
		String order = " order by r.cal_year desc, r.id desc";
		JdbcClient.StatementSpec query = (year != null)
				? this.jdbc.sql(SELECT + " where r.cal_year = ?" + order).param(year) : this.jdbc.sql(SELECT + order);
		return query.query(this::row).list().stream().map(this::shown).toList();
	}

	@Transactional(readOnly = true)
	public NominationRound round(long id) {
		return shown(find(id));
	}

	/**
	 * The round, its row locked until the transaction ends: decisions against the quota
	 * and state moves are taken one at a time.
	 */
	NominationRound lock(long id) {
		this.jdbc.sql("select id from nomination_round where id = ? for update")
			.param(id)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> DomainException.notFound("nomination-round", id));
		return find(id);
	}

	static boolean office(CurrentUser user) {
		return user.hasAnyRole(Role.SUPERVISOR, Role.ADMIN);
	}

	private NominationRound move(long id, NominationRound.Status from, NominationRound.Status to, String stamp,
			CurrentUser user) {
		NominationRound before = lock(id);
		if (before.status() != from) {
			throw DomainException.conflict("nomination-round-state",
					"A " + before.status() + " round cannot become " + to, before.status(), to);
		}
		this.jdbc
			.sql("update nomination_round set status = :to, " + stamp
					+ ", version = version + 1 where id = :id and status = :from")
			.param("to", to.name())
			.param("by", user.accountId())
			.param("at", Timestamp.from(this.clock.instant()))
			.param("id", id)
			.param("from", from.name())
			.update();
		NominationRound after = find(id);
		this.events.publishEvent(new EntityChanged("nomination-round", String.valueOf(id), to.name(), before, after));
		return after;
	}

	/** The selected count is the office's until the round is published. */
	private NominationRound shown(NominationRound round) {
		boolean decisionsShown = round.status() == NominationRound.Status.PUBLISHED
				|| this.scopes.caller().map(Nominations::seesDecisions).orElse(false);
		return decisionsShown ? round
				: new NominationRound(round.id(), round.year(), round.name(), round.deadline(), round.quota(),
						round.status(), round.openedAt(), round.closedAt(), round.publishedAt(), round.nominations(), 0,
						round.version());
	}

	private CurrentUser requireOffice() {
		CurrentUser user = this.scopes.caller().orElseThrow(() -> DomainException.forbidden("Sign in first"));
		if (!office(user)) {
			throw DomainException.forbidden("Only the supervision office runs selection rounds");
		}
		return user;
	}

	private NominationRound find(long id) {
		return this.jdbc.sql(SELECT + " where r.id = ?")
			.param(id)
			.query(this::row)
			.optional()
			.orElseThrow(() -> DomainException.notFound("nomination-round", id));
	}

	private NominationRound row(ResultSet rs, int n) throws SQLException {
		return new NominationRound(rs.getLong("id"), rs.getInt("cal_year"), rs.getString("name"),
				rs.getDate("deadline").toLocalDate(), rs.getInt("quota"),
				NominationRound.Status.valueOf(rs.getString("status")), instant(rs, "opened_at"),
				instant(rs, "closed_at"), instant(rs, "published_at"), rs.getInt("nominations"), rs.getInt("selected"),
				rs.getLong("version"));
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
