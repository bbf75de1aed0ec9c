package dev.luoshi.evaluation.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.luoshi.evaluation.IndicatorKind;
import dev.luoshi.shared.Period;
import dev.luoshi.evaluation.Scheme;
import dev.luoshi.evaluation.Schemes;
import dev.luoshi.organization.Organization;
import dev.luoshi.shared.DomainException;
import dev.luoshi.shared.Problems;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 评议打分: the assessors' scores of a period as one grid, member units by ASSESSOR_SCORE
 * indicators; only the cells that changed are entered, all or none.
 */
@Controller
@PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
class ScorePages {

	private static final String CELL = "score.";

	private static final String WAS = "was.";

	private final Schemes schemes;

	private final Organization organization;

	private final MessageSource messages;

	private final Clock clock;

	ScorePages(Schemes schemes, Organization organization, MessageSource messages, Clock clock) {
		this.schemes = schemes;
		this.organization = organization;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/evaluation/schemes/{id}/scores")
	String scores(@PathVariable long id, @RequestParam(required = false) String period, Model model) {
		Scheme scheme = this.schemes.scheme(id);
		String shown = (period != null && !period.isBlank()) ? period : defaultPeriod(scheme);
		Map<String, String> typed = new HashMap<>();
		this.schemes.scores(id, shown)
			.forEach((indicator, units) -> units
				.forEach((unit, score) -> typed.put(cell(unit, indicator), score.toPlainString())));
		return grid(scheme, Period.parse("period", shown).name(), typed, typed, Map.of(), model);
	}

	@PostMapping("/evaluation/schemes/{id}/scores")
	String enter(@PathVariable long id, @RequestParam String period, @RequestParam Map<String, String> form,
			Model model, RedirectAttributes redirect, Locale locale) {
		Scheme scheme = this.schemes.scheme(id);
		String name = Period.parse("period", period).name();
		Map<String, String> typed = new HashMap<>();
		Map<String, String> was = new HashMap<>();
		form.forEach((field, value) -> {
			if (field.startsWith(CELL)) {
				typed.put(field.substring(CELL.length()), value.strip());
			}
			else if (field.startsWith(WAS)) {
				was.put(field.substring(WAS.length()), value.strip());
			}
		});
		Map<String, Map<Long, BigDecimal>> changed = new LinkedHashMap<>();
		Map<String, String> errors = new HashMap<>();
		Map<Long, String> members = this.schemes.members(scheme);
		for (Scheme.Indicator indicator : assessed(scheme)) {
			for (Long unit : members.keySet()) {
				String key = cell(unit, indicator.code());
				String value = typed.getOrDefault(key, "");
				if (value.isEmpty() || value.equals(was.getOrDefault(key, ""))) {
					continue;
				}
				BigDecimal score = score(value);
				if (score == null) {
					errors.put(key, this.messages.getMessage("problem.score-range", null, locale));
				}
				else {
					changed.computeIfAbsent(indicator.code(), (code) -> new LinkedHashMap<>()).put(unit, score);
				}
			}
		}
		if (!errors.isEmpty()) {
			model.addAttribute("error", this.messages.getMessage("evaluation.scoresRefused", null, locale));
			return grid(scheme, name, typed, was, errors, model);
		}
		try {
			int entered = this.schemes.enterScores(id, name, changed);
			redirect.addFlashAttribute("notice",
					this.messages.getMessage("evaluation.scoresSaved", new Object[] { entered }, locale));
			return "redirect:/evaluation/schemes/" + id + "/scores?period=" + name;
		}
		catch (DomainException ex) {
			model.addAttribute("error", Problems.message(this.messages, ex, locale));
			return grid(scheme, name, typed, was, errors, model);
		}
	}

	private String grid(Scheme scheme, String period, Map<String, String> typed, Map<String, String> was,
			Map<String, String> errors, Model model) {
		Map<Long, String> members = this.schemes.members(scheme);
		Map<Long, String> names = this.organization.unitNames(members.keySet());
		Map<String, Map<Long, String>> groups = new LinkedHashMap<>();
		scheme.peerGroups().forEach((group) -> groups.put(group, new LinkedHashMap<>()));
		members.forEach((unit, group) -> groups.computeIfAbsent(group, (key) -> new LinkedHashMap<>())
			.put(unit, names.getOrDefault(unit, String.valueOf(unit))));
		groups.values().removeIf(Map::isEmpty);
		model.addAttribute("scheme", scheme);
		model.addAttribute("period", period);
		model.addAttribute("periods", Period.quartersOf(scheme.year()).stream().map(Period::name).toList());
		model.addAttribute("indicators", assessed(scheme));
		model.addAttribute("groups", groups);
		model.addAttribute("typed", typed);
		model.addAttribute("was", was);
		model.addAttribute("errors", errors);
		return "evaluation/scores";
	}

	private static List<Scheme.Indicator> assessed(Scheme scheme) {
		return scheme.indicators().stream().filter((each) -> each.kind() == IndicatorKind.ASSESSOR_SCORE).toList();
	}

	/** The name of a cell's input after its prefix: unit, then the indicator's code. */
	static String cell(long unit, String indicator) {
		return unit + "." + indicator;
	}

	/** A score typed as 0–100 with up to two decimals, or null. */
	private static BigDecimal score(String value) {
		if (!value.matches("\\d{1,3}(\\.\\d{1,2})?")) {
			return null;
		}
		BigDecimal score = new BigDecimal(value);
		return (score.compareTo(BigDecimal.valueOf(100)) > 0) ? null : score;
	}

	private String defaultPeriod(Scheme scheme) {
		return Quarters.of(scheme.year(), LocalDate.now(this.clock));
	}

}
