package dev.luoshi.work;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.luoshi.identity.DataScope;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Campaigns, their phases, task forces and the leaders' portfolios of campaigns. */
@Repository
class CampaignRepository {

	private static final String COLUMNS = "id, code, name, cal_year, category, lead_leader_id, lead_unit_id, start_date, "
			+ "end_date, plan_text, reporting_cycle, report_due_day, version";

	private final JdbcClient jdbc;

	CampaignRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Row> find(long id) {
		return this.jdbc.sql("select " + COLUMNS + " from campaign where id = ?").param(id).query(this::row).optional();
	}

	/** Locks the campaign's row until the transaction ends. */
	void lock(long id) {
		this.jdbc.sql("select id from campaign where id = ? for update").param(id).query(Long.class).optional();
	}

	/**
	 * Stores how many of the campaign's tasks show each light, writing only when that
	 * changed.
	 */
	void storeLightTally(long id, Map<Light, Integer> tally) {
		int done = tally.getOrDefault(Light.DONE, 0);
		int green = tally.getOrDefault(Light.GREEN, 0);
		int yellow = tally.getOrDefault(Light.YELLOW, 0);
		int red = tally.getOrDefault(Light.RED, 0);
		this.jdbc
			.sql("update campaign set done_tasks = ?, green_tasks = ?, yellow_tasks = ?, red_tasks = ? where id = ? "
					+ "and (done_tasks <> ? or green_tasks <> ? or yellow_tasks <> ? or red_tasks <> ?)")
			.params(done, green, yellow, red, id, done, green, yellow, red)
			.update();
	}

	/**
	 * How many tasks show the light, in one campaign or in all, as the lights'
	 * recomputations left them.
	 */
	long tasksWithLight(Light light, Long campaignId) {
		String sum = "select coalesce(sum(" + light.name().toLowerCase(Locale.ROOT) + "_tasks), 0) from campaign";
		if (campaignId == null) {
			return this.jdbc.sql(sum).query(Long.class).single();
		}
		return this.jdbc.sql(sum + " where id = ?").param(campaignId).query(Long.class).single();
	}

	boolean codeTaken(String code) {
		return this.jdbc.sql("select count(*) from campaign where code = ?").param(code).query(Long.class).single() > 0;
	}

