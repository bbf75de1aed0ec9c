package dev.luoshi.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
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
	Map<Long, Measure> measure(Scheme scheme, Scheme.Indicator indicator, Period period, Members members) {
		return switch (indicator.kind()) {
			case TASK_COMPLETION -> taskCompletion(members, period);
			case ON_TIME_MILESTONES -> onTimeMilestones(members, period);
			case REPORT_TIMELINESS -> reportTimeliness(members, period);
			case INVESTMENT_COMPLETION -> investmentCompletion(members, period);
			case SUPERVISION_DEDUCTION -> supervisionDeduction(members, indicator, period);
			case ASSESSOR_SCORE -> assessorScores(indicator, period);
			case ECONOMIC_TARGET -> economicTarget(indicator, period);
			case LAND_EFFICIENCY -> landEfficiency(period);
		};
	}

	/** Of the unit's tasks due in the year up to the period's end, the share done. */
	private Map<Long, Measure> taskCompletion(Members members, Period period) {
		TaskFacts tasks = members.tasks();
		long from = period.start().withDayOfYear(1).toEpochDay();
		long to = asOf(period).toEpochDay();
		Map<Long, long[]> counts = new HashMap<>();
		for (int i = 0; i < tasks.size(); i++) {
			if (tasks.status(i) != TaskFacts.CANCELLED && tasks.deadline(i) >= from && tasks.deadline(i) <= to
					&& members.ranks(tasks.unit(i))) {
				long[] count = counts.computeIfAbsent(tasks.unit(i), (unit) -> new long[2]);
				count[0]++;
				count[1] += (tasks.status(i) == TaskFacts.DONE) ? 1 : 0;
			}
		}
		return shares(counts);
	}

	/**
	 * Of the milestones of the unit's tasks due in the period, the share completed by
	 * their date: the milestones counted per task by the index on their date, then given
	 * to the tasks' units.
	 */
	private Map<Long, Measure> onTimeMilestones(Members members, Period period) {
		TaskFacts tasks = members.tasks();
		Map<Long, long[]> counts = new HashMap<>();
		this.jdbc
			.sql("select m.task_id, count(*), "
					+ "sum(case when m.completed_on is not null and m.completed_on <= m.due_date then 1 else 0 end) "
					+ "from milestone m where m.due_date between :start and :end group by m.task_id")
			.param("start", period.start())
			.param("end", asOf(period))
			.query((rs) -> {
				int task = tasks.indexOf(rs.getLong(1));
				if (task >= 0 && tasks.status(task) != TaskFacts.CANCELLED && members.ranks(tasks.unit(task))) {
					long[] count = counts.computeIfAbsent(tasks.unit(task), (unit) -> new long[2]);
					count[0] += rs.getLong(2);
					count[1] += rs.getLong(3);
				}
			});
		return shares(counts);
	}

	/**
	 * The day a period is measured to: its last day, or today while it runs (what falls
	 * due later is not yet late).
	 */
	private LocalDate asOf(Period period) {
		LocalDate today = LocalDate.now(this.clock);
		return period.end().isAfter(today) ? today : period.end();
	}

	private static Map<Long, Measure> shares(Map<Long, long[]> counts) {
		Map<Long, Measure> measures = new HashMap<>();
		counts.forEach((unit, count) -> measures.put(unit, Scoring.share(count[1], count[0])));
		return measures;
	}

	/**
	 * The reports due in the period (monthly ones on the campaign's due day of each
	 * month, weekly ones on each Friday) from every leaf task that had started and was
	 * still running, and how many of them were in by the end of their due day. One pass:
	 * the first filing of each task for each of the period's reporting periods (by the
	 * index on period), then the tasks, matched in memory.
	 */
	private Map<Long, Measure> reportTimeliness(Members members, Period period) {
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
		Map<String, Integer> index = new HashMap<>();
		for (int i = 0; i < dues.size(); i++) {
			index.put(dues.get(i).name(), i);
		}
		// the first filing of each task for each reporting period, in task order
		Filings filings = new Filings();
		this.jdbc
			.sql("select r.task_id, r.period, min(r.submitted_at) from progress_report r where r.period in (:periods) "
					+ "group by r.task_id, r.period order by r.task_id")
			.param("periods", dues.stream().map(Due::name).toList())
			.query((rs) -> {
				filings.add(rs.getLong(1), index.get(rs.getString(2)), rs.getTimestamp(3).getTime());
			});
		long[][] dueEnds = new long[dues.size()][32];
		for (int i = 0; i < dues.size(); i++) {
			for (int day = 0; day < 32; day++) {
				dueEnds[i][day] = dues.get(i)
					.endsOn(Math.max(1, day))
					.plusDays(1)
					.atStartOfDay(this.clock.getZone())
					.toInstant()
					.toEpochMilli();
			}
		}
		TaskFacts tasks = members.tasks();
		Map<Long, long[]> counts = new HashMap<>();
		long[] first = new long[dues.size()];
		long[] begins = dues.stream().mapToLong((due) -> due.begins().toEpochDay()).toArray();
		long now = this.clock.millis();
		int cursor = 0;
		for (int t = 0; t < tasks.size(); t++) {
			if (tasks.status(t) == TaskFacts.CANCELLED || !tasks.leaf(t) || !members.ranks(tasks.unit(t))) {
				continue;
			}
			cursor = filings.firstOf(tasks.id(t), cursor, first);
			ReportingCycle cycle = tasks.cycle(t);
			// a finished task files no more: it is expected up to its last filing only
			int last = dues.size() - 1;
			if (tasks.status(t) == TaskFacts.DONE) {
				while (last >= 0 && (first[last] == Long.MAX_VALUE || dues.get(last).cycle() != cycle)) {
					last--;
				}
			}
			long[] count = null;
			for (int i = 0; i <= last; i++) {
				long ends = dueEnds[i][tasks.dueDay(t)];
				if (dues.get(i).cycle() != cycle || tasks.start(t) > begins[i] || tasks.deadline(t) < begins[i]
						|| tasks.created(t) >= ends || ends > now) {
					continue;
				}
				if (count == null) {
					count = counts.computeIfAbsent(tasks.unit(t), (unit) -> new long[2]);
				}
				count[0]++;
				if (first[i] < ends) {
					count[1]++;
				}
			}
		}
		Map<Long, Measure> measures = new HashMap<>();
		counts.forEach((unit, count) -> measures.put(unit, Scoring.share(count[1], count[0])));
		return measures;
	}

	/**
	 * First filings as parallel arrays in task order, read alongside the tasks (also in
	 * task order) without a map per task.
	 */
	private static final class Filings {

		private long[] tasks = new long[1024];

		private int[] dues = new int[1024];

		private long[] times = new long[1024];

		private int size;

		void add(long task, int due, long time) {
			if (this.size == this.tasks.length) {
				this.tasks = java.util.Arrays.copyOf(this.tasks, this.size * 2);
				this.dues = java.util.Arrays.copyOf(this.dues, this.size * 2);
				this.times = java.util.Arrays.copyOf(this.times, this.size * 2);
			}
			this.tasks[this.size] = task;
			this.dues[this.size] = due;
			this.times[this.size] = time;
			this.size++;
		}

		/**
		 * Fills {@code first} with the task's first filing per reporting period (or
		 * never) and returns where the next task's filings start.
		 */
		int firstOf(long task, int from, long[] first) {
			java.util.Arrays.fill(first, Long.MAX_VALUE);
			int at = from;
			while (at < this.size && this.tasks[at] < task) {
				at++;
			}
			while (at < this.size && this.tasks[at] == task) {
				first[this.dues[at]] = this.times[at];
				at++;
			}
			return at;
		}

	}

	/**
	 * The units a scheme ranks, and the tasks, read once for all the task-based
	 * indicators of one ranking.
	 */
	static final class Members {

		private final Map<Long, String> groups;

		private final JdbcClient jdbc;

		private TaskFacts tasks;

		Members(Map<Long, String> groups, JdbcClient jdbc) {
			this.groups = groups;
			this.jdbc = jdbc;
		}

		boolean ranks(long unit) {
			return this.groups.containsKey(unit);
		}

		java.util.Set<Long> units() {
			return this.groups.keySet();
		}

		TaskFacts tasks() {
			if (this.tasks == null) {
				this.tasks = TaskFacts.load(this.jdbc);
			}
			return this.tasks;
		}

	}

	Members members(Map<Long, String> groups) {
		return new Members(groups, this.jdbc);
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
	private Map<Long, Measure> investmentCompletion(Members members, Period period) {
		YearMonth last = period.lastMonth();
		YearMonth current = YearMonth.now(this.clock);
		if (!last.isBefore(current)) {
			// the current month's figures are filed after it ends
			last = current.minusMonths(1);
		}
		if (last.getYear() != period.year()) {
			return Map.of();
		}
		Map<Long, BigDecimal> plans = new HashMap<>();
		this.jdbc.sql(
				"select p.lead_unit_id, sum(m.amount) from investment_plan_month m join project p on p.id = m.project_id "
						+ "where m.plan_year = :year and m.plan_month <= :month group by p.lead_unit_id")
			.param("year", last.getYear())
			.param("month", last.getMonthValue())
			.query((rs) -> {
				plans.put(rs.getLong(1), rs.getBigDecimal(2));
			});
		Map<Long, BigDecimal> done = new HashMap<>();
		this.jdbc
			.sql("select p.lead_unit_id, sum(r.amount) from investment_report r join project p on p.id = r.project_id "
					+ "where r.report_year = :year and r.report_month <= :month group by p.lead_unit_id")
			.param("year", last.getYear())
			.param("month", last.getMonthValue())
			.query((rs) -> {
				done.put(rs.getLong(1), rs.getBigDecimal(2));
			});
		Map<Long, Measure> measures = new HashMap<>();
		plans.forEach((unit, plan) -> {
			if (plan.signum() > 0 && members.ranks(unit)) {
				measures.put(unit, Measure.capped(Scoring.percent(done.getOrDefault(unit, BigDecimal.ZERO), plan)));
			}
		});
		return measures;
	}

	/** 100 less the points of the notices received in the period; raw is the points. */
	private Map<Long, Measure> supervisionDeduction(Members members, Scheme.Indicator indicator, Period period) {
		Map<String, Object> rule = indicator.rule().isEmpty() ? DEFAULT_DEDUCTIONS : indicator.rule();
		Map<Long, BigDecimal> points = new HashMap<>();
		this.jdbc
			.sql("select n.unit_id, n.level, count(*) from notice n where n.issued_at >= :from and n.issued_at < :to "
					+ "group by n.unit_id, n.level")
			.param("from", Timestamp.from(period.start().atStartOfDay(this.clock.getZone()).toInstant()))
			.param("to", Timestamp.from(period.end().plusDays(1).atStartOfDay(this.clock.getZone()).toInstant()))
			.query((rs) -> {
				Object each = rule.get(rs.getString(2));
				if (each instanceof Number number) {
					points.merge(rs.getLong(1),
							new BigDecimal(number.toString()).multiply(BigDecimal.valueOf(rs.getLong(3))),
							BigDecimal::add);
				}
			});
		Map<Long, Measure> measures = new HashMap<>();
		members.units().forEach((unit) -> {
			BigDecimal deducted = points.getOrDefault(unit, BigDecimal.ZERO).setScale(2, RoundingMode.HALF_UP);
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
			if (target == null || actual == null || target.signum() <= 0) {
				continue;
			}
			BigDecimal raw;
			if (higherIsBetter) {
				raw = Scoring.percent(actual.max(BigDecimal.ZERO), target);
			}
			else {
				// nothing used against a ceiling is full marks
				raw = (actual.signum() <= 0) ? Scoring.HUNDRED : Scoring.percent(target, actual);
			}
			measures.put(achievement.regionId(), Measure.capped(raw));
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
