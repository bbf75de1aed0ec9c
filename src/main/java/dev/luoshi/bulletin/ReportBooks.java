package dev.luoshi.bulletin;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.luoshi.calendar.Calendar;
import dev.luoshi.evaluation.Schemes;
import dev.luoshi.identity.Accounts;
import dev.luoshi.identity.CurrentUsers;
import dev.luoshi.notification.Message;
import dev.luoshi.notification.Notifications;
import dev.luoshi.shared.DomainException;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Report books (报告簿): the office schedules a bulletin for a working day of each month;
 * every morning the books whose day has come (or passed, after a stop) and that have not
 * run this month generate their bulletin as the account that set them up and put a
 * message linking to it in each recipient's inbox.
 */
@Service
public class ReportBooks {

	private static final Logger log = LoggerFactory.getLogger(ReportBooks.class);

	private final BulletinScheduleRepository schedules;

	private final Bulletins bulletins;

	private final Schemes schemes;

	private final Accounts accounts;

	private final Notifications notifications;

	private final Calendar calendar;

	private final TransactionTemplate transactions;

	private final Clock clock;

	ReportBooks(BulletinScheduleRepository schedules, Bulletins bulletins, Schemes schemes, Accounts accounts,
			Notifications notifications, Calendar calendar, PlatformTransactionManager transactions, Clock clock) {
		this.transactions = new TransactionTemplate(transactions);
		this.schedules = schedules;
		this.bulletins = bulletins;
		this.schemes = schemes;
		this.accounts = accounts;
		this.notifications = notifications;
		this.calendar = calendar;
		this.clock = clock;
	}

	/** Sets up a report book (the office). */
	@Transactional
	public BulletinSchedule create(BulletinSchedule.NewSchedule command) {
		if (command.kind() == null) {
			throw DomainException.invalid("kind", "required", "kind is required");
		}
		Long schemeId = null;
		if (command.kind() == Bulletin.Kind.RANKING) {
			if (command.schemeId() == null) {
				throw DomainException.invalid("schemeId", "required", "schemeId is required");
			}
			try {
				this.schemes.scheme(command.schemeId());
			}
			catch (DomainException.NotFound ex) {
				throw DomainException.invalid("schemeId", "unknown-scheme", "No scheme " + command.schemeId(),
						command.schemeId());
			}
			schemeId = command.schemeId();
		}
		Integer day = command.workingDay();
		if (day == null || day < 1 || day > 23) {
			throw DomainException.invalid("workingDay", "working-day-range", "The working day is 1 to 23", day);
		}
		List<Long> recipients = (command.recipientIds() != null) ? command.recipientIds().stream().distinct().toList()
				: List.of();
		if (recipients.isEmpty()) {
			throw DomainException.invalid("recipientIds", "required", "recipientIds is required");
		}
		for (Long recipient : recipients) {
			if (recipient == null || !this.accounts.exists(recipient)) {
				throw DomainException.invalid("recipientIds", "unknown-account", "No account " + recipient, recipient);
			}
		}
		long id = this.schedules.insert(command.kind(), schemeId, day, recipients, CurrentUsers.require().accountId(),
				this.clock.instant());
		return schedule(id);
	}

	@Transactional(readOnly = true)
	public BulletinSchedule schedule(long id) {
		return this.schedules.find(id).orElseThrow(() -> DomainException.notFound("bulletin-schedule", id));
	}

	@Transactional(readOnly = true)
	public List<BulletinSchedule> schedules() {
		return this.schedules.all();
	}

	/** Generates a report book's bulletin now and delivers it. */
	@Transactional
	public Bulletin run(long id) {
		BulletinSchedule schedule = schedule(id);
		LocalDate today = LocalDate.now(this.clock);
		Bulletin bulletin = switch (schedule.kind()) {
			case SUPERVISION -> this.bulletins.supervision(YearMonth.from(today).minusMonths(1), schedule.id());
			case RANKING -> {
				String period = this.bulletins.latestPublished(schedule.schemeId())
					.orElseThrow(() -> DomainException.conflict("no-published-ranking",
							"The scheme has no published ranking yet", schedule.schemeId()));
				yield this.bulletins.ranking(schedule.schemeId(), period, schedule.id());
			}
		};
		String name = bulletin.fileName().replaceFirst("\\.docx$", "");
		this.notifications.notifyAccounts(schedule.recipientIds(),
				new Message(name + "（" + bulletin.number() + "）", "报告簿已生成" + name + "，请下载查阅。",
						"/bulletins/" + bulletin.id() + "/document", "bulletin", String.valueOf(bulletin.id())));
		this.schedules.ran(id, today);
		return withoutContent(bulletin);
	}

	/** The recipients of the report book that delivered a bulletin, if one did. */
	@Transactional(readOnly = true)
	public List<Long> recipientsOf(long bulletinId) {
		return this.bulletins.scheduleOf(bulletinId)
			.flatMap(this.schedules::find)
			.map(BulletinSchedule::recipientIds)
			.orElse(List.of());
	}

	/**
	 * Runs each report book whose working day of this month has come and that has not
	 * run.
	 */
	@Scheduled(cron = "${luoshi.bulletin.cron:0 30 7 * * *}", zone = "${luoshi.zone:Asia/Shanghai}")
	@SchedulerLock(name = "report-books", lockAtMostFor = "PT30M")
	public void scheduled() {
		LocalDate today = LocalDate.now(this.clock);
		for (BulletinSchedule schedule : this.schedules.all()) {
			boolean ranThisMonth = schedule.lastRunOn() != null
					&& YearMonth.from(schedule.lastRunOn()).equals(YearMonth.from(today));
			if (ranThisMonth || today.isBefore(workingDay(YearMonth.from(today), schedule.workingDay()))) {
				continue;
			}
			try {
				this.accounts.currentUser(schedule.createdBy())
					.ifPresent((user) -> CurrentUsers.actingAs(user,
							() -> this.transactions.execute((status) -> run(schedule.id()))));
			}
			catch (RuntimeException ex) {
				log.warn("Report book {} could not run: {}", schedule.id(), ex.getMessage());
			}
		}
	}

	/** The n-th working day of a month by the working-day calendar. */
	LocalDate workingDay(YearMonth month, int n) {
		LocalDate day = month.atDay(1);
		int counted = 0;
		while (!day.isAfter(month.atEndOfMonth())) {
			if (this.calendar.isWorkingDay(day) && ++counted == n) {
				return day;
			}
			day = day.plusDays(1);
		}
		return month.atEndOfMonth();
	}

	static Bulletin withoutContent(Bulletin bulletin) {
		return new Bulletin(bulletin.id(), bulletin.kind(), bulletin.number(), bulletin.issuedOn(), bulletin.fileName(),
				bulletin.generatedAt(), null);
	}

}