	long insert(NewCampaign command, Category category, ReportingCycle cycle, int dueDay, Instant now) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("insert into campaign (code, name, cal_year, category, lead_leader_id, lead_unit_id, start_date, end_date, "
					+ "plan_text, reporting_cycle, report_due_day, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(command.code(), command.name(), command.year(), category.name(), command.leadLeaderId(),
					command.leadUnitId(), Date.valueOf(command.startDate()), Date.valueOf(command.endDate()),
					command.plan(), cycle.name(), dueDay, Timestamp.from(now))
			.update(keys, "id");
		return keys.getKeyAs(Long.class);
	}

	void addPhase(long campaignId, NewCampaign.PhasePlan phase, int position) {
		this.jdbc.sql(
				"insert into campaign_phase (campaign_id, name, start_date, end_date, position) values (?, ?, ?, ?, ?)")
			.params(campaignId, phase.name(), Date.valueOf(phase.startDate()), Date.valueOf(phase.endDate()), position)
			.update();
	}

	void addMember(long campaignId, long accountId) {
		this.jdbc.sql("insert into campaign_member (campaign_id, account_id) values (?, ?)")
			.params(campaignId, accountId)
			.update();
	}

	void replaceLeaders(long campaignId, List<Long> personIds) {
		this.jdbc.sql("delete from portfolio_campaign where campaign_id = ?").param(campaignId).update();
		for (Long person : personIds) {
			this.jdbc.sql("insert into portfolio_campaign (person_id, campaign_id) values (?, ?)")
				.params(person, campaignId)
				.update();
		}
	}

	/**
	 * The campaigns a caller follows as their leader, a leader in charge, or a task force
	 * member.
	 */
	List<Long> followedBy(DataScope scope) {
		return this.jdbc
			.sql("select id from campaign where lead_leader_id = :person "
					+ "union select campaign_id from portfolio_campaign where person_id = :person "
					+ "union select campaign_id from campaign_member where account_id = :account")
			.param("person", (scope.personId() != null) ? scope.personId() : -1L)
			.param("account", (scope.accountId() != null) ? scope.accountId() : -1L)
			.query(Long.class)
			.list();
	}

	/**
	 * The campaigns the scope sees: all, followed ones, led by a unit in scope, or with a
	 * task in scope.
	 */
	List<Row> visible(DataScope scope, Collection<Long> followed) {
		return this.jdbc.sql("select " + COLUMNS + " from campaign c where :all or c.id in (:followed) "
				+ "or c.lead_unit_id in (:units) or exists (select 1 from task t join task_unit tu on tu.task_id = t.id "
				+ "where t.campaign_id = c.id and tu.unit_id in (:units)) order by c.cal_year desc, c.code")
			.params(Scopes.params(scope, followed))
			.query(this::row)
			.list();
	}

	/**
	 * What the campaigns' views show beyond their rows, for many campaigns at once: their
	 * own lights counted, phases, task force members and leaders in charge.
	 */
	Details details(Collection<Long> campaignIds) {
		Details details = new Details(new java.util.HashMap<>(), new java.util.HashMap<>(), new java.util.HashMap<>(),
				new java.util.HashMap<>());
		if (campaignIds.isEmpty()) {
			return details;
		}
		this.jdbc
			.sql("select campaign_id, own_light, count(*) from task where campaign_id in (:ids) "
					+ "and status <> 'CANCELLED' group by campaign_id, own_light")
			.param("ids", campaignIds)
			.query((rs) -> {
				details.lights()
					.computeIfAbsent(rs.getLong(1), (id) -> new java.util.HashMap<>())
					.put(rs.getString(2), rs.getLong(3));
			});
		this.jdbc
			.sql("select campaign_id, name, start_date, end_date from campaign_phase where campaign_id in (:ids) "
					+ "order by campaign_id, position")
			.param("ids", campaignIds)
			.query((rs) -> {
				details.phases()
					.computeIfAbsent(rs.getLong(1), (id) -> new java.util.ArrayList<>())
					.add(new Campaign.Phase(rs.getString(2), rs.getObject(3, LocalDate.class),
							rs.getObject(4, LocalDate.class)));
			});
		this.jdbc
			.sql("select campaign_id, account_id from campaign_member where campaign_id in (:ids) "
					+ "order by campaign_id, account_id")
			.param("ids", campaignIds)
			.query((rs) -> {
				details.members()
					.computeIfAbsent(rs.getLong(1), (id) -> new java.util.ArrayList<>())
					.add(rs.getLong(2));
			});
		this.jdbc
			.sql("select campaign_id, person_id from portfolio_campaign where campaign_id in (:ids) "
					+ "order by campaign_id, person_id")
			.param("ids", campaignIds)
			.query((rs) -> {
				details.leaders()
					.computeIfAbsent(rs.getLong(1), (id) -> new java.util.ArrayList<>())
					.add(rs.getLong(2));
			});
		return details;
	}

	/** Campaign id → own lights counted, phases, members, leaders. */
	record Details(Map<Long, Map<String, Long>> lights, Map<Long, List<Campaign.Phase>> phases,
			Map<Long, List<Long>> members, Map<Long, List<Long>> leaders) {
	}

	List<Long> allIds() {
		return this.jdbc.sql("select id from campaign order by id").query(Long.class).list();
	}

	private Row row(ResultSet rs, int rowNum) throws SQLException {
		return new Row(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getInt("cal_year"),
				Category.valueOf(rs.getString("category")), rs.getLong("lead_leader_id"), rs.getLong("lead_unit_id"),
				rs.getObject("start_date", LocalDate.class), rs.getObject("end_date", LocalDate.class),
				rs.getString("plan_text"), ReportingCycle.valueOf(rs.getString("reporting_cycle")),
				rs.getInt("report_due_day"), rs.getInt("version"));
	}

	record Row(long id, String code, String name, int year, Category category, long leadLeaderId, long leadUnitId,
			LocalDate startDate, LocalDate endDate, String plan, ReportingCycle reportingCycle, int reportDueDay,
			int version) {
	}

}
