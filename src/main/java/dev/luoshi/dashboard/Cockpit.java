package dev.luoshi.dashboard;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.luoshi.evaluation.Ranking;
import dev.luoshi.evaluation.Rankings;
import dev.luoshi.evaluation.Scheme;
import dev.luoshi.evaluation.Schemes;
import dev.luoshi.indicator.Indicator;
import dev.luoshi.indicator.IndicatorValue;
import dev.luoshi.indicator.Indicators;
import dev.luoshi.organization.Organization;
import dev.luoshi.project.HeadquartersTree;
import dev.luoshi.project.ProjectQuery;
import dev.luoshi.project.ProjectSummaries;
import dev.luoshi.shared.PageRequest;
import dev.luoshi.supervision.Notice;
import dev.luoshi.supervision.NoticeLevel;
import dev.luoshi.supervision.NoticeStatus;
import dev.luoshi.supervision.Notices;
import dev.luoshi.supervision.Rectification;
import dev.luoshi.supervision.Rectifications;
import dev.luoshi.work.Campaigns;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the cockpit's figures within the caller's scope: a few queries per indicator,
 * headquarters and campaign shown, none per task or notice.
 */
@Service
@Transactional(readOnly = true)
public class Cockpit {

	private static final int KEY_INDICATORS = 6;

	private final Indicators indicators;

	private final Organization organization;

	private final HeadquartersTree headquarters;

	private final ProjectSummaries summaries;

	private final Campaigns campaigns;

	private final Schemes schemes;

	private final Rankings rankings;

	private final Notices notices;

	private final Rectifications rectifications;

	private final Clock clock;

	Cockpit(Indicators indicators, Organization organization, HeadquartersTree headquarters, ProjectSummaries summaries,
			Campaigns campaigns, Schemes schemes, Rankings rankings, Notices notices, Rectifications rectifications,
			Clock clock) {
		this.indicators = indicators;
		this.organization = organization;
		this.headquarters = headquarters;
		this.summaries = summaries;
		this.campaigns = campaigns;
		this.schemes = schemes;
		this.rankings = rankings;
		this.notices = notices;
		this.rectifications = rectifications;
		this.clock = clock;
	}

	public CockpitView view() {
		YearMonth month = YearMonth.now(this.clock);
		List<CockpitView.HeadquartersInvestment> investment = this.headquarters.all()
			.stream()
			.filter((hq) -> hq.depth() == 0)
			.map((hq) -> new CockpitView.HeadquartersInvestment(hq,
					this.summaries.summary(month.getYear(), new ProjectQuery(hq.id(), null, null, null, null, null))))
			.filter((hq) -> hq.summary().count() > 0)
			.toList();
		Map<NoticeLevel, Long> byLevel = new EnumMap<>(NoticeLevel.class);
		for (NoticeLevel level : NoticeLevel.values()) {
			byLevel.put(level, 0L);
		}
		ZoneId zone = this.clock.getZone();
		for (Notice notice : this.notices.notices(null, null, null, PageRequest.of(0, PageRequest.MAX_SIZE)).items()) {
			if (YearMonth.from(notice.issuedAt().atZone(zone)).equals(month)) {
				byLevel.merge(notice.level(), 1L, Long::sum);
			}
		}
		long overdue = this.notices.notices(null, null, NoticeStatus.OVERDUE, PageRequest.of(0, 1)).total();
		Map<String, Long> rectified = new LinkedHashMap<>();
		for (Rectification.Status status : Rectification.Status.values()) {
			rectified.put(status.name(), 0L);
		}
		rectified.put("OVERDUE", 0L);
		for (Rectification rectification : this.rectifications.ledger(null, null, null)) {
			rectified.merge(rectification.status().name(), 1L, Long::sum);
			if (rectification.overdue()) {
				rectified.merge("OVERDUE", 1L, Long::sum);
			}
		}
		return new CockpitView(month, keyIndicators(), investment, this.campaigns.campaigns(),
				latestRanking(month.getYear()).orElse(null), byLevel, overdue, rectified);
	}

	/** Each key indicator's latest quarter for the whole region (the unit highest up). */
	private List<IndicatorValue> keyIndicators() {
		Map<Long, Integer> depth = new LinkedHashMap<>();
		this.organization.allUnits().forEach((unit) -> depth.put(unit.id(), unit.depth()));
		return this.indicators.catalogue()
			.stream()
			.limit(KEY_INDICATORS)
			.map(Indicator::code)
			.map((code) -> this.indicators.periods(code)
				.stream()
				.filter((period) -> period.contains("Q"))
				.max(Comparator.naturalOrder())
				.flatMap((period) -> this.indicators.all(code, null, period)
					.stream()
					.min(Comparator.comparing((IndicatorValue value) -> depth.getOrDefault(value.regionId(), 99))
						.thenComparing(IndicatorValue::regionId))))
			.flatMap(Optional::stream)
			.toList();
	}

	/** The latest published ranking of this year's schemes (or last year's), if any. */
	private Optional<Ranking> latestRanking(int year) {
		for (int y = year; y >= year - 1; y--) {
			Optional<Ranking> found = this.schemes.schemes(y)
				.stream()
				.map(Scheme::id)
				.flatMap((scheme) -> this.rankings.rankings(scheme).stream())
				.filter((ranking) -> ranking.status() == Ranking.Status.PUBLISHED)
				.max(Comparator.comparing(Ranking::period));
			if (found.isPresent()) {
				return Optional.of(this.rankings.ranking(found.get().id()));
			}
		}
		return Optional.empty();
	}

}
