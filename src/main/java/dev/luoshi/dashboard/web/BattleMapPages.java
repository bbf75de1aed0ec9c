package dev.luoshi.dashboard.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.luoshi.dashboard.BattleMap;
import dev.luoshi.dashboard.BattleMapFilter;
import dev.luoshi.dashboard.BattleMaps;
import dev.luoshi.identity.CurrentUser;
import dev.luoshi.identity.DataScopes;
import dev.luoshi.identity.Role;
import dev.luoshi.organization.Organization;
import dev.luoshi.project.HeadquartersTree;
import dev.luoshi.project.InvestmentSummary;
import dev.luoshi.project.ProjectPhase;
import dev.luoshi.work.Campaigns;
import dev.luoshi.work.Light;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The battle map pages (挂图作战). The filter lives in the query string ({@code light},
 * {@code unit}, {@code phase}), so a narrowed map can be bookmarked and shared.
 */
@Controller
class BattleMapPages {

	private final BattleMaps maps;

	private final Campaigns campaigns;

	private final HeadquartersTree headquarters;

	private final DataScopes scopes;

	private final Organization organization;

	private final MessageSource messages;

	BattleMapPages(BattleMaps maps, Campaigns campaigns, HeadquartersTree headquarters, DataScopes scopes,
			Organization organization, MessageSource messages) {
		this.maps = maps;
		this.campaigns = campaigns;
		this.headquarters = headquarters;
		this.scopes = scopes;
		this.organization = organization;
		this.messages = messages;
	}

	/** Where the battle maps start: the campaigns, the headquarters, one's own. */
	@GetMapping("/battle-map")
	String index(Model model) {
		CurrentUser user = this.scopes.caller().orElseThrow();
		model.addAttribute("campaigns", this.campaigns.campaigns());
		model.addAttribute("headquarters", this.headquarters.all().stream().filter((hq) -> hq.depth() == 0).toList());
		model.addAttribute("leader", user.hasRole(Role.LEADER) ? user.personId() : null);
		model.addAttribute("unit", this.organization.unit(user.unitId()));
		return "dashboard/index";
	}

	@GetMapping("/battle-map/campaigns/{id}")
	String campaign(@PathVariable long id, @RequestParam(required = false) Light light,
			@RequestParam(required = false) Long unit, @RequestParam(required = false) ProjectPhase phase, Model model,
			Locale locale) {
		return page(this.maps.campaign(id, new BattleMapFilter(light, unit, phase)), model, locale);
	}

	@GetMapping("/battle-map/headquarters/{id}")
	String headquarters(@PathVariable long id, @RequestParam(required = false) Light light,
			@RequestParam(required = false) Long unit, @RequestParam(required = false) ProjectPhase phase, Model model,
			Locale locale) {
		return page(this.maps.headquarters(id, new BattleMapFilter(light, unit, phase)), model, locale);
	}

	@GetMapping("/battle-map/leaders/{personId}")
	String leader(@PathVariable long personId, @RequestParam(required = false) Light light,
			@RequestParam(required = false) Long unit, @RequestParam(required = false) ProjectPhase phase, Model model,
			Locale locale) {
		return page(this.maps.leader(personId, new BattleMapFilter(light, unit, phase)), model, locale);
	}

	@GetMapping("/battle-map/units/{id}")
	String unit(@PathVariable long id, @RequestParam(required = false) Light light,
			@RequestParam(required = false) Long unit, @RequestParam(required = false) ProjectPhase phase, Model model,
			Locale locale) {
		return page(this.maps.unit(id, new BattleMapFilter(light, unit, phase)), model, locale);
	}

	private String page(BattleMap map, Model model, Locale locale) {
		model.addAttribute("map", map);
		model.addAttribute("lights", List.of(Light.RED, Light.YELLOW, Light.GREEN, Light.DONE));
		model.addAttribute("phases", ProjectPhase.values());
		model.addAttribute("charts", !map.projects().isEmpty());
		model.addAttribute("investmentChart", investmentChart(map.investment(), locale));
		return "dashboard/battle-map";
	}

	/** Planned and completed investment by month in 万元, and both cumulated. */
	private String investmentChart(List<InvestmentSummary.MonthFigures> months, Locale locale) {
		List<String> labels = new ArrayList<>();
		List<BigDecimal> planned = new ArrayList<>();
		List<BigDecimal> completed = new ArrayList<>();
		List<BigDecimal> plannedSum = new ArrayList<>();
		List<BigDecimal> completedSum = new ArrayList<>();
		BigDecimal plannedTotal = BigDecimal.ZERO;
		BigDecimal completedTotal = BigDecimal.ZERO;
		for (InvestmentSummary.MonthFigures month : months) {
			labels.add(this.messages.getMessage("project.monthLabel", new Object[] { month.month().getMonthValue() },
					locale));
			plannedTotal = plannedTotal.add(month.planned());
			completedTotal = completedTotal.add(month.completed());
			planned.add(Charts.wan(month.planned()));
			completed.add(Charts.wan(month.completed()));
			plannedSum.add(Charts.wan(plannedTotal));
			completedSum.add(Charts.wan(completedTotal));
		}
		return Charts.chart(labels, this.messages.getMessage("project.tenThousandYuan", null, locale),
				List.of(Charts.series(text("project.planned", locale), "bar", planned, null, null),
						Charts.series(text("project.completed", locale), "bar", completed, null, null),
						Charts.series(text("project.plannedCumulative", locale), "line", plannedSum, null, null),
						Charts.series(text("project.completedCumulative", locale), "line", completedSum, null, null)),
				false);
	}

	private String text(String key, Locale locale) {
		return this.messages.getMessage(key, null, locale);
	}

}
