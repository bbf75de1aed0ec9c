package dev.luoshi.evaluation.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import dev.luoshi.evaluation.Nomination;
import dev.luoshi.evaluation.NominationFiles;
import dev.luoshi.evaluation.NominationRound;
import dev.luoshi.evaluation.NominationRounds;
import dev.luoshi.evaluation.Nominations;
import dev.luoshi.identity.CurrentUser;
import dev.luoshi.identity.DataScope;
import dev.luoshi.identity.DataScopes;
import dev.luoshi.organization.Organization;
import dev.luoshi.organization.People;
import dev.luoshi.shared.PageRequest;
import dev.luoshi.shared.Problems;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 担当者评选: the rounds, a round's nominations with their evidence, the unit head's
 * nomination form, the office's decisions and the published result.
 */
@Controller
class NominationPages {

	private final NominationRounds rounds;

	private final Nominations nominations;

	private final NominationFiles files;

	private final Organization organization;

	private final People people;

	private final DataScopes scopes;

	private final MessageSource messages;

	private final Clock clock;

	NominationPages(NominationRounds rounds, Nominations nominations, NominationFiles files, Organization organization,
			People people, DataScopes scopes, MessageSource messages, Clock clock) {
		this.rounds = rounds;
		this.nominations = nominations;
		this.files = files;
		this.organization = organization;
		this.people = people;
		this.scopes = scopes;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/nominations")
	String nominations(@RequestParam(required = false) Long roundId, @RequestParam(required = false) Long unitId,
			Model model) {
		CurrentUser user = this.scopes.caller().orElseThrow();
		List<NominationRound> all = this.rounds.rounds(null);
		NominationRound round = (roundId != null) ? this.rounds.round(roundId) : all.stream().findFirst().orElse(null);
		model.addAttribute("rounds", all);
		model.addAttribute("round", round);
		model.addAttribute("today", LocalDate.now(this.clock));
		if (round == null) {
			return "evaluation/nominations";
		}
		List<Nomination> shown = this.nominations.nominations(round.id());
		model.addAttribute("nominations", shown);
		model.addAttribute("selected", shown.stream().filter((n) -> n.status() == Nomination.Status.SELECTED).toList());
		model.addAttribute("files", this.files.byNomination(shown.stream().map(Nomination::id).toList()));
		DataScope scope = this.scopes.of(user);
		long candidateUnit = (unitId != null && scope.includesUnit(unitId)) ? unitId : user.unitId();
		model.addAttribute("candidateUnit", candidateUnit);
		model.addAttribute("units",
				this.organization.allUnits().stream().filter((unit) -> scope.includesUnit(unit.id())).toList());
		model.addAttribute("candidates", this.people.people(candidateUnit, null, PageRequest.of(0, 200)).items());
		return "evaluation/nominations";
	}

	@PostMapping("/nominations/rounds")
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
	String open(@RequestParam(required = false) Integer year, @RequestParam String name,
			@RequestParam(required = false) LocalDate deadline, @RequestParam(required = false) Integer quota,
			RedirectAttributes redirect, Locale locale) {
		Problems.attempt(redirect, this.messages, locale, "nomination.opened",
				() -> this.rounds.open(year, name, deadline, quota));
		return "redirect:/nominations";
	}

	@PostMapping("/nominations/rounds/{id}/close")
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
	String close(@PathVariable long id, RedirectAttributes redirect, Locale locale) {
		Problems.attempt(redirect, this.messages, locale, "nomination.closed", () -> this.rounds.close(id));
		return back(id);
	}

	@PostMapping("/nominations/rounds/{id}/publish")
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
	String publish(@PathVariable long id, RedirectAttributes redirect, Locale locale) {
		Problems.attempt(redirect, this.messages, locale, "nomination.published", () -> this.rounds.publish(id));
		return back(id);
	}

	@PostMapping("/nominations")
	@PreAuthorize("hasAnyRole('UNIT_HEAD', 'SUPERVISOR')")
	String nominate(@RequestParam long roundId, @RequestParam(required = false) Long personId,
			@RequestParam String deeds, @RequestParam(name = "files", required = false) List<MultipartFile> uploads,
			RedirectAttributes redirect, Locale locale) {
		Problems.attempt(redirect, this.messages, locale, "nomination.nominated",
				() -> this.files.nominate(roundId, personId, deeds, uploads(uploads)));
		return back(roundId);
	}

	@PostMapping("/nominations/{id}/evidence")
	@PreAuthorize("hasAnyRole('UNIT_HEAD', 'SUPERVISOR', 'ADMIN')")
	String attach(@PathVariable long id, @RequestParam MultipartFile file, RedirectAttributes redirect, Locale locale) {
		Problems.attempt(redirect, this.messages, locale, "nomination.evidenceAdded",
				() -> this.files.attach(id, NominationController.upload(file)));
		return back(this.nominations.nomination(id).roundId());
	}

	@PostMapping("/nominations/{id}/decide")
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
	String decide(@PathVariable long id, @RequestParam boolean selected, @RequestParam(required = false) String comment,
			RedirectAttributes redirect, Locale locale) {
		Problems.attempt(redirect, this.messages, locale, "nomination.decided",
				() -> this.nominations.decide(id, selected, comment));
		return back(this.nominations.nomination(id).roundId());
	}

	private static List<NominationFiles.Upload> uploads(List<MultipartFile> uploads) {
		return (uploads != null)
				? uploads.stream().filter((file) -> !file.isEmpty()).map(NominationController::upload).toList()
				: List.of();
	}

	private static String back(long roundId) {
		return "redirect:/nominations?roundId=" + roundId;
	}

}
