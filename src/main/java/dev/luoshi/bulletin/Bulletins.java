package dev.luoshi.bulletin;

import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.luoshi.evaluation.Ranking;
import dev.luoshi.evaluation.RankingEntry;
import dev.luoshi.evaluation.Rankings;
import dev.luoshi.evaluation.Scheme;
import dev.luoshi.evaluation.Schemes;
import dev.luoshi.identity.CurrentUser;
import dev.luoshi.identity.CurrentUsers;
import dev.luoshi.identity.Role;
import dev.luoshi.organization.Organization;
import dev.luoshi.organization.Unit;
import dev.luoshi.organization.UnitKind;
import dev.luoshi.shared.DomainException;
import dev.luoshi.shared.PageRequest;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues bulletins: the supervision bulletin of a month and the ranking bulletin of a
 * scheme's published period, each numbered once per subject and stored with its latest
 * document.
 */
@Service
@Transactional
public class Bulletins {

	private final MonthFactsQuery facts;

	private final BulletinArchive archive;

	private final Rankings rankings;

	private final Schemes schemes;

	private final Organization organization;

	private final BulletinProperties properties;

	private final MessageSource messages;

	private final Clock clock;

	Bulletins(MonthFactsQuery facts, BulletinArchive archive, Rankings rankings, Schemes schemes,
			Organization organization, BulletinProperties properties, MessageSource messages, Clock clock) {
		this.facts = facts;
		this.archive = archive;
		this.rankings = rankings;
		this.schemes = schemes;
		this.organization = organization;
		this.properties = properties;
		this.messages = messages;
		this.clock = clock;
	}

	/** The supervision bulletin of a month ({@code 2026-03}), up to the current month. */
	public Bulletin supervision(String monthText) {
		return supervision(month(monthText), null);
	}

	Bulletin supervision(YearMonth month, Long scheduleId) {
		MonthFacts facts = this.facts.facts(month);
		return this.archive.issue(Bulletin.Kind.SUPERVISION, "SUPERVISION:" + month,
				SupervisionBulletin.fileName(facts), scheduleId, prefix(), (number, issuedOn) -> SupervisionBulletin
					.write(facts, issuer(), number, issuedOn, this.clock.getZone()));
	}

	/**
	 * The ranking bulletin of a scheme's period; the ranking must be published (409
	 * otherwise) and visible to the caller.
	 */
	public Bulletin ranking(Long schemeId, String period) {
		if (schemeId == null) {
			throw DomainException.invalid("schemeId", "required", "schemeId is required");
		}
		if (period == null || period.isBlank()) {
			throw DomainException.invalid("period", "required", "period is required");
		}
		return ranking(schemeId, period.trim().toUpperCase(Locale.ROOT), null);
	}

	Bulletin ranking(long schemeId, String period, Long scheduleId) {
		Scheme scheme = this.schemes.scheme(schemeId);
		List<RankingEntry> entries = this.rankings.entries(schemeId, period, null);
		Ranking ranking = this.rankings.rankings(schemeId)
			.stream()
			.filter((candidate) -> candidate.period().equalsIgnoreCase(period))
			.findFirst()
			.orElseThrow(() -> DomainException.notFound("ranking", scheme.code() + " " + period));
		if (ranking.status() != Ranking.Status.PUBLISHED) {
			throw DomainException.conflict("ranking-unpublished", "The ranking of " + period + " is not published",
					period);
		}
		return this.archive.issue(Bulletin.Kind.RANKING, "RANKING:" + schemeId + ":" + ranking.period(),
				RankingBulletin.fileName(scheme, ranking.period()), scheduleId, prefix(),
				(number, issuedOn) -> RankingBulletin.write(scheme, ranking.period(), entries, this::groupName,
						issuer(), number, issuedOn));
	}

	/** The latest published period of a scheme, if any. */
	Optional<String> latestPublished(long schemeId) {
		return this.rankings.rankings(schemeId)
			.stream()
			.filter((ranking) -> ranking.status() == Ranking.Status.PUBLISHED)
			.map(Ranking::period)
			.findFirst();
	}

	/**
	 * A stored bulletin: for the office and leaders, for viewers when it is a ranking
	 * bulletin, and for whoever a report book delivered it to.
	 */
	@Transactional(readOnly = true)
	public Bulletin stored(long id, List<Long> recipientsOfSchedule) {
		Bulletin bulletin = this.archive.find(id).orElseThrow(() -> DomainException.notFound("bulletin", id));
		CurrentUser user = CurrentUsers.require();
		boolean allowed = user.hasAnyRole(Role.SUPERVISOR, Role.ADMIN, Role.LEADER)
				|| (bulletin.kind() == Bulletin.Kind.RANKING && user.hasRole(Role.VIEWER))
				|| recipientsOfSchedule.contains(user.accountId());
		if (!allowed) {
			throw DomainException.forbidden("Not a reader of this bulletin");
		}
		return bulletin;
	}

	Optional<Long> scheduleOf(long bulletinId) {
		return this.archive.scheduleOf(bulletinId);
	}

	private YearMonth month(String text) {
		if (text == null || text.isBlank()) {
			throw DomainException.invalid("month", "required", "month is required");
		}
		YearMonth month;
		try {
			month = YearMonth.parse(text.trim());
		}
		catch (DateTimeParseException ex) {
			throw DomainException.invalid("month", "month-format", "A month is written 2026-03", text);
		}
		if (month.isAfter(YearMonth.now(this.clock))) {
			throw DomainException.invalid("month", "month-future", "The month has not begun", text);
		}
		return month;
	}

	private String groupName(String group) {
		return this.messages.getMessage("peerGroup." + group, null, group, Locale.SIMPLIFIED_CHINESE);
	}

	private String issuer() {
		if (this.properties.issuer() != null && !this.properties.issuer().isBlank()) {
			return this.properties.issuer();
		}
		return region().map((name) -> name + "人民政府督查室").orElse("人民政府督查室");
	}

	private String prefix() {
		if (this.properties.numberPrefix() != null && !this.properties.numberPrefix().isBlank()) {
			return this.properties.numberPrefix();
		}
		return region().map((name) -> name.substring(0, 1) + "督通").orElse("督通");
	}

	private Optional<String> region() {
		return this.organization.units(null, UnitKind.REGION, null, null, new PageRequest(0, 1))
			.items()
			.stream()
			.map(Unit::name)
			.findFirst();
	}

}
