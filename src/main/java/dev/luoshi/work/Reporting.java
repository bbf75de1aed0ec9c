package dev.luoshi.work;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
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

}
