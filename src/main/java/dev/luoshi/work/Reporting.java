package dev.luoshi.work;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.DayOfWeek;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.luoshi.identity.DataScopes;
import dev.luoshi.shared.DomainException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whose reports are missing or overdue: per unit and month, for the units' open tasks
 * they lead.
 */
@Service
@Transactional(readOnly = true)
public class Reporting {

	private final JdbcClient jdbc;

	private final TaskRepository tasks;

	private final CampaignRepository campaigns;

	private final DataScopes scopes;

	private final Clock clock;

	Reporting(JdbcClient jdbc, TaskRepository tasks, CampaignRepository campaigns, DataScopes scopes, Clock clock) {
		this.jdbc = jdbc;
		this.tasks = tasks;
		this.campaigns = campaigns;
		this.scopes = scopes;
		this.clock = clock;
	}

	/** The unit's open tasks (leaves it leads) and their report for the month. */
	public ReportingStatus status(long unitId, YearMonth month) {
		this.scopes.requireUnit(unitId);
		LocalDate today = LocalDate.now(this.clock);
		List<TaskRepository.Row> led = this.jdbc
			.sql("select t.id from task t where t.lead_unit_id = ? and t.status = 'OPEN' "
					+ "and not exists (select 1 from task c where c.parent_id = t.id) order by t.deadline, t.id")
			.param(unitId)
			.query(Long.class)
			.list()
			.stream()
			.map((id) -> this.tasks.find(id).orElseThrow())
			.toList();
		Map<Long, ReportStatus> filed = new HashMap<>();
		this.jdbc
			.sql("select r.task_id, r.status from progress_report r join task t on t.id = r.task_id "
					+ "where t.lead_unit_id = ? and r.period = ? order by r.submitted_at")
			.params(unitId, month.toString())
			.query((rs, n) -> filed.put(rs.getLong(1), ReportStatus.valueOf(rs.getString(2))))
			.list();
		Map<Long, Integer> dueDays = new HashMap<>();
		List<ReportingStatus.Item> items = new ArrayList<>();
		for (TaskRepository.Row task : led) {
			if (task.startDate().isAfter(month.atEndOfMonth())) {
				continue;
			}
			int dueDay = dueDays.computeIfAbsent(task.campaignId(),
					(campaign) -> this.campaigns.find(campaign)
						.orElseThrow(() -> DomainException.notFound("campaign", campaign))
						.reportDueDay());
			LocalDate dueOn = month.atDay(Math.min(dueDay, month.lengthOfMonth()));
			ReportStatus report = filed.get(task.id());
			items.add(new ReportingStatus.Item(task.id(), task.outline(), task.title(), task.campaignId(), dueOn,
					report, report == null, report == null && today.isAfter(dueOn)));
		}
		return new ReportingStatus(unitId, month.toString(), items);
	}

	/**
	 * Open leaf tasks without a report for the latest period of their campaign whose due
	 * day has passed: the campaign's report day of the month, or the Friday of a week.
	 * Only tasks that were in the book by the due day count (a ledger imported today owes
	 * no report for last month). For the escalation rules, so it reads all units.
	 */
	public List<OverdueReport> overdueReports(LocalDate today) {
		List<OverdueReport> overdue = new ArrayList<>();
		List<CampaignCycle> campaigns = this.jdbc
			.sql("select id, reporting_cycle, report_due_day from campaign where start_date <= ? order by id")
			.param(today)
			.query((rs, n) -> new CampaignCycle(rs.getLong(1), ReportingCycle.valueOf(rs.getString(2)), rs.getInt(3)))
			.list();
		// campaigns of one cycle and due day share the period: one query for each such
		// group
		Map<Period, List<Long>> byPeriod = new java.util.LinkedHashMap<>();
		campaigns
			.forEach((campaign) -> byPeriod.computeIfAbsent(campaign.latestDuePeriod(today), (key) -> new ArrayList<>())
				.add(campaign.id()));
		byPeriod.forEach((period, ids) -> this.jdbc
			.sql("select t.id, t.title, t.lead_unit_id from task t where t.campaign_id in (:campaigns) "
					+ "and t.status = 'OPEN' and t.start_date <= :begins and t.created_at < :dueEnds "
					+ "and not exists (select 1 from task c where c.parent_id = t.id) "
					+ "and not exists (select 1 from progress_report r where r.task_id = t.id and r.period = :period) "
					+ "order by t.id")
			.param("campaigns", ids)
			.param("begins", period.begins())
			.param("dueEnds", Timestamp.from(period.dueOn().plusDays(1).atStartOfDay(this.clock.getZone()).toInstant()))
			.param("period", period.name())
			.query((rs, n) -> overdue
				.add(new OverdueReport(rs.getLong(1), rs.getString(2), rs.getLong(3), period.name(), period.dueOn())))
			.list());
		return overdue;
	}

	private record CampaignCycle(long id, ReportingCycle cycle, int dueDay) {

		Period latestDuePeriod(LocalDate today) {
			if (this.cycle == ReportingCycle.MONTHLY) {
				YearMonth month = YearMonth.from(today);
				if (!today.isAfter(dueOn(month))) {
					month = month.minusMonths(1);
				}
				return new Period(month.toString(), month.atDay(1), dueOn(month));
			}
			LocalDate monday = today.with(DayOfWeek.MONDAY);
			if (!today.isAfter(monday.with(DayOfWeek.FRIDAY))) {
				monday = monday.minusWeeks(1);
			}
			String name = String.format("%d-W%02d", monday.get(IsoFields.WEEK_BASED_YEAR),
					monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
			return new Period(name, monday, monday.with(DayOfWeek.FRIDAY));
		}

		private LocalDate dueOn(YearMonth month) {
			return month.atDay(Math.min(this.dueDay, month.lengthOfMonth()));
		}

	}

	private record Period(String name, LocalDate begins, LocalDate dueOn) {
	}

}
