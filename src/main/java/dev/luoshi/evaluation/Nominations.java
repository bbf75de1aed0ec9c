package dev.luoshi.evaluation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import dev.luoshi.identity.CurrentUser;
import dev.luoshi.identity.DataScope;
import dev.luoshi.identity.DataScopes;
import dev.luoshi.identity.Role;
import dev.luoshi.organization.People;
import dev.luoshi.organization.Person;
import dev.luoshi.shared.DomainException;
import dev.luoshi.shared.EntityChanged;
import dev.luoshi.shared.Texts;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Nominations of exemplary cadres (担当者) and the office's decisions. A unit head nominates
 * people of the units in their data scope, once per person and round, until the deadline
 * of an open round; the office selects at most the round's quota once it is closed.
 * Before publication the office, leaders and the units concerned (the nominating unit and
 * the nominee's) see the nominations, decisions only the office and leaders; after it,
 * everyone signed in sees who was selected.
 */
@Service
@Transactional
public class Nominations {

	private static final String SELECT = "select n.id, n.round_id, n.person_id, p.name person_name, p.title, n.unit_id, "
			+ "u.name unit_name, n.nominating_unit_id, nu.name nominating_unit_name, n.deeds, n.status, "
			+ "n.decision_comment, n.nominated_at, n.decided_at, n.version from nomination n "
			+ "join person p on p.id = n.person_id join unit u on u.id = n.unit_id "
			+ "join unit nu on nu.id = n.nominating_unit_id";

	private final JdbcClient jdbc;

	private final NominationRounds rounds;

	private final People people;

	private final DataScopes scopes;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Nominations(JdbcClient jdbc, NominationRounds rounds, People people, DataScopes scopes,
			ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.rounds = rounds;
		this.people = people;
		this.scopes = scopes;
		this.events = events;
		this.clock = clock;
	}

	/** A unit head (or the office) nominates a person of a unit in their data scope. */
	public Nomination nominate(Long roundId, Long personId, String deeds) {
		CurrentUser user = caller();
		if (!user.hasAnyRole(Role.UNIT_HEAD, Role.SUPERVISOR)) {
			throw DomainException.forbidden("Only a unit head or the supervision office nominates");
		}
		if (roundId == null) {
			throw DomainException.invalid("roundId", "required", "roundId is required");
		}
		if (personId == null) {
			throw DomainException.invalid("personId", "required", "personId is required");
		}
		String checkedDeeds = Texts.required("deeds", deeds, 8000);
		Person person = this.people.findPerson(personId)
			.orElseThrow(
					() -> DomainException.invalid("personId", "unknown-person", "No person " + personId, personId));
		if (!this.scopes.of(user).includesUnit(person.unitId())) {
			throw DomainException.forbidden(person.name() + " belongs to a unit outside your data scope");
		}
		NominationRound round = lockRound(roundId, "roundId");
		requireOpen(round);
		if (LocalDate.now(this.clock).isAfter(round.deadline())) {
			throw DomainException.conflict("nomination-deadline", "Nominations closed on " + round.deadline(),
					round.deadline());
		}
		if (this.jdbc.sql("select count(*) from nomination where round_id = ? and person_id = ?")
			.params(roundId, personId)
			.query(Long.class)
			.single() > 0) {
			throw duplicate(person);
		}
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		try {
			this.jdbc
				.sql("insert into nomination (round_id, person_id, unit_id, nominating_unit_id, deeds, status, "
						+ "nominated_by, nominated_at) values (?, ?, ?, ?, ?, 'PENDING', ?, ?)")
				.params(roundId, personId, person.unitId(), user.unitId(), checkedDeeds, user.accountId(),
						Timestamp.from(this.clock.instant()))
				.update(keys, "id");
		}
		catch (DuplicateKeyException ex) {
			throw duplicate(person);
		}
		Nomination created = find(keys.getKeyAs(Long.class));
		this.events.publishEvent(EntityChanged.created("nomination", created.id(), created));
		return created;
	}

	/**
	 * The office decides on a nomination of a closed round: selected or not, with a
	 * comment. Selecting more than the quota is a 409; a decision may be changed until
	 * the round is published.
	 */
	public Nomination decide(long id, Boolean selected, String comment) {
		CurrentUser user = caller();
		if (!NominationRounds.office(user)) {
			throw DomainException.forbidden("Only the supervision office decides nominations");
		}
		if (selected == null) {
			throw DomainException.invalid("selected", "required", "selected is required");
		}
		String checkedComment = Texts.optional("comment", comment, 2000);
		Nomination before = find(id);
		NominationRound round = this.rounds.lock(before.roundId());
		if (round.status() != NominationRound.Status.CLOSED) {
			throw DomainException.conflict("nomination-round-state",
					"Nominations are decided while the round is CLOSED, this one is " + round.status(), round.status(),
					NominationRound.Status.CLOSED);
		}
		if (selected && before.status() != Nomination.Status.SELECTED && round.selected() >= round.quota()) {
			throw DomainException.conflict("nomination-quota", "The round selects at most " + round.quota() + " people",
					round.quota());
		}
		Nomination.Status status = selected ? Nomination.Status.SELECTED : Nomination.Status.NOT_SELECTED;
		this.jdbc
			.sql("update nomination set status = ?, decision_comment = ?, decided_by = ?, decided_at = ?, "
					+ "version = version + 1 where id = ?")
			.params(status.name(), checkedComment, user.accountId(), Timestamp.from(this.clock.instant()), id)
			.update();
		Nomination after = find(id);
		this.events.publishEvent(new EntityChanged("nomination", String.valueOf(id), status.name(), before, after));
		return after;
	}

	/** The nominations of a round the caller may see. */
	@Transactional(readOnly = true)
	public List<Nomination> nominations(long roundId) {
		NominationRound round = this.rounds.round(roundId);
		return this.jdbc.sql(SELECT + " where n.round_id = ? order by n.unit_id, n.id")
			.param(roundId)
			.query(this::row)
			.list()
			.stream()
			.filter((nomination) -> visible(round, nomination))
			.map((nomination) -> shown(round, nomination))
			.toList();
	}

	/** A nomination the caller may see (403 otherwise). */
	@Transactional(readOnly = true)
	public Nomination nomination(long id) {
		Nomination nomination = find(id);
		NominationRound round = this.rounds.round(nomination.roundId());
		if (!visible(round, nomination)) {
			throw DomainException.forbidden("Nomination " + id + " is not published and not of your units");
		}
		return shown(round, nomination);
	}

	/**
	 * The nomination the caller may still add evidence to: the office's, or one of their
	 * units' as a unit head, while the round is open.
	 */
	Nomination forEvidence(long id) {
		Nomination nomination = nomination(id);
		CurrentUser user = caller();
		DataScope scope = this.scopes.of(user);
		if (!NominationRounds.office(user)
				&& !(user.hasRole(Role.UNIT_HEAD) && scope.includesUnit(nomination.nominatingUnitId()))) {
			throw DomainException.forbidden("Only the nominating unit's head or the office adds evidence");
		}
		requireOpen(this.rounds.lock(nomination.roundId()));
		return nomination;
	}

	/** The office and leaders see every nomination and decision at any time. */
	static boolean seesDecisions(CurrentUser user) {
		return user.hasAnyRole(Role.SUPERVISOR, Role.ADMIN, Role.LEADER);
	}

	private boolean visible(NominationRound round, Nomination nomination) {
		CurrentUser user = caller();
		if (seesDecisions(user)) {
			return true;
		}
		if (round.status() == NominationRound.Status.PUBLISHED && nomination.status() == Nomination.Status.SELECTED) {
			return true;
		}
		DataScope scope = this.scopes.of(user);
		return scope.includesUnit(nomination.nominatingUnitId()) || scope.includesUnit(nomination.unitId());
	}

	private Nomination shown(NominationRound round, Nomination n) {
		if (round.status() == NominationRound.Status.PUBLISHED || seesDecisions(caller())) {
			return n;
		}
		return new Nomination(n.id(), n.roundId(), n.personId(), n.personName(), n.personTitle(), n.unitId(),
				n.unitName(), n.nominatingUnitId(), n.nominatingUnitName(), n.deeds(), Nomination.Status.PENDING, null,
				n.nominatedAt(), null, n.version());
	}

	private NominationRound lockRound(long roundId, String field) {
		try {
			return this.rounds.lock(roundId);
		}
		catch (DomainException.NotFound ex) {
			throw DomainException.invalid(field, "unknown-nomination-round", "No selection round " + roundId, roundId);
		}
	}

	private static DomainException duplicate(Person person) {
		return DomainException.conflict("duplicate-nomination", person.name() + " is already nominated in this round",
				person.name());
	}

	private static void requireOpen(NominationRound round) {
		if (round.status() != NominationRound.Status.OPEN) {
			throw DomainException.conflict("nomination-round-state",
					"The round is " + round.status() + " and takes no more nominations", round.status(),
					NominationRound.Status.OPEN);
		}
	}

	private CurrentUser caller() {
		return this.scopes.caller().orElseThrow(() -> DomainException.forbidden("Sign in first"));
	}

	private Nomination find(long id) {
		return this.jdbc.sql(SELECT + " where n.id = ?")
			.param(id)
			.query(this::row)
			.optional()
			.orElseThrow(() -> DomainException.notFound("nomination", id));
	}

	private Nomination row(ResultSet rs, int n) throws SQLException {
		return new Nomination(rs.getLong("id"), rs.getLong("round_id"), rs.getLong("person_id"),
				rs.getString("person_name"), rs.getString("title"), rs.getLong("unit_id"), rs.getString("unit_name"),
				rs.getLong("nominating_unit_id"), rs.getString("nominating_unit_name"), rs.getString("deeds"),
				Nomination.Status.valueOf(rs.getString("status")), rs.getString("decision_comment"),
				NominationRounds.instant(rs, "nominated_at"), NominationRounds.instant(rs, "decided_at"),
				rs.getLong("version"));
	}

}
