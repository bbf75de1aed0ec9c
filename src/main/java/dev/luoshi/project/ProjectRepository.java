package dev.luoshi.project;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.luoshi.identity.DataScope;
import dev.luoshi.work.Light;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Projects, their groupings, plans and phase milestones. */
@Repository
class ProjectRepository {

	private static final List<Long> NONE = List.of(-1L);

	private static final String COLUMNS = "p.id, p.code, p.name, p.category, p.lead_unit_id, p.responsible_leader_id, "
			+ "p.address, p.latitude, p.longitude, p.total_investment, p.start_date, p.planned_completion, p.phase, "
			+ "p.registered, p.description, p.light, p.version";

	private final JdbcClient jdbc;

	ProjectRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Row(long id, String code, String name, ProjectCategory category, long leadUnitId, Long responsibleLeaderId,
			String address, BigDecimal latitude, BigDecimal longitude, BigDecimal totalInvestment, LocalDate startDate,
			LocalDate plannedCompletion, ProjectPhase phase, boolean registered, String description, Light light,
			long version) {
	}

	record MilestoneRow(long id, long projectId, ProjectPhase phase, LocalDate plannedDate, LocalDate baselineDate,
			LocalDate completedOn, String note) {
	}

	/**
	 * Locks the projects' rows until the transaction ends, in the order of their ids (the
	 * same order for every caller).
	 */
	void lock(Collection<Long> ids) {
		if (!ids.isEmpty()) {
			this.jdbc.sql("select id from project where id in (:ids) order by id for update")
				.param("ids", ids)
				.query(Long.class)
				.list();
		}
	}

	Optional<Row> find(long id) {
		return this.jdbc.sql("select " + COLUMNS + " from project p where p.id = ?")
			.param(id)
			.query(this::row)
			.optional();
	}

	Optional<Row> findByCode(String code) {
		return this.jdbc.sql("select " + COLUMNS + " from project p where p.code = ?")
			.param(code)
			.query(this::row)
			.optional();
	}

	List<Row> findByName(String name) {
		return this.jdbc.sql("select " + COLUMNS + " from project p where p.name = ?")
			.param(name)
			.query(this::row)
			.list();
	}

	/** The highest number of the codes {@code prefix}NNNN given so far (0 when none). */
	int lastNumberedCode(String prefix) {
		return this.jdbc.sql("select code from project where code like ?")
			.param(prefix + "%")
			.query(String.class)
			.list()
			.stream()
			.map((code) -> code.substring(prefix.length()))
			.filter((number) -> number.matches("\\d{1,9}"))
			.mapToInt(Integer::parseInt)
			.max()
			.orElse(0);
	}

	boolean codeTaken(String code) {
		return this.jdbc.sql("select count(*) from project where code = ?").param(code).query(Long.class).single() > 0;
	}

