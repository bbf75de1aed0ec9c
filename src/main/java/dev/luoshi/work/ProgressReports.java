package dev.luoshi.work;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.luoshi.identity.CurrentUser;
import dev.luoshi.identity.DataScopes;
import dev.luoshi.organization.Organization;
import dev.luoshi.shared.DomainException;
import dev.luoshi.shared.EntityChanged;
import dev.luoshi.shared.Page;
import dev.luoshi.shared.PageRequest;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Progress reports (跟踪反馈): filed by an operator of the lead or a cooperating unit,
 * reviewed by the supervision office. A task's progress is its latest accepted report;
 * one that reports 100 completes the task.
 */
@Service
@Transactional
public class ProgressReports {

	private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");

	private final ReportRepository reports;

	private final TaskRepository tasks;

	private final TaskBook taskBook;

	private final Campaigns campaigns;

	private final LightKeeper lights;

	private final Organization organization;

	private final DataScopes scopes;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ProgressReports(ReportRepository reports, TaskRepository tasks, TaskBook taskBook, Campaigns campaigns,
			LightKeeper lights, Organization organization, DataScopes scopes, ApplicationEventPublisher events,
			Clock clock) {
		this.reports = reports;
		this.tasks = tasks;
		this.taskBook = taskBook;
		this.campaigns = campaigns;
		this.lights = lights;
		this.organization = organization;
		this.scopes = scopes;
		this.events = events;
		this.clock = clock;
	}

	public Report file(long taskId, NewReport command) {
		TaskRepository.Row task = this.taskBook.visibleRow(taskId);
		Set<Long> involved = new LinkedHashSet<>();
		involved.add(task.leadUnitId());
		this.tasks.units(java.util.List.of(taskId))
			.stream()
			.filter((unit) -> TaskRepository.COOPERATING.equals(unit.role()))
			.forEach((unit) -> involved.add(unit.unitId()));
		long unit = Access.actingUnit(this.scopes, this.organization, involved);
		if (task.status() != TaskStatus.OPEN) {
			throw DomainException.conflict("task-closed", "The task is " + task.status() + "; no more reports",
					task.status());
		}
		checkPeriod(command.period(), this.campaigns.row(task.campaignId()).reportingCycle());
		CurrentUser user = this.scopes.caller().orElseThrow();
		long id = this.reports.insert(taskId, unit, command, user.accountId(), this.clock.instant());
		Report filed = report(id);
		this.events.publishEvent(EntityChanged.created("report", id, filed));
		return filed;
	}

	/** Accepts a report (it becomes the task's progress) or returns it with a comment. */
	public Report review(long reportId, ReportStatus decision, String comment) {
		Report before = report(reportId);
		TaskRepository.Row task = this.taskBook.visibleRow(before.taskId());
		if (decision == ReportStatus.SUBMITTED) {
			throw DomainException.invalid("decision", "review-decision", "Decide ACCEPT or RETURN");
		}
		if (decision == ReportStatus.RETURNED && (comment == null || comment.isBlank())) {
			throw DomainException.invalid("comment", "required", "Say why the report is returned");
		}
		if (before.status() != ReportStatus.SUBMITTED) {
			throw DomainException.conflict("report-reviewed", "The report was already reviewed", before.status());
		}
		this.lights.lockCampaign(task.campaignId());
		CurrentUser reviewer = this.scopes.caller().orElseThrow();
		if (!this.reports.review(reportId, decision, reviewer.accountId(), comment, this.clock.instant(),
				before.version())) {
			throw DomainException.staleVersion("report", reportId);
		}
		if (decision == ReportStatus.ACCEPTED) {
			Report latest = this.reports.latestAccepted(task.id()).orElseThrow();
			boolean complete = latest.percent().compareTo(BigDecimal.valueOf(100)) == 0;
			this.tasks.updateProgress(task.id(), latest.percent(), complete ? TaskStatus.DONE : TaskStatus.OPEN);
			this.lights.refreshCampaign(task.campaignId());
		}
		Report after = report(reportId);
		this.events.publishEvent(new EntityChanged("report", String.valueOf(reportId), decision.name(), before, after));
		return after;
	}

	@Transactional(readOnly = true)
	public Page<Report> ofTask(long taskId, PageRequest page) {
		this.taskBook.visibleRow(taskId);
		return new Page<>(this.reports.ofTask(taskId, page.offset(), page.size()), this.reports.countOfTask(taskId),
				page.page(), page.size());
	}

	private Report report(long id) {
		return this.reports.find(id).orElseThrow(() -> DomainException.notFound("report", id));
	}

	/** A period in the campaign's cycle that has begun. */
	private void checkPeriod(String period, ReportingCycle cycle) {
		LocalDate today = LocalDate.now(this.clock);
		LocalDate begins;
		try {
			if (cycle == ReportingCycle.MONTHLY) {
				begins = YearMonth.parse(period).atDay(1);
			}
			else {
				Matcher week = WEEK.matcher(period);
				if (!week.matches()) {
					throw new DateTimeParseException("not a week", period, 0);
				}
				begins = LocalDate.of(Integer.parseInt(week.group(1)), 6, 1)
					.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, Integer.parseInt(week.group(2)))
					.with(java.time.DayOfWeek.MONDAY);
			}
		}
		catch (DateTimeException ex) {
			throw DomainException.invalid("period", "report-period",
					"The period must look like " + ((cycle == ReportingCycle.MONTHLY) ? "2026-03" : "2026-W12"),
					(cycle == ReportingCycle.MONTHLY) ? "2026-03" : "2026-W12");
		}
		if (begins.isAfter(today)) {
			throw DomainException.invalid("period", "report-period-future", "The period " + period + " has not begun",
					period);
		}
	}

}
