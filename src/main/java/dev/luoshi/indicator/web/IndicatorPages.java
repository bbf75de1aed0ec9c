package dev.luoshi.indicator.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.luoshi.indicator.EnterpriseList;
import dev.luoshi.indicator.Enterprises;
import dev.luoshi.indicator.Grade;
import dev.luoshi.indicator.Indicator;
import dev.luoshi.indicator.IndicatorImports;
import dev.luoshi.indicator.IndicatorValue;
import dev.luoshi.indicator.LandEfficiencyProperties;
import dev.luoshi.indicator.Indicators;
import dev.luoshi.shared.Period;
import dev.luoshi.organization.Organization;
import dev.luoshi.organization.Unit;
import dev.luoshi.organization.UnitKind;
import dev.luoshi.shared.PageRequest;
import dev.luoshi.shared.Spreadsheets;

import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import tools.jackson.databind.json.JsonMapper;

/**
 * The indicator dashboard (每个指标的目标、完成、完成率和同比，按地区和期间) and the enterprises' land efficiency
 * table (亩均效益评价).
 */
@Controller
class IndicatorPages {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Indicators indicators;

	private final IndicatorImports imports;

	private final Enterprises enterprises;

	private final Organization organization;

	private final LandEfficiencyProperties settings;

	private final MessageSource messages;

	IndicatorPages(Indicators indicators, IndicatorImports imports, Enterprises enterprises, Organization organization,
			LandEfficiencyProperties settings, MessageSource messages) {
		this.settings = settings;
		this.indicators = indicators;
		this.imports = imports;
		this.enterprises = enterprises;
		this.organization = organization;
		this.messages = messages;
	}

	/** One indicator's value in a period for the whole region, as a card. */
	record Card(Indicator indicator, IndicatorValue value) {
	}

	@GetMapping("/indicators")
	String dashboard(@RequestParam(required = false) String indicator, @RequestParam(required = false) String period,
			Model model, Locale locale) {
		List<Indicator> catalogue = this.indicators.catalogue();
		model.addAttribute("catalogue", catalogue);
		if (catalogue.isEmpty()) {
			return "indicator/indicators";
		}
		Indicator chosen = (indicator != null && !indicator.isBlank()) ? this.indicators.indicator(indicator)
				: catalogue.get(0);
		List<Period> periods = this.indicators.periods(chosen.code())
			.stream()
			.map((code) -> Period.parse("period", code))
			.sorted(Comparator.comparing(Period::year)
				.reversed()
				.thenComparing(Period::kind)
				.thenComparing(Comparator.comparing(Period::part).reversed()))
			.toList();
		Optional<Period> shown = (period != null && !period.isBlank()) ? Optional.of(Period.parse("period", period))
				: periods.stream()
					.filter((p) -> p.kind() == Period.Kind.QUARTER)
					.findFirst()
					.or(() -> periods.stream().findFirst());
		List<IndicatorValue> values = shown.map((p) -> this.indicators.all(chosen.code(), null, p.code()))
			.orElse(List.of());
		List<IndicatorValue> ordered = ordered(values);
		model.addAttribute("chosen", chosen);
		model.addAttribute("periods", periods);
		model.addAttribute("period", shown.map(Period::code).orElse(null));
		model.addAttribute("values", ordered);
		model.addAttribute("cards", shown.map((p) -> cards(catalogue, p)).orElse(List.of()));
		model.addAttribute("charts", !ordered.isEmpty());
		model.addAttribute("chart", chart(chosen, ordered, locale));
		return "indicator/indicators";
	}

	/** The dashboard's indicator and period as a ledger, for the page's export link. */
	@GetMapping("/indicators/ledger.xlsx")
	ResponseEntity<byte[]> ledger(@RequestParam(required = false) String indicator,
			@RequestParam(required = false) String period) {
		return Spreadsheets.download("indicators.xlsx", this.imports.export(indicator, null, period));
	}

	@GetMapping("/enterprises")
	String enterprises(@RequestParam(required = false) Integer year, @RequestParam(required = false) Long unitId,
			@RequestParam(required = false) Grade grade, Model model) {
		int shown = (year != null) ? year : this.enterprises.defaultYear();
		EnterpriseList list = this.enterprises.list(shown, unitId, grade, PageRequest.of(0, PageRequest.MAX_SIZE));
		int last = this.enterprises.defaultYear();
		model.addAttribute("list", list);
		model.addAttribute("year", shown);
		model.addAttribute("years", List.of(last + 1, last, last - 1, last - 2));
		model.addAttribute("unitId", unitId);
		model.addAttribute("grade", grade);
		model.addAttribute("grades", Grade.values());
		model.addAttribute("settings", this.settings);
		model.addAttribute("streets",
				this.organization.allUnits()
					.stream()
					.filter((unit) -> unit.kind() == UnitKind.STREET || unit.kind() == UnitKind.TOWN)
					.toList());
		return "indicator/enterprises";
	}

	/**
	 * The whole region first (the unit highest in the tree), then the others in order.
	 */
	private List<IndicatorValue> ordered(List<IndicatorValue> values) {
		Map<Long, Unit> units = new LinkedHashMap<>();
		values.stream()
			.map(IndicatorValue::regionId)
			.distinct()
			.forEach((id) -> this.organization.findUnit(id).ifPresent((unit) -> units.put(id, unit)));
		return values.stream()
			.sorted(Comparator.comparing((IndicatorValue value) -> depth(units.get(value.regionId())))
				.thenComparing((value) -> sortOrder(units.get(value.regionId())))
				.thenComparing(IndicatorValue::regionId))
			.toList();
	}

	private List<Card> cards(List<Indicator> catalogue, Period period) {
		List<IndicatorValue> all = ordered(this.indicators.all(null, null, period.code()));
		List<Card> cards = new ArrayList<>();
		for (Indicator each : catalogue) {
			cards.add(new Card(each,
					all.stream().filter((value) -> value.indicator().equals(each.code())).findFirst().orElse(null)));
		}
		return cards;
	}

	private static int depth(Unit unit) {
		return (unit != null) ? unit.depth() : Integer.MAX_VALUE;
	}

	private static int sortOrder(Unit unit) {
		return (unit != null) ? unit.sortOrder() : Integer.MAX_VALUE;
	}

	/** Target against actual by region, as the page's script draws it with ECharts. */
	private String chart(Indicator indicator, List<IndicatorValue> values, Locale locale) {
		List<String> regions = new ArrayList<>();
		List<BigDecimal> targets = new ArrayList<>();
		List<BigDecimal> actuals = new ArrayList<>();
		for (IndicatorValue value : values) {
			regions.add(value.regionName());
			targets.add(value.target());
			actuals.add(value.actual());
		}
		Map<String, Object> chart = new LinkedHashMap<>();
		chart.put("x", regions);
		chart.put("unit", indicator.unit());
		chart.put("series", List.of(series(this.messages.getMessage("indicator.target", null, locale), targets),
				series(this.messages.getMessage("indicator.actual", null, locale), actuals)));
		return JSON.writeValueAsString(chart);
	}

	private static Map<String, Object> series(String name, List<BigDecimal> data) {
		Map<String, Object> series = new LinkedHashMap<>();
		series.put("name", name);
		series.put("type", "bar");
		series.put("data", data);
		return series;
	}

}
