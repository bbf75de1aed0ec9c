package dev.luoshi.project;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.luoshi.work.Light;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sums of projects' investment within the caller's scope, computed by the database on
 * exact decimals (never floating point).
 */
@Service
@Transactional(readOnly = true)
public class ProjectSummaries {

	private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

	private static final String PER_PROJECT = "from project p left join investment_plan pl on pl.project_id = p.id "
			+ "and pl.plan_year = :year left join (select project_id, sum(amount) done from investment_report "
			+ "where report_year = :year group by project_id) d on d.project_id = p.id where ";

	private final JdbcClient jdbc;

	private final Projects projects;

	private final ProjectLights lights;

	private final Clock clock;

	ProjectSummaries(JdbcClient jdbc, Projects projects, ProjectLights lights, Clock clock) {
		this.jdbc = jdbc;
		this.projects = projects;
		this.lights = lights;
		this.clock = clock;
	}

	public int currentYear() {
		return java.time.LocalDate.now(this.clock).getYear();
	}

	public InvestmentSummary summary(int year, ProjectQuery query) {
		ProjectRepository.ProjectFilter filter = this.projects.filter(query);
		String where = filter.where();
		List<Breakdown> categories = grouped(filter, year, "p.category");
		// every project has a category: the total is their sum, not another pass
		Breakdown total = categories.stream()
			.reduce(new Breakdown("ALL", 0, ZERO, ZERO, ZERO),
					(a, b) -> new Breakdown("ALL", a.count() + b.count(), a.totalInvestment().add(b.totalInvestment()),
							a.annualPlan().add(b.annualPlan()), a.completed().add(b.completed())));
		List<Breakdown> phases = grouped(filter, year, "p.phase");
		BigDecimal[] planned = months(filter, year,
				"select m.plan_month, sum(m.amount) from investment_plan_month m "
						+ "join project p on p.id = m.project_id where m.plan_year = :year and " + where
						+ " group by m.plan_month");
		BigDecimal[] completed = months(filter, year,
				"select r.report_month, sum(r.amount) from investment_report r "
						+ "join project p on p.id = r.project_id where r.report_year = :year and " + where
						+ " group by r.report_month");
		int through = this.lights.throughMonth(year);
		BigDecimal planToDate = ZERO;
		BigDecimal doneToDate = ZERO;
		List<InvestmentSummary.MonthFigures> byMonth = new ArrayList<>();
		for (int month = 1; month <= 12; month++) {
			if (month <= through) {
				planToDate = planToDate.add(planned[month - 1]);
				doneToDate = doneToDate.add(completed[month - 1]);
			}
			byMonth.add(new InvestmentSummary.MonthFigures(YearMonth.of(year, month), planned[month - 1],
					completed[month - 1]));
		}
		BigDecimal firstQuarter = planned[0].add(planned[1]).add(planned[2]);
		BigDecimal firstQuarterDone = completed[0].add(completed[1]).add(completed[2]);
		Map<String, Long> lights = new LinkedHashMap<>();
		for (Light light : Light.values()) {
			lights.put(light.name(), 0L);
		}
		filter.bind(this.jdbc.sql("select p.light, count(*) from project p where " + where + " group by p.light"))
			.query((rs) -> {
				lights.put(rs.getString(1), rs.getLong(2));
			});
		return new InvestmentSummary(year, through, total.count(), total.totalInvestment(), total.annualPlan(),
				total.completed(), total.completionRate(), planToDate, doneToDate,
				InvestmentProgress.rate(doneToDate, planToDate), firstQuarter, firstQuarterDone,
				InvestmentProgress.rate(firstQuarterDone, firstQuarter),
				labelled(categories, ProjectCategory::valueOf, ProjectCategory::label),
				labelled(phases, ProjectPhase::valueOf, ProjectPhase::label), byMonth, lights);
	}

