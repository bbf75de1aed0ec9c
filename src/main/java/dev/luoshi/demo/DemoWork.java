package dev.luoshi.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.luoshi.calendar.Calendar;
import dev.luoshi.identity.CurrentUser;
import dev.luoshi.organization.Person;
import dev.luoshi.organization.Unit;
import dev.luoshi.work.Campaign;
import dev.luoshi.work.Campaigns;
import dev.luoshi.work.NewCampaign;
import dev.luoshi.work.NewReport;
import dev.luoshi.work.NewTask;
import dev.luoshi.work.ProgressReports;
import dev.luoshi.work.Report;
import dev.luoshi.work.ReportStatus;
import dev.luoshi.work.ResponsibilityLetters;
import dev.luoshi.work.Target;
import dev.luoshi.work.Task;
import dev.luoshi.work.TaskBook;

import org.springframework.stereotype.Component;

/**
 * The demo district's six campaigns with their task books, dated around today: milestones
 * done and due, a quarter of reports filed by the units' liaisons and reviewed by the
 * supervision office, and so lights of every colour.
 */
@Component
class DemoWork {

	/** How each task is set up to read today, in turn. */
	private enum Plan {

		ON_TRACK, MISSED_MILESTONE, AHEAD, BEHIND, DONE, MILESTONE_DUE, ON_TRACK_LATE_REPORT, OVERDUE

	}

	private final Campaigns campaigns;

	/** How many tasks were planned with a late report so far. */
	private int lateReports;

	private final TaskBook taskBook;

	private final ProgressReports reports;

	private final ResponsibilityLetters letters;

	private final DemoUsers users;

	private final Calendar calendar;

	private final Clock clock;

	DemoWork(Campaigns campaigns, TaskBook taskBook, ProgressReports reports, ResponsibilityLetters letters,
			DemoUsers users, Calendar calendar, Clock clock) {
		this.campaigns = campaigns;
		this.taskBook = taskBook;
		this.reports = reports;
		this.letters = letters;
		this.users = users;
		this.calendar = calendar;
		this.clock = clock;
	}

	/** Loads the campaigns and returns their ids by code. */
	Map<String, Long> load(Map<String, Unit> units, Map<String, Person> leaders, Map<String, Person> liaisons,
			String password) {
		Map<String, Long> ids = new HashMap<>();
		LocalDate today = LocalDate.now(this.clock);
		LocalDate start = today.minusMonths(10).withDayOfMonth(1);
		LocalDate end = LocalDate.of(today.getYear() + 1, 12, 31);
		CurrentUser supervisor = this.users.user("supervisor");
		int counter = 0;
		for (DemoCampaigns.CampaignSpec spec : DemoCampaigns.CAMPAIGNS) {
			Campaign campaign = this.campaigns.launch(new NewCampaign(spec.code(), spec.name(), start.getYear(), null,
					leaders.get(spec.leader()).id(), units.get(spec.leadUnit()).id(), start, end,
					spec.taskForce().stream().map((name) -> this.users.user(name).accountId()).toList(),
					"按照“一年重谋划、两年快起步、三年见成效”的思路，细化分解任务，倒排工期，挂图作战。", null, 25,
					List.of(new NewCampaign.PhasePlan("一年重谋划", start, start.plusYears(1).minusDays(1)),
							new NewCampaign.PhasePlan("两年快起步", start.plusYears(1), end))));
			for (DemoCampaigns.SectionSpec section : spec.sections()) {
				Task parent = this.taskBook.addTask(campaign.id(),
						new NewTask(null, section.title(), units.get(section.leadUnit()).id(), List.of(),
								leaders.get(spec.leader()).id(), null, end, null, BigDecimal.ONE, null, List.of()));
				for (String line : section.tasks()) {
					Plan plan = Plan.values()[counter++ % Plan.values().length];
					String[] parts = line.split("\\|");
					Unit lead = units.get(parts[1]);
					CurrentUser operator = this.users.operatorOf(parts[1], liaisons, password);
					addTask(campaign, parent, parts, lead, plan, start, today, supervisor, operator,
							leaders.get(spec.leader()).id());
				}
			}
			DemoUsers.as(supervisor, () -> this.letters.issue(campaign.id()));
			ids.put(spec.code(), campaign.id());
		}
		return ids;
	}