	long insert(NewProject command, Light light, Instant now) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("insert into project (code, name, category, lead_unit_id, responsible_leader_id, address, latitude, "
					+ "longitude, total_investment, start_date, planned_completion, phase, registered, description, "
					+ "light, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(command.code(), command.name(), command.category().name(), command.leadUnitId(),
					command.responsibleLeaderId(), command.address(), command.latitude(), command.longitude(),
					AnnualPlan.money(command.totalInvestment()), Date.valueOf(command.startDate()),
					Date.valueOf(command.plannedCompletion()), command.phase().name(),
					Boolean.TRUE.equals(command.registered()), command.description(), light.name(), Timestamp.from(now))
			.update(keys, "id");
		return keys.getKeyAs(Long.class);
	}

	void addHeadquarters(long projectId, long headquartersId, boolean primary) {
		this.jdbc.sql("insert into project_headquarters (project_id, headquarters_id, primary_hq) values (?, ?, ?)")
			.params(projectId, headquartersId, primary)
			.update();
	}

	void addCampaign(long projectId, long campaignId) {
		this.jdbc.sql("insert into project_campaign (project_id, campaign_id) values (?, ?)")
			.params(projectId, campaignId)
			.update();
	}

	void addKeyList(long projectId, int year) {
		this.jdbc.sql("insert into project_key_list (project_id, list_year) values (?, ?)")
			.params(projectId, year)
			.update();
	}

	/** Replaces a year's plan. */
	void savePlan(long projectId, AnnualPlan plan) {
		AnnualPlan complete = plan.complete();
		this.jdbc.sql("delete from investment_plan_month where project_id = ? and plan_year = ?")
			.params(projectId, plan.year())
			.update();
		int updated = this.jdbc
			.sql("update investment_plan set amount = ?, version = version + 1 where project_id = ? and plan_year = ?")
			.params(complete.amount(), projectId, plan.year())
			.update();
		if (updated == 0) {
			this.jdbc.sql("insert into investment_plan (project_id, plan_year, amount) values (?, ?, ?)")
				.params(projectId, plan.year(), complete.amount())
				.update();
		}
		List<BigDecimal> months = complete.monthly();
		for (int month = 1; month <= 12; month++) {
			this.jdbc.sql(
					"insert into investment_plan_month (project_id, plan_year, plan_month, amount) values (?, ?, ?, ?)")
				.params(projectId, plan.year(), month, months.get(month - 1))
				.update();
		}
	}

	/** The plans of the projects, by project and year, each year's months in order. */
	Map<Long, List<AnnualPlan>> plans(Collection<Long> projectIds, Integer onlyYear) {
		Map<Long, Map<Integer, BigDecimal[]>> months = new HashMap<>();
		this.jdbc
			.sql("select project_id, plan_year, plan_month, amount from investment_plan_month "
					+ "where project_id in (:ids)" + year(onlyYear) + " order by project_id, plan_year")
			.param("ids", ids(projectIds))
			.param("year", (onlyYear != null) ? onlyYear : 0)
			.query((rs) -> {
				months.computeIfAbsent(rs.getLong(1), (key) -> new HashMap<>())
					.computeIfAbsent(rs.getInt(2), (key) -> new BigDecimal[12])[rs.getInt(3) - 1] = rs.getBigDecimal(4);
			});
		Map<Long, List<AnnualPlan>> plans = new HashMap<>();
		this.jdbc
			.sql("select project_id, plan_year, amount from investment_plan where project_id in (:ids)" + year(onlyYear)
					+ " order by project_id, plan_year")
			.param("ids", ids(projectIds))
			.param("year", (onlyYear != null) ? onlyYear : 0)
			.query((rs) -> {
				long project = rs.getLong(1);
				int year = rs.getInt(2);
				List<BigDecimal> monthly = List.of(months.get(project).get(year));
				plans.computeIfAbsent(project, (key) -> new ArrayList<>())
					.add(new AnnualPlan(year, rs.getBigDecimal(3), monthly,
							monthly.get(0).add(monthly.get(1)).add(monthly.get(2))));
			});
		return plans;
	}

	/** Completed investment of the projects in a year, by project and month (1–12). */
	Map<Long, BigDecimal[]> figures(Collection<Long> projectIds, int year) {
		Map<Long, BigDecimal[]> figures = new HashMap<>();
		this.jdbc
			.sql("select project_id, report_month, amount from investment_report where project_id in (:ids) "
					+ "and report_year = :year")
			.param("ids", ids(projectIds))
			.param("year", year)
			.query((rs) -> {
				figures.computeIfAbsent(rs.getLong(1), (key) -> new BigDecimal[12])[rs.getInt(2) - 1] = rs
					.getBigDecimal(3);
			});
		return figures;
	}

	void addMilestone(long projectId, ProjectPhase phase, LocalDate planned) {
		this.jdbc.sql("insert into project_milestone (project_id, phase, planned_date) values (?, ?, ?)")
			.params(projectId, phase.name(), Date.valueOf(planned))
			.update();
	}

	List<MilestoneRow> milestones(Collection<Long> projectIds) {
		return this.jdbc
			.sql("select id, project_id, phase, planned_date, baseline_date, completed_on, note from project_milestone "
					+ "where project_id in (:ids) order by project_id, planned_date, id")
			.param("ids", ids(projectIds))
			.query((rs, n) -> new MilestoneRow(rs.getLong("id"), rs.getLong("project_id"),
					ProjectPhase.valueOf(rs.getString("phase")), date(rs, "planned_date"), date(rs, "baseline_date"),
					date(rs, "completed_on"), rs.getString("note")))
			.list();
	}

	Optional<MilestoneRow> milestone(long id) {
		return this.jdbc
			.sql("select id, project_id, phase, planned_date, baseline_date, completed_on, note from project_milestone "
					+ "where id = ?")
			.param(id)
			.query((rs, n) -> new MilestoneRow(rs.getLong("id"), rs.getLong("project_id"),
					ProjectPhase.valueOf(rs.getString("phase")), date(rs, "planned_date"), date(rs, "baseline_date"),
					date(rs, "completed_on"), rs.getString("note")))
			.optional();
	}

	/** Moves a milestone's planned date, keeping the first plan as its baseline. */
	void reschedule(long id, LocalDate plannedDate) {
		this.jdbc
			.sql("update project_milestone set baseline_date = coalesce(baseline_date, planned_date), planned_date = ? "
					+ "where id = ?")
			.params(Date.valueOf(plannedDate), id)
			.update();
	}

	void completeMilestone(long id, LocalDate completedOn, String note) {
		this.jdbc.sql("update project_milestone set completed_on = ?, note = ? where id = ?")
			.params(Date.valueOf(completedOn), note, id)
			.update();
	}

	Map<Long, List<Project.HeadquartersRef>> headquarters(Collection<Long> projectIds) {
		Map<Long, List<Project.HeadquartersRef>> found = new HashMap<>();
		this.jdbc
			.sql("select ph.project_id, h.id, h.name from project_headquarters ph join headquarters h "
					+ "on h.id = ph.headquarters_id where ph.project_id in (:ids) order by ph.primary_hq desc, h.id")
			.param("ids", ids(projectIds))
			.query((rs) -> {
				found.computeIfAbsent(rs.getLong(1), (key) -> new ArrayList<>())
					.add(new Project.HeadquartersRef(rs.getLong(2), rs.getString(3)));
			});
		return found;
	}

	Map<Long, Long> primaryHeadquarters(Collection<Long> projectIds) {
		Map<Long, Long> found = new HashMap<>();
		this.jdbc.sql(
				"select project_id, headquarters_id from project_headquarters where primary_hq and project_id in (:ids)")
			.param("ids", ids(projectIds))
			.query((rs) -> {
				found.put(rs.getLong(1), rs.getLong(2));
			});
		return found;
	}

	Set<Long> projectsOfCampaigns(Collection<Long> campaignIds) {
		return new HashSet<>(this.jdbc.sql("select project_id from project_campaign where campaign_id in (:campaigns)")
			.param("campaigns", campaignIds)
			.query(Long.class)
			.list());
	}

	List<Long> campaigns(long projectId) {
		return this.jdbc.sql("select campaign_id from project_campaign where project_id = ? order by campaign_id")
			.param(projectId)
			.query(Long.class)
			.list();
	}

	List<Integer> keyLists(long projectId) {
		return this.jdbc.sql("select list_year from project_key_list where project_id = ? order by list_year")
			.param(projectId)
			.query(Integer.class)
			.list();
	}

	List<Row> page(ProjectFilter filter, long offset, int size) {
		return filter
			.bind(this.jdbc.sql("select " + COLUMNS + " from project p where " + filter.where()
					+ " order by p.code offset :offset rows fetch next :size rows only"))
			.param("offset", offset)
			.param("size", size)
			.query(this::row)
			.list();
	}

	long count(ProjectFilter filter) {
		return filter.bind(this.jdbc.sql("select count(*) from project p where " + filter.where()))
			.query(Long.class)
			.single();
	}

	List<Long> ids(ProjectFilter filter) {
		return filter.bind(this.jdbc.sql("select p.id from project p where " + filter.where() + " order by p.id"))
			.query(Long.class)
			.list();
	}

	List<Long> allIds() {
		return this.jdbc.sql("select id from project order by id").query(Long.class).list();
	}

	void setLight(long id, Light light) {
		this.jdbc.sql("update project set light = ? where id = ? and light <> ?")
			.params(light.name(), id, light.name())
			.update();
	}

	int update(Row row, long expectedVersion) {
		return this.jdbc
			.sql("update project set name = ?, category = ?, phase = ?, responsible_leader_id = ?, address = ?, "
					+ "total_investment = ?, planned_completion = ?, registered = ?, description = ?, "
					+ "version = version + 1 where id = ? and version = ?")
			.params(row.name(), row.category().name(), row.phase().name(), row.responsibleLeaderId(), row.address(),
					row.totalInvestment(), Date.valueOf(row.plannedCompletion()), row.registered(), row.description(),
					row.id(), expectedVersion)
			.update();
	}

	/** The filter of a project list: the caller's scope and the query's conditions. */
	record ProjectFilter(DataScope scope, Collection<Long> commandedHeadquarters, Collection<Long> headquarters,
			Collection<Long> units, ProjectQuery query) {

		String where() {
			// none for who sees everything: an "or" with a parameter kept PostgreSQL's
			// generic plans from the indexes, and the province's summary took 1.2 s
			StringBuilder where = new StringBuilder(this.scope.all() ? "true"
					: "(:all or p.lead_unit_id in (:scopeUnits) "
							+ "or p.responsible_leader_id = :person or exists (select 1 from project_headquarters sh "
							+ "where sh.project_id = p.id and sh.headquarters_id in (:commanded)))");
			if (this.headquarters != null) {
				where.append(" and exists (select 1 from project_headquarters fh where fh.project_id = p.id "
						+ "and fh.headquarters_id in (:headquarters))");
			}
			if (this.units != null) {
				where.append(" and p.lead_unit_id in (:units)");
			}
			if (this.query.category() != null) {
				where.append(" and p.category = :category");
			}
			if (this.query.phase() != null) {
				where.append(" and p.phase = :phase");
			}
			if (this.query.light() != null) {
				where.append(" and p.light = :light");
			}
			if (this.query.text() != null && !this.query.text().isBlank()) {
				where.append(" and (lower(p.name) like :text or lower(p.code) like :text)");
			}
			return where.toString();
		}

		JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec) {
			spec = spec.param("all", this.scope.all())
				.param("scopeUnits", this.scope.unitIds().isEmpty() ? NONE : this.scope.unitIds())
				.param("person", (this.scope.personId() != null) ? this.scope.personId() : -1L)
				.param("commanded", this.commandedHeadquarters.isEmpty() ? NONE : this.commandedHeadquarters);
			if (this.headquarters != null) {
				spec = spec.param("headquarters", this.headquarters.isEmpty() ? NONE : this.headquarters);
			}
			if (this.units != null) {
				spec = spec.param("units", this.units.isEmpty() ? NONE : this.units);
			}
			if (this.query.category() != null) {
				spec = spec.param("category", this.query.category().name());
			}
			if (this.query.phase() != null) {
				spec = spec.param("phase", this.query.phase().name());
			}
			if (this.query.light() != null) {
				spec = spec.param("light", this.query.light().name());
			}
			if (this.query.text() != null && !this.query.text().isBlank()) {
				spec = spec.param("text", "%" + this.query.text().strip().toLowerCase() + "%");
			}
			return spec;
		}

	}

	private static String year(Integer onlyYear) {
		return (onlyYear != null) ? " and plan_year = :year" : " and :year = :year";
	}

	private static Collection<Long> ids(Collection<Long> ids) {
		return ids.isEmpty() ? NONE : ids;
	}

	private Row row(ResultSet rs, int n) throws SQLException {
		return new Row(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
				ProjectCategory.valueOf(rs.getString("category")), rs.getLong("lead_unit_id"),
				rs.getObject("responsible_leader_id", Long.class), rs.getString("address"),
				rs.getBigDecimal("latitude"), rs.getBigDecimal("longitude"), rs.getBigDecimal("total_investment"),
				date(rs, "start_date"), date(rs, "planned_completion"), ProjectPhase.valueOf(rs.getString("phase")),
				rs.getBoolean("registered"), rs.getString("description"), Light.valueOf(rs.getString("light")),
				rs.getLong("version"));
	}

	static LocalDate date(ResultSet rs, String column) throws SQLException {
		Date date = rs.getDate(column);
		return (date != null) ? date.toLocalDate() : null;
	}

}
