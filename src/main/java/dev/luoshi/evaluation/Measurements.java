package dev.luoshi.evaluation;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.luoshi.evaluation.Scoring.Measure;
import dev.luoshi.indicator.Achievement;
import dev.luoshi.indicator.Indicators;
import dev.luoshi.indicator.LandEfficiency;
import dev.luoshi.work.ReportingCycle;
import dev.luoshi.shared.Period;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Measures one indicator for every unit of a scheme's peer groups at once: each kind is a
 * constant number of grouped queries, never a query per unit.
 */
@Component
class Measurements {

	/** Points per notice level when a SUPERVISION_DEDUCTION rule does not say. */
	static final Map<String, Object> DEFAULT_DEDUCTIONS = Map.of("REMINDER", 0.5, "URGE", 1, "SUPERVISE", 2, "BULLETIN",
			3, "INTERVIEW", 5);

	private static final String MEMBERS = "(select u.id from unit u where u.peer_group in (:groups))";

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Indicators indicators;

	private final LandEfficiency landEfficiency;

	Measurements(JdbcClient jdbc, Clock clock, Indicators indicators, LandEfficiency landEfficiency) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.indicators = indicators;
		this.landEfficiency = landEfficiency;
	}

	/** Every member's measure; members missing from the map have nothing to measure. */
	Map<Long, Measure> measure(Scheme scheme, Scheme.Indicator indicator, Period period) {
		return switch (indicator.kind()) {
			case TASK_COMPLETION -> taskCompletion(scheme, period);
			case ON_TIME_MILESTONES -> onTimeMilestones(scheme, period);
			case REPORT_TIMELINESS -> reportTimeliness(scheme, period);
			case INVESTMENT_COMPLETION -> investmentCompletion(scheme, period);
			case SUPERVISION_DEDUCTION -> supervisionDeduction(scheme, indicator, period);
			case ASSESSOR_SCORE -> assessorScores(indicator, period);
			case ECONOMIC_TARGET -> economicTarget(indicator, period);
			case LAND_EFFICIENCY -> landEfficiency(period);
		};
	}

	private Map<Long, Measure> taskCompletion(Scheme scheme, Period period) {
		Map<Long, Measure> measures = new HashMap<>();
		this.jdbc.sql("select t.lead_unit_id, count(*), sum(case when t.status = 'DONE' then 1 else 0 end) from task t "
				+ "join unit u on u.id = t.lead_unit_id where u.peer_group in (:groups) and t.status <> 'CANCELLED' "
				+ "and t.deadline between :yearStart and :end " + "group by t.lead_unit_id")
			.param("groups", scheme.peerGroups())
			.param("yearStart", period.start().withDayOfYear(1))
			.param("end", period.end())
			.query((rs) -> {
				measures.put(rs.getLong(1), Scoring.share(rs.getLong(3), rs.getLong(2)));
			});
		return measures;
	}

	private Map<Long, Measure> onTimeMilestones(Scheme scheme, Period period) {
		Map<Long, Measure> measures = new HashMap<>();
		this.jdbc.sql("select t.lead_unit_id, count(*), "
				+ "sum(case when m.completed_on is not null and m.completed_on <= m.due_date then 1 else 0 end) "
				+ "from milestone m join task t on t.id = m.task_id join unit u on u.id = t.lead_unit_id "
				+ "where m.due_date between :start and :end and t.status <> 'CANCELLED' and u.peer_group in (:groups) "
				+ "group by t.lead_unit_id")
			.param("groups", scheme.peerGroups())
			.param("start", period.start())
			.param("end", period.end())
			.query((rs) -> {
				measures.put(rs.getLong(1), Scoring.share(rs.getLong(3), rs.getLong(2)));
			});
		return measures;
	}

	/**
	 * The reports due in the period (monthly ones on the campaign's due day of each
	 * month, weekly ones on each Friday) from every leaf task that had started and was
	 * still running, and how many of them were in by the end of their due day. One pass:
	 * the first filing of each task for each of the period's reporting periods (by the
	 * index on period), then the tasks, matched in memory.
	 */
	private Map<Long, Measure> reportTimeliness(Scheme scheme, Period period) {
		List<Due> dues = new ArrayList<>();
		for (YearMonth month : period.months()) {
			dues.add(new Due(month.toString(), ReportingCycle.MONTHLY, month.atDay(1), null));
		}
		for (LocalDate friday = period.start().with(TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY)); !friday
			.isAfter(period.end()); friday = friday.plusWeeks(1)) {
			LocalDate monday = friday.with(DayOfWeek.MONDAY);
			dues.add(new Due(String.format("%d-W%02d", monday.get(IsoFields.WEEK_BASED_YEAR),
					monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)), ReportingCycle.WEEKLY, monday, friday));
		}
		Map<String, Map<Long, Long>> filed = new HashMap<>();
		this.jdbc
			.sql("select r.period, r.task_id, min(r.submitted_at) from progress_report r where r.period in (:periods) "
					+ "group by r.period, r.task_id")
			.param("periods", dues.stream().map(Due::name).toList())
			.query((rs) -> {
				filed.computeIfAbsent(rs.getString(1), (key) -> new HashMap<>())
					.put(rs.getLong(2), rs.getTimestamp(3).getTime());
			});
		Map<Long, long[]> counts = new HashMap<>();
		this.jdbc.sql(
				"select t.id, t.lead_unit_id, t.start_date, t.deadline, t.created_at, c.reporting_cycle, c.report_due_day "
						+ "from task t join campaign c on c.id = t.campaign_id join unit u on u.id = t.lead_unit_id "
						+ "where u.peer_group in (:groups) and t.status <> 'CANCELLED' and t.start_date <= :end "
						+ "and t.deadline >= :start and not exists (select 1 from task ch where ch.parent_id = t.id)")
			.param("groups", scheme.peerGroups())
			.param("start", period.start())
			.param("end", period.end())
			.query((rs) -> {
				LocalDate started = rs.getDate(3).toLocalDate();
				LocalDate deadline = rs.getDate(4).toLocalDate();
				long created = rs.getTimestamp(5).getTime();
				ReportingCycle cycle = ReportingCycle.valueOf(rs.getString(6));
				int dueDay = rs.getInt(7);
				for (Due due : dues) {
					if (due.cycle() != cycle || started.isAfter(due.begins()) || deadline.isBefore(due.begins())) {
						continue;
					}
					long dueEnds = due.endsOn(dueDay)
						.plusDays(1)
						.atStartOfDay(this.clock.getZone())
						.toInstant()
						.toEpochMilli();
					if (created >= dueEnds) {
						continue;
					}
					long[] count = counts.computeIfAbsent(rs.getLong(2), (unit) -> new long[2]);
					count[0]++;
					Long at = filed.getOrDefault(due.name(), Map.of()).get(rs.getLong(1));
					if (at != null && at < dueEnds) {
						count[1]++;
					}
				}
			});
		Map<Long, Measure> measures = new HashMap<>();
		counts.forEach((unit, count) -> measures.put(unit, Scoring.share(count[1], count[0])));
		return measures;
	}

	/** A reporting period: its name, cycle, first day and (weekly) due day. */
	private record Due(String name, ReportingCycle cycle, LocalDate begins, LocalDate friday) {

		LocalDate endsOn(int dueDay) {
			if (this.friday != null) {
				return this.friday;
			}
			YearMonth month = YearMonth.from(this.begins);
			return month.atDay(Math.min(dueDay, month.lengthOfMonth()));
		}

	}

	/** Year-to-date completed ÷ year-to-date plan, to the period's last month. */
	private Map<Long, Measure> investmentCompletion(Scheme scheme, Period period) {
		YearMonth last = period.lastMonth();
		Map<Long, BigDecimal> plans = new HashMap<>();
		this.jdbc.sql(
				"select p.lead_unit_id, sum(m.amount) from investment_plan_month m join project p on p.id = m.project_id "
						+ "where m.plan_year = :year and m.plan_month <= :month and p.lead_unit_id in " + MEMBERS
						+ " group by p.lead_unit_id")
			.param("year", last.getYear())
			.param("month", last.getMonthValue())
			.param("groups", scheme.peerGroups())
			.query((rs) -> {
				plans.put(rs.getLong(1), rs.getBigDecimal(2));
			});
		Map<Long, BigDecimal> done = new HashMap<>();
		this.jdbc
			.sql("select p.lead_unit_id, sum(r.amount) from investment_report r join project p on p.id = r.project_id "
					+ "where r.report_year = :year and r.report_month <= :month and p.lead_unit_id in " + MEMBERS
					+ " group by p.lead_unit_id")
			.param("year", last.getYear())
			.param("month", last.getMonthValue())
			.param("groups", scheme.peerGroups())
			.query((rs) -> {
				done.put(rs.getLong(1), rs.getBigDecimal(2));
			});
		Map<Long, Measure> measures = new HashMap<>();
		plans.forEach((unit, plan) -> {
			if (plan.signum() > 0) {
				measures.put(unit, Measure.capped(Scoring.percent(done.getOrDefault(unit, BigDecimal.ZERO), plan)));
			}
		});
		return measures;
	}

	/** 100 less the points of the notices received in the period; raw is the points. */
	private Map<Long, Measure> supervisionDeduction(Scheme scheme, Scheme.Indicator indicator, Period period) {
		Map<String, Object> rule = indicator.rule().isEmpty() ? DEFAULT_DEDUCTIONS : indicator.rule();
		Map<Long, BigDecimal> points = new HashMap<>();
		this.jdbc
			.sql("select n.unit_id, n.level, count(*) from notice n where n.issued_at >= :from and n.issued_at < :to "
					+ "and n.unit_id in " + MEMBERS + " group by n.unit_id, n.level")
			.param("from", Timestamp.from(period.start().atStartOfDay(this.clock.getZone()).toInstant()))
			.param("to", Timestamp.from(period.end().plusDays(1).atStartOfDay(this.clock.getZone()).toInstant()))
			.param("groups", scheme.peerGroups())
			.query((rs) -> {
				Object each = rule.get(rs.getString(2));
				if (each instanceof Number number) {
					points.merge(rs.getLong(1),
							new BigDecimal(number.toString()).multiply(BigDecimal.valueOf(rs.getLong(3))),
							BigDecimal::add);
				}
			});
		Map<Long, Measure> measures = new HashMap<>();
		this.jdbc.sql("select u.id from unit u where u.peer_group in (:groups)")
			.param("groups", scheme.peerGroups())
			.query(Long.class)
			.list()
			.forEach((unit) -> {
				BigDecimal deducted = points.getOrDefault(unit, BigDecimal.ZERO).setScale(2);
				measures.put(unit, Measure.capped(Scoring.HUNDRED.subtract(deducted)).withRaw(deducted));
			});
		return measures;
	}

	/**
	 * Actual against target of the indicator for the unit as a region and the period's
	 * own figure (actual ÷ target, or target ÷ actual where lower is better), ×100.
	 */
	private Map<Long, Measure> economicTarget(Scheme.Indicator indicator, Period period) {
		String code = String.valueOf(indicator.rule().get("indicator"));
		boolean higherIsBetter = this.indicators.indicator(code).higherIsBetter();
		Map<Long, Measure> measures = new HashMap<>();
		for (Achievement achievement : this.indicators.achievements(code, period.name()).values()) {
			BigDecimal target = achievement.target();
			BigDecimal actual = achievement.actual();
			if (target != null && actual != null && target.signum() > 0 && actual.signum() > 0) {
				measures.put(achievement.regionId(), Measure
					.capped(higherIsBetter ? Scoring.percent(actual, target) : Scoring.percent(target, actual)));
			}
		}
		return measures;
	}

	/**
	 * The 亩均 score of the unit's enterprises for the period's year, or for the year
	 * before while the period's year has no figures yet (they are counted once a year).
	 */
	private Map<Long, Measure> landEfficiency(Period period) {
		Map<Long, BigDecimal> scores = this.landEfficiency.unitScores(period.year());
		if (scores.isEmpty()) {
			scores = this.landEfficiency.unitScores(period.year() - 1);
		}
		Map<Long, Measure> measures = new HashMap<>();
		scores.forEach((unit, score) -> measures.put(unit, Measure.capped(score)));
		return measures;
	}

	private Map<Long, Measure> assessorScores(Scheme.Indicator indicator, Period period) {
		Map<Long, Measure> measures = new HashMap<>();
		this.jdbc.sql("select unit_id, score from assessor_score where indicator_id = ? and period = ?")
			.params(indicator.id(), period.name())
			.query((rs) -> {
				measures.put(rs.getLong(1), Measure.capped(rs.getBigDecimal(2)));
			});
		return measures;
	}

}
