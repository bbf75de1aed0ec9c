package dev.luoshi.dashboard.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.luoshi.dashboard.Cockpit;
import dev.luoshi.dashboard.CockpitView;
import dev.luoshi.evaluation.RankingEntry;
import dev.luoshi.indicator.IndicatorValue;
import dev.luoshi.supervision.NoticeLevel;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The cockpit (驾驶舱): a dark full-screen page for a meeting's projector that reloads
 * itself every five minutes.
 */
@Controller
class CockpitPages {

	static final int REFRESH_SECONDS = 300;

	private static final int RANKED = 10;

	private final Cockpit cockpit;

	private final LightCharts lightCharts;

	private final MessageSource messages;

	CockpitPages(Cockpit cockpit, LightCharts lightCharts, MessageSource messages) {
		this.cockpit = cockpit;
		this.lightCharts = lightCharts;
		this.messages = messages;
	}

	@GetMapping("/cockpit")
	String cockpit(Model model, Locale locale) {
		CockpitView view = this.cockpit.view();
		model.addAttribute("view", view);
		model.addAttribute("refresh", REFRESH_SECONDS);
		model.addAttribute("indicatorChart", indicatorChart(view.indicators(), locale));
		model.addAttribute("investmentChart", investmentChart(view.investment(), locale));
		model.addAttribute("lightChart", this.lightCharts.byCampaign(view.campaigns(), locale));
		model.addAttribute("rankingChart",
				(view.ranking() != null) ? rankingChart(view.ranking().entries(), locale) : null);
		model.addAttribute("noticeChart", noticeChart(view.noticesByLevel(), locale));
		return "dashboard/cockpit";
	}

	/** Each key indicator's completion of its target in percent. */
	private String indicatorChart(List<IndicatorValue> values, Locale locale) {
		List<String> names = values.stream().map(IndicatorValue::indicatorName).toList();
		List<BigDecimal> completion = values.stream().map(IndicatorValue::completion).toList();
		return Charts.chart(names, "%",
				List.of(Charts.series(text("dashboard.completion", locale), "bar", completion, null, "#4fa3e0")), true);
	}

	private String investmentChart(List<CockpitView.HeadquartersInvestment> investment, Locale locale) {
		List<String> names = investment.stream().map((hq) -> hq.headquarters().name()).toList();
		List<BigDecimal> plan = investment.stream().map((hq) -> Charts.wan(hq.summary().annualPlan())).toList();
		List<BigDecimal> done = investment.stream().map((hq) -> Charts.wan(hq.summary().completedThisYear())).toList();
		return Charts.chart(names, text("project.tenThousandYuan", locale),
				List.of(Charts.series(text("dashboard.annualPlan", locale), "bar", plan, null, "#5b6b84"),
						Charts.series(text("project.completed", locale), "bar", done, null, "#4fa3e0")),
				false);
	}

	private String rankingChart(List<RankingEntry> entries, Locale locale) {
		List<RankingEntry> top = new ArrayList<>(entries.stream().limit(RANKED).toList());
		java.util.Collections.reverse(top);
		List<String> names = new ArrayList<>();
		List<BigDecimal> scores = new ArrayList<>();
		for (RankingEntry entry : top) {
			names.add(entry.rank() + " " + entry.unitName());
			scores.add(entry.score().setScale(2, RoundingMode.HALF_UP));
		}
		return Charts.chart(names, text("dashboard.score", locale),
				List.of(Charts.series(text("dashboard.score", locale), "bar", scores, null, "#e0b44f")), true);
	}

	private String noticeChart(Map<NoticeLevel, Long> byLevel, Locale locale) {
		List<String> names = byLevel.keySet()
			.stream()
			.map((level) -> this.messages.getMessage("level." + level, null, level.prefix(), locale))
			.toList();
		return Charts.chart(names, text("dashboard.notices", locale), List.of(Charts
			.series(text("dashboard.noticesThisMonth", locale), "bar", List.copyOf(byLevel.values()), null, "#e07b4f")),
				false);
	}

	private String text(String key, Locale locale) {
		return this.messages.getMessage(key, null, locale);
	}

}