	/**
	 * Planned and completed investment by month of these projects (those within the
	 * caller's scope): two grouped queries, however many projects there are.
	 */
	public List<InvestmentSummary.MonthFigures> months(int year, java.util.Collection<Long> projectIds) {
		List<InvestmentSummary.MonthFigures> byMonth = new ArrayList<>();
		if (projectIds.isEmpty()) {
			for (int month = 1; month <= 12; month++) {
				byMonth.add(new InvestmentSummary.MonthFigures(YearMonth.of(year, month), ZERO, ZERO));
			}
			return byMonth;
		}
		ProjectRepository.ProjectFilter filter = this.projects.filter(ProjectQuery.all());
		String where = filter.where() + " and p.id in (:ids)";
		BigDecimal[] planned = months(filter, year, projectIds,
				"select m.plan_month, sum(m.amount) from investment_plan_month m "
						+ "join project p on p.id = m.project_id where m.plan_year = :year and " + where
						+ " group by m.plan_month");
		BigDecimal[] completed = months(filter, year, projectIds,
				"select r.report_month, sum(r.amount) from investment_report r "
						+ "join project p on p.id = r.project_id where r.report_year = :year and " + where
						+ " group by r.report_month");
		for (int month = 1; month <= 12; month++) {
			byMonth.add(new InvestmentSummary.MonthFigures(YearMonth.of(year, month), planned[month - 1],
					completed[month - 1]));
		}
		return byMonth;
	}

	private BigDecimal[] months(ProjectRepository.ProjectFilter filter, int year, java.util.Collection<Long> ids,
			String sql) {
		BigDecimal[] months = new BigDecimal[12];
		java.util.Arrays.fill(months, ZERO);
		filter.bind(this.jdbc.sql(sql)).param("year", year).param("ids", ids).query((rs) -> {
			months[rs.getInt(1) - 1] = rs.getBigDecimal(2).setScale(2);
		});
		return months;
	}

	private List<Breakdown> grouped(ProjectRepository.ProjectFilter filter, int year, String column) {
		return filter
			.bind(this.jdbc.sql("select " + column + " k, count(p.id) c, sum(p.total_investment) t, sum(pl.amount) pl, "
					+ "sum(d.done) done " + PER_PROJECT + filter.where() + " group by " + column + " order by "
					+ column))
			.param("year", year)
			.query((rs, n) -> breakdown(rs.getString("k"), rs.getLong("c"), rs.getBigDecimal("t"),
					rs.getBigDecimal("pl"), rs.getBigDecimal("done")))
			.list();
	}

	private BigDecimal[] months(ProjectRepository.ProjectFilter filter, int year, String sql) {
		BigDecimal[] months = new BigDecimal[12];
		java.util.Arrays.fill(months, ZERO);
		filter.bind(this.jdbc.sql(sql)).param("year", year).query((rs) -> {
			months[rs.getInt(1) - 1] = rs.getBigDecimal(2).setScale(2);
		});
		return months;
	}

	private static <E extends Enum<E>> List<InvestmentSummary.Breakdown> labelled(List<Breakdown> rows,
			Function<String, E> parse, Function<E, String> label) {
		return rows.stream()
			.map((row) -> new InvestmentSummary.Breakdown(row.key(), label.apply(parse.apply(row.key())), row.count(),
					row.totalInvestment(), row.annualPlan(), row.completed(),
					InvestmentProgress.rate(row.completed(), row.annualPlan())))
			.toList();
	}

	private static Breakdown breakdown(String key, long count, BigDecimal total, BigDecimal plan, BigDecimal done) {
		return new Breakdown(key, count, money(total), money(plan), money(done));
	}

	private static BigDecimal money(BigDecimal amount) {
		return (amount != null) ? amount.setScale(2) : ZERO;
	}

	private record Breakdown(String key, long count, BigDecimal totalInvestment, BigDecimal annualPlan,
			BigDecimal completed) {

		BigDecimal completionRate() {
			return InvestmentProgress.rate(this.completed, this.annualPlan);
		}

	}

}