	private void addTask(Campaign campaign, Task parent, String[] parts, Unit lead, Plan plan, LocalDate start,
			LocalDate today, CurrentUser supervisor, CurrentUser operator, long leaderId) {
		LocalDate deadline = switch (plan) {
			case OVERDUE -> today.minusDays(12);
			case DONE -> today.minusDays(20);
			case MILESTONE_DUE -> today.plusDays(75);
			default -> today.plusDays(60 + (parts[0].length() * 11) % 240);
		};
		List<NewTask.MilestonePlan> milestones = new ArrayList<>();
		milestones.add(new NewTask.MilestonePlan("完成实施方案", start.plusDays(45), null));
		if (plan == Plan.MISSED_MILESTONE) {
			milestones.add(new NewTask.MilestonePlan("完成阶段验收", today.minusDays(9), null));
		}
		if (plan == Plan.MILESTONE_DUE) {
			milestones.add(new NewTask.MilestonePlan("完成中期评估", this.calendar.shift(today, 2), null));
		}
		milestones.add(new NewTask.MilestonePlan("完成年度目标", null, 10));
		Task task = this.taskBook.addTask(campaign.id(),
				new NewTask(parent.id(), parts[0], lead.id(), List.of(), leaderId, null, deadline, null, BigDecimal.ONE,
						new Target(parts[2], new BigDecimal(parts[3]), parts[4]), milestones));
		DemoUsers.as(supervisor,
				() -> this.taskBook.completeMilestone(task.milestones().get(0).id(), start.plusDays(43), "方案已印发"));
		double elapsed = elapsed(task.startDate(), deadline, today);
		int percent = switch (plan) {
			case DONE -> 100;
			case BEHIND -> (int) Math.max(5, elapsed - 20);
			case AHEAD -> (int) Math.min(95, elapsed + 15);
			case OVERDUE -> 85;
			default -> (int) Math.min(95, elapsed + 3);
		};
		YearMonth month = YearMonth.from(today);
		fileAndReview(task, month.minusMonths(2), Math.max(1, percent / 2), operator, supervisor, true);
		fileAndReview(task, month.minusMonths(1), Math.max(1, percent * 3 / 4), operator, supervisor, true);
		if (plan != Plan.ON_TRACK_LATE_REPORT) {
			fileAndReview(task, month, percent, operator, supervisor, true);
		}
		else if (this.lateReports++ % 2 == 0) {
			// filed but not yet reviewed; every other one not filed at all (the
			// escalation
			// rules remind its unit)
			fileAndReview(task, month, percent, operator, supervisor, false);
		}
	}

	private void fileAndReview(Task task, YearMonth period, int percent, CurrentUser operator, CurrentUser supervisor,
			boolean review) {
		if (task.status() != dev.luoshi.work.TaskStatus.OPEN) {
			return;
		}
		Report report = DemoUsers.as(operator,
				() -> this.reports.file(task.id(), new NewReport(period.toString(), BigDecimal.valueOf(percent),
						narrative(percent), (percent < 60) ? "用地指标和资金拨付需区级协调" : null, "按倒排工期推进下一节点")));
		if (review) {
			DemoUsers.as(supervisor, () -> this.reports.review(report.id(), ReportStatus.ACCEPTED, "经核实，情况属实"));
		}
	}

	private static String narrative(int percent) {
		if (percent >= 100) {
			return "已全面完成年度任务，相关佐证材料已归档。";
		}
		return "本期完成进度 " + percent + "%，现场施工和要素保障按计划推进。";
	}

	private static double elapsed(LocalDate start, LocalDate deadline, LocalDate today) {
		long span = ChronoUnit.DAYS.between(start, deadline);
		if (span <= 0 || !today.isBefore(deadline)) {
			return 100;
		}
		return Math.max(0, 100.0 * ChronoUnit.DAYS.between(start, today) / span);
	}

}
