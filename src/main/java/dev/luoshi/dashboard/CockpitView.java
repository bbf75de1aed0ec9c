package dev.luoshi.dashboard;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import dev.luoshi.evaluation.Ranking;
import dev.luoshi.indicator.IndicatorValue;
import dev.luoshi.project.Headquarters;
import dev.luoshi.project.InvestmentSummary;
import dev.luoshi.supervision.NoticeLevel;
import dev.luoshi.work.Campaign;

/**
 * The cockpit (驾驶舱) for a leaders' meeting: key indicators of the whole region against
 * target, investment by headquarters, lights by campaign, the latest published ranking
 * and the month's supervision figures.
 *
 * @param ranking the latest published ranking with its entries, or null if none is
 * @param noticesByLevel notices issued this month by level, every level present
 */
public record CockpitView(YearMonth month, List<IndicatorValue> indicators, List<HeadquartersInvestment> investment,
		List<Campaign> campaigns, Ranking ranking, Map<NoticeLevel, Long> noticesByLevel, long overdueNotices,
		Map<String, Long> rectifications) {

	/** A top-level headquarters and its projects' investment this year. */
	public record HeadquartersInvestment(Headquarters headquarters, InvestmentSummary summary) {

		public BigDecimal rate() {
			return this.summary.completionRate();
		}

	}

}
