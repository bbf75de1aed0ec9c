package dev.luoshi.evaluation;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.luoshi.identity.CurrentUser;
import dev.luoshi.identity.DataScopes;
import dev.luoshi.identity.Role;
import dev.luoshi.organization.Organization;
import dev.luoshi.organization.People;
import dev.luoshi.organization.Person;
import dev.luoshi.shared.DomainException;
import dev.luoshi.supervision.NoticeLevel;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads a person's record of results (实绩档案) with a fixed number of queries, however many
 * tasks, units and rankings it holds. The office, leaders and administrators see
 * everyone's; others the records of people in their data scope.
 */
@Service
@Transactional(readOnly = true)
public class PersonRecords {

	private final JdbcClient jdbc;

	private final People people;

	private final Organization organization;

	private final DataScopes scopes;

	private final Clock clock;

	PersonRecords(JdbcClient jdbc, People people, Organization organization, DataScopes scopes, Clock clock) {
		this.jdbc = jdbc;
		this.people = people;
		this.organization = organization;
		this.scopes = scopes;
		this.clock = clock;
	}

	/** The person's record for {@code year} (this year when null). */
	public PersonRecord record(long personId, Integer year) {
		int shown = (year != null) ? year : LocalDate.now(this.clock).getYear();
		if (shown < 2000 || shown > 2099) {
			throw DomainException.invalid("year", "nomination-year", "year is 2000 to 2099");
		}
		Person person = this.people.person(personId);
		CurrentUser user = this.scopes.caller().orElseThrow(() -> DomainException.forbidden("Sign in first"));
		if (!user.hasAnyRole(Role.SUPERVISOR, Role.ADMIN, Role.LEADER)
				&& !this.scopes.of(user).includesUnit(person.unitId())) {
			throw DomainException.forbidden("The record of " + person.name() + " is outside your data scope");
		}
		Set<Long> unitIds = new LinkedHashSet<>();
		unitIds.add(person.unitId());
		unitIds.addAll(person.portfolioUnitIds());
		Map<Long, String> names = this.organization.unitNames(unitIds);
		LocalDate from = LocalDate.of(shown, 1, 1);
		LocalDate until = from.plusYears(1);
		return new PersonRecord(
				new PersonRecord.Who(person.id(), person.name(), person.title(), person.unitId(), person.unitName()),
				shown, unitIds.stream().map((id) -> new PersonRecord.UnitLine(id, names.get(id))).toList(),
				tasks(personId, from, until), milestones(personId, from, until), notices(unitIds, from, until),
				placings(unitIds, shown), grades(unitIds, shown), awards(personId, shown));
	}

	private PersonRecord.Tasks tasks(long personId, LocalDate from, LocalDate until) {
		LocalDate today = LocalDate.now(this.clock);
		List<PersonRecord.TaskLine> items = this.jdbc
			.sql("select t.id, t.campaign_id, c.name, t.title, t.light, t.deadline, t.status from task t "
					+ "join campaign c on c.id = t.campaign_id where t.responsible_leader_id = ? "
					+ "and t.status <> 'CANCELLED' and t.start_date < ? and t.deadline >= ? "
					+ "order by t.deadline, t.id")
			.params(personId, Date.valueOf(until), Date.valueOf(from))
			.query((rs, n) -> {
				boolean done = "DONE".equals(rs.getString("status"));
				LocalDate deadline = rs.getDate("deadline").toLocalDate();
				return new PersonRecord.TaskLine(rs.getLong("id"), rs.getLong("campaign_id"), rs.getString("name"),
						rs.getString("title"), rs.getString("light"), deadline, done,
						!done && deadline.isBefore(today));
			})
			.list();
		return new PersonRecord.Tasks(items.size(), count(items, PersonRecord.TaskLine::done),
				count(items, PersonRecord.TaskLine::overdue), count(items, (line) -> "RED".equals(line.light())),
				items);
	}

