package dev.luoshi.supervision;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.luoshi.project.InvestmentReports;
import dev.luoshi.shared.DomainException;
import dev.luoshi.shared.EntityChanged;
import dev.luoshi.shared.Texts;
import dev.luoshi.work.OverdueMilestone;
import dev.luoshi.work.OverdueReport;
import dev.luoshi.work.Reporting;
import dev.luoshi.work.TaskBook;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the escalation rules: on a schedule (once per cluster) and on demand. Each cause
 * gets one notice per rule, ever, so running twice issues nothing new.
 */
@Service
public class Escalations {

	private static final Logger log = LoggerFactory.getLogger(Escalations.class);

	private final JdbcClient jdbc;

	private final Notices notices;

	private final TaskBook taskBook;

	private final InvestmentReports figures;

	private final Reporting reporting;

	private final Findings findings;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final TransactionTemplate alone;

	Escalations(JdbcClient jdbc, Notices notices, Findings findings, TaskBook taskBook, InvestmentReports figures,
			Reporting reporting, ApplicationEventPublisher events, PlatformTransactionManager transactions,
			Clock clock) {
		this.alone = new TransactionTemplate(transactions);
		// a transaction of its own, or a savepoint within a caller's (the demo's)
		this.alone.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
		this.findings = findings;
		this.jdbc = jdbc;
		this.notices = notices;
		this.taskBook = taskBook;
		this.figures = figures;
		this.reporting = reporting;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * The rules on their schedule, on one node of a cluster. The lock is held at least 30
	 * s: a run takes well under a second when little is due, and a node whose scheduler
	 * fires a few seconds later (its clock, or its one scheduler thread busy with
	 * deliveries) would otherwise find the lock released and run the rules again.
	 */
	@Scheduled(cron = "${luoshi.supervision.escalation-cron:0 15 * * * *}", zone = "${luoshi.zone:Asia/Shanghai}")
	@SchedulerLock(name = "escalations", lockAtMostFor = "PT30M", lockAtLeastFor = "PT30S")
	public void scheduled() {
		List<Notice> created = run();
		if (!created.isEmpty()) {
			log.info("Escalation rules issued {} notices", created.size());
		}
	}

	/**
	 * Runs every enabled rule now and returns the notices it issued, each cause in its
	 * own transaction.
	 */
	public List<Notice> run() {
		List<Notice> created = new ArrayList<>();
		for (EscalationRule rule : rules()) {
			if (rule.enabled()) {
				created.addAll(apply(rule));
			}
		}
		return created;
	}

	private List<Notice> apply(EscalationRule rule) {
		List<Notice> created = new ArrayList<>();
		LocalDate today = LocalDate.now(this.clock);
		// the causes this rule has answered already, read once rather than once per cause
		Set<String> issued = this.notices.causesOf(rule.code());
		switch (rule.trigger()) {
			case MILESTONE_OVERDUE -> {
				for (OverdueMilestone m : this.taskBook.overdueMilestones(today)) {
					detected(rule, issued, rule.code() + ":" + m.milestoneId(), new Findings.NewFinding(m.leadUnitId(),
							"节点“" + m.milestoneName() + "”应于 " + m.dueDate() + " 完成，至今未完成。", m.taskId(), null, null),
							"节点逾期：" + m.taskTitle() + "——" + m.milestoneName(), "请说明情况并加快推进。")
						.ifPresent(created::add);
				}
			}
			case REPORT_MISSING -> {
				for (OverdueReport r : this.reporting.overdueReports(today)) {
					detected(rule, issued, rule.code() + ":" + r.taskId() + ":" + r.period(),
							new Findings.NewFinding(r.leadUnitId(), r.period() + " 进度应于 " + r.dueOn() + " 前报送，至今未报。",
									r.taskId(), null, null),
							"进度未报：" + r.taskTitle() + "（" + r.period() + "）", "请尽快报送。")
						.ifPresent(created::add);
				}
			}
			case FIGURE_MISSING -> {
				YearMonth month = YearMonth.from(today).minusMonths(1);
				for (InvestmentReports.MissingFigure f : this.figures.missingFigures(month)) {
					detected(rule, issued, rule.code() + ":" + f.projectId() + ":" + month,
							new Findings.NewFinding(f.leadUnitId(), month + " 完成投资应于 " + f.dueDate() + " 前填报，至今未报。",
									null, f.projectId(), null),
							"月度投资未报：" + f.name() + "（" + month + "）", "请尽快填报。")
						.ifPresent(created::add);
				}
			}
			case NOTICE_UNANSWERED -> {
				if (rule.fromLevel() == null) {
					break;
				}
				for (Notice n : this.notices.unanswered(rule.fromLevel())) {
					// answered since the list was read: nothing to escalate
					alone(rule.code() + ":" + n.id(), () -> !this.notices.stillUnanswered(n.id()) ? Optional.empty()
							: this.notices.issueOnce(
									new NewNotice(n.unitId(), rule.level(), Texts.cut("逾期未回复升级：" + n.subject(), 300),
											n.number() + " 要求于期限前回复，逾期未回复，现升级为" + rule.level().prefix() + "。",
											n.taskId(), n.projectId(), n.findingId(), rule.responseHours()),
									rule.code(), rule.code() + ":" + n.id(), n.id()))
						.ifPresent(created::add);
				}
			}
			case RED_CARDS -> {
				int year = today.getYear();
				int threshold = (rule.threshold() != null) ? rule.threshold() : 3;
				for (Map.Entry<Long, Integer> unit : this.notices.redCards(year, threshold).entrySet()) {
					int round = unit.getValue() / threshold;
					String cause = rule.code() + ":" + unit.getKey() + ":" + year + ":" + round;
					alone(cause,
							() -> this.notices.issueOnce(new NewNotice(unit.getKey(), rule.level(),
									"约谈：" + year + " 年累计红牌 " + unit.getValue() + " 张",
									"贵单位本年度累计收到督办及以上红牌 " + unit.getValue() + " 张，请单位主要负责人按通知参加约谈。", null, null, null,
									rule.responseHours()), rule.code(), cause, null))
						.ifPresent(created::add);
				}
			}
		}
		return created;
	}

	/**
	 * What the rules detect in the data is a finding of its own (source MONITORING), and
	 * the rule's notice is about it; once per cause.
	 */
	private Optional<Notice> detected(EscalationRule rule, Set<String> issued, String cause, Findings.NewFinding what,
			String subject, String request) {
		if (issued.contains(cause)) {
			return Optional.empty();
		}
		return alone(cause, () -> {
			this.notices.holdNumbering(rule.level());
			if (this.notices.issuedFor(cause)) {
				return Optional.empty();
			}
			Finding finding = this.findings.monitored(what);
			return this.notices.issueOnce(
					new NewNotice(what.unitId(), rule.level(), Texts.cut(subject, 300), what.description() + request,
							what.taskId(), what.projectId(), finding.id(), rule.responseHours()),
					rule.code(), cause, null);
		});
	}

	/**
	 * One cause in a transaction of its own: what fails (a node that issued the same
	 * notice a moment before, bad data) is logged and skipped, and the other causes go
	 * on.
	 */
	private Optional<Notice> alone(String cause, Supplier<Optional<Notice>> issue) {
		try {
			return this.alone.execute((status) -> issue.get());
		}
		catch (RuntimeException ex) {
			log.warn("Escalation of {} skipped: {}", cause, ex.getMessage());
			return Optional.empty();
		}
	}

	@Transactional(readOnly = true)
	public List<EscalationRule> rules() {
		return this.jdbc
			.sql("select id, code, name, rule_trigger, level, from_level, threshold, response_hours, enabled, version "
					+ "from escalation_rule order by id")
			.query((rs, n) -> new EscalationRule(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
					EscalationRule.Trigger.valueOf(rs.getString("rule_trigger")),
					NoticeLevel.valueOf(rs.getString("level")),
					(rs.getString("from_level") != null) ? NoticeLevel.valueOf(rs.getString("from_level")) : null,
					rs.getObject("threshold", Integer.class), rs.getInt("response_hours"), rs.getBoolean("enabled"),
					rs.getLong("version")))
			.list();
	}

	/** Changes a rule (the supervision office); a stale {@code version} is 409. */
	@Transactional
	public EscalationRule change(long id, EscalationRule changes) {
		EscalationRule before = rules().stream()
			.filter((rule) -> rule.id() == id)
			.findFirst()
			.orElseThrow(() -> DomainException.notFound("escalation rule", id));
		if (before.trigger() == EscalationRule.Trigger.NOTICE_UNANSWERED && changes.fromLevel() == null) {
			throw DomainException.invalid("fromLevel", "from-level-required", "Say which level is escalated");
		}
		int updated = this.jdbc
			.sql("update escalation_rule set name = ?, level = ?, from_level = ?, threshold = ?, response_hours = ?, "
					+ "enabled = ?, version = version + 1 where id = ? and version = ?")
			.params(changes.name(), changes.level().name(),
					(changes.fromLevel() != null) ? changes.fromLevel().name() : null, changes.threshold(),
					changes.responseHours(), changes.enabled(), id, changes.version())
			.update();
		if (updated == 0) {
			throw DomainException.staleVersion("escalation rule", id);
		}
		EscalationRule after = rules().stream().filter((rule) -> rule.id() == id).findFirst().orElseThrow();
		this.events.publishEvent(EntityChanged.updated("escalation-rule", id, before, after));
		return after;
	}

}
