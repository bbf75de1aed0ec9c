package dev.luoshi.evaluation.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import dev.luoshi.evaluation.AnnualAssessment;
import dev.luoshi.evaluation.AnnualResult;
import dev.luoshi.shared.Period;
import dev.luoshi.evaluation.Ranking;
import dev.luoshi.evaluation.Rankings;
import dev.luoshi.evaluation.Scheme;
import dev.luoshi.evaluation.Schemes;
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
 * The office's side of the horse race: a year's schemes with their rankings, one ranking
 * per peer group with the office's actions (compute, publish, unpublish), and the annual
 * grades.
 */
@Controller
class EvaluationPages {

	private final Schemes schemes;

	private final Rankings rankings;

	private final AnnualAssessment annual;

	private final RankingTables tables;

	private final MessageSource messages;

	private final Clock clock;

	EvaluationPages(Schemes schemes, Rankings rankings, AnnualAssessment annual, RankingTables tables,
			MessageSource messages, Clock clock) {
		this.schemes = schemes;
		this.rankings = rankings;
		this.annual = annual;
		this.tables = tables;
		this.messages = messages;
		this.clock = clock;
	}

	/** 考核方案: the schemes of a year, each with its groups, indicators and rankings. */
	@GetMapping("/evaluation")
	String schemes(@RequestParam(required = false) Integer year, Model model) {
		int thisYear = Year.now(this.clock).getValue();
		int shown = (year != null && year >= 2000 && year <= 2100) ? year : thisYear;
		List<Scheme> schemes = this.schemes.schemes(shown);
		Map<Long, List<Ranking>> rankings = new LinkedHashMap<>();
		schemes.forEach((scheme) -> rankings.put(scheme.id(), this.rankings.rankings(scheme.id())));
		model.addAttribute("year", shown);
		model.addAttribute("years",
				IntStream.iterate(thisYear + 1, (each) -> each >= thisYear - 3, (each) -> each - 1).boxed().toList());
		model.addAttribute("schemes", schemes);
		model.addAttribute("rankings", rankings);
		LocalDate today = LocalDate.now(this.clock);
		Map<Long, String> quarters = new LinkedHashMap<>();
		schemes.forEach((scheme) -> quarters.put(scheme.id(), Quarters.of(scheme.year(), today)));
		model.addAttribute("quarters", quarters);
		return "evaluation/schemes";
	}

	/** A ranking of a period, one peer group at a time. */
	@GetMapping("/evaluation/schemes/{id}/rankings/{period}")
	String ranking(@PathVariable long id, @PathVariable String period, @RequestParam(required = false) String group,
			Model model, Locale locale) {
		Scheme scheme = this.schemes.scheme(id);
		String name = Period.parse("period", period).name();
		Optional<Ranking> header = this.rankings.rankings(id)
			.stream()
			.filter((ranking) -> ranking.period().equals(name))
			.findFirst();
		model.addAttribute("scheme", scheme);
		model.addAttribute("period", name);
		model.addAttribute("ranking", header.orElse(null));
		List<RankingTables.Group> groups = header.map(
				(found) -> this.tables.groups(scheme.peerGroups(), this.rankings.ranking(found.id()).entries(), locale))
			.orElse(List.of());
		model.addAttribute("groups", groups);
		model.addAttribute("group", RankingTables.selected(groups, group));
		model.addAttribute("charts", !groups.isEmpty());
		return "evaluation/ranking";
	}

	@PostMapping("/evaluation/schemes/{id}/rankings")
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
	String compute(@PathVariable long id, @RequestParam String period, RedirectAttributes redirect, Locale locale) {
		Problems.attempt(redirect, this.messages, locale, "evaluation.computed",
				() -> this.rankings.compute(id, period));
		return rankingPage(id, period);
	}

	@PostMapping("/evaluation/rankings/{id}/publish")
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
	String publish(@PathVariable long id, @RequestParam long schemeId, @RequestParam String period,
			RedirectAttributes redirect, Locale locale) {
		Problems.attempt(redirect, this.messages, locale, "evaluation.published", () -> this.rankings.publish(id));
		return rankingPage(schemeId, period);
	}

	@PostMapping("/evaluation/rankings/{id}/unpublish")
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
	String unpublish(@PathVariable long id, @RequestParam long schemeId, @RequestParam String period,
			RedirectAttributes redirect, Locale locale) {
		Problems.attempt(redirect, this.messages, locale, "evaluation.unpublished", () -> this.rankings.unpublish(id));
		return rankingPage(schemeId, period);
	}

	/** 年终考核: the year's grades per peer group, as last assessed. */
	@GetMapping("/evaluation/schemes/{id}/annual/{year}")
	String annual(@PathVariable long id, @PathVariable int year, Model model) {
		Scheme scheme = this.schemes.scheme(id);
		Map<String, List<AnnualResult>> groups = new LinkedHashMap<>();
		scheme.peerGroups().forEach((group) -> groups.put(group, new ArrayList<>()));
		this.annual.results(id, year)
			.forEach((result) -> groups.computeIfAbsent(result.peerGroup(), (key) -> new ArrayList<>()).add(result));
		groups.values().removeIf(List::isEmpty);
		model.addAttribute("scheme", scheme);
		model.addAttribute("year", year);
		model.addAttribute("groups", groups);
		return "evaluation/annual";
	}

	@PostMapping("/evaluation/schemes/{id}/annual/{year}")
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
	String assess(@PathVariable long id, @PathVariable int year, RedirectAttributes redirect, Locale locale) {
		Problems.attempt(redirect, this.messages, locale, "evaluation.assessed", () -> this.annual.assess(id, year));
		return "redirect:/evaluation/schemes/" + id + "/annual/" + year;
	}

	/**
	 * Back to the ranking of the period after an action; to the scheme's year when the
	 * period typed is not one.
	 */
	private String rankingPage(long schemeId, String period) {
		try {
			return "redirect:/evaluation/schemes/" + schemeId + "/rankings/" + Period.parse("period", period).name();
		}
		catch (DomainException ex) {
			return "redirect:/evaluation?year=" + this.schemes.scheme(schemeId).year();
		}
	}

}