	private PersonRecord.Milestones milestones(long personId, LocalDate from, LocalDate until) {
		return this.jdbc
			.sql("select count(*), " + "coalesce(sum(case when m.completed_on is not null then 1 else 0 end), 0), "
					+ "coalesce(sum(case when m.completed_on <= m.due_date then 1 else 0 end), 0) "
					+ "from milestone m join task t on t.id = m.task_id where t.responsible_leader_id = ? "
					+ "and t.status <> 'CANCELLED' and m.due_date >= ? and m.due_date < ?")
			.params(personId, Date.valueOf(from), Date.valueOf(until))
			.query((rs, n) -> new PersonRecord.Milestones(rs.getInt(1), rs.getInt(2), rs.getInt(3)))
			.single();
	}

	private PersonRecord.Notices notices(Set<Long> unitIds, LocalDate from, LocalDate until) {
		Map<String, Integer> byLevel = new LinkedHashMap<>();
		for (NoticeLevel level : NoticeLevel.values()) {
			byLevel.put(level.name(), 0);
		}
		this.jdbc
			.sql("select level, count(*) from notice where unit_id in (:units) and issued_at >= :from "
					+ "and issued_at < :until group by level")
			.param("units", unitIds)
			.param("from", Timestamp.from(from.atStartOfDay(this.clock.getZone()).toInstant()))
			.param("until", Timestamp.from(until.atStartOfDay(this.clock.getZone()).toInstant()))
			.query((rs, n) -> byLevel.put(rs.getString(1), rs.getInt(2)))
			.list();
		return new PersonRecord.Notices(byLevel.values().stream().mapToInt(Integer::intValue).sum(), byLevel);
	}

	private List<PersonRecord.Placing> placings(Set<Long> unitIds, int year) {
		return this.jdbc
			.sql("select s.name scheme_name, r.period, e.unit_id, u.name unit_name, e.peer_group, e.rank_no, "
					+ "e.previous_rank, e.score from ranking_entry e join ranking r on r.id = e.ranking_id "
					+ "join scheme s on s.id = r.scheme_id join unit u on u.id = e.unit_id "
					+ "where r.status = 'PUBLISHED' and s.cal_year = :year and e.unit_id in (:units) "
					+ "order by r.period, s.name, u.name")
			.param("year", year)
			.param("units", unitIds)
			.query((rs, n) -> {
				int rank = rs.getInt("rank_no");
				Integer previous = rs.getObject("previous_rank", Integer.class);
				return new PersonRecord.Placing(rs.getString("scheme_name"), rs.getString("period"),
						rs.getLong("unit_id"), rs.getString("unit_name"), rs.getString("peer_group"), rank, previous,
						(previous != null) ? previous - rank : null, rs.getBigDecimal("score"));
			})
			.list();
	}

	private List<PersonRecord.Grade> grades(Set<Long> unitIds, int year) {
		return this.jdbc
			.sql("select s.name scheme_name, a.cal_year, a.unit_id, u.name unit_name, a.score, a.rank_no, a.grade "
					+ "from annual_result a join scheme s on s.id = a.scheme_id join unit u on u.id = a.unit_id "
					+ "where a.cal_year = :year and a.unit_id in (:units) order by s.name, u.name")
			.param("year", year)
			.param("units", unitIds)
			.query((rs, n) -> new PersonRecord.Grade(rs.getString("scheme_name"), rs.getInt("cal_year"),
					rs.getLong("unit_id"), rs.getString("unit_name"), rs.getBigDecimal("score"), rs.getInt("rank_no"),
					rs.getString("grade")))
			.list();
	}

	private List<PersonRecord.Award> awards(long personId, int year) {
		return this.jdbc
			.sql("select n.id, r.id round_id, r.name, r.cal_year, n.deeds, n.decision_comment from nomination n "
					+ "join nomination_round r on r.id = n.round_id where n.person_id = ? and r.cal_year = ? "
					+ "and n.status = 'SELECTED' and r.status = 'PUBLISHED' order by r.id")
			.params(personId, year)
			.query((rs, n) -> new PersonRecord.Award(rs.getLong("id"), rs.getLong("round_id"), rs.getString("name"),
					rs.getInt("cal_year"), rs.getString("deeds"), rs.getString("decision_comment")))
			.list();
	}

	private static <T> int count(List<T> items, java.util.function.Predicate<T> test) {
		return (int) items.stream().filter(test).count();
	}

}
