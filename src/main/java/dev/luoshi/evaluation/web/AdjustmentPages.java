package dev.luoshi.evaluation.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.luoshi.evaluation.Exemption;
import dev.luoshi.evaluation.Scheme;
import dev.luoshi.evaluation.ScoreAdjustment;
import dev.luoshi.evaluation.ScoreAdjustments;
import dev.luoshi.evaluation.Schemes;
import dev.luoshi.identity.CurrentUser;
import dev.luoshi.identity.DataScopes;
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
 * 加减分与容错: the office records bonus and penalty items; a unit head sees the unit's items
 * and asks for the exemption of a penalty; a supervisor other than the requester decides.
 */
@Controller
class AdjustmentPages {

	private final Schemes schemes;

	private final ScoreAdjustments adjustments;

	private final Organization organization;

	private final DataScopes scopes;

	private final MessageSource messages;

	private final Clock clock;

	AdjustmentPages(Schemes schemes, ScoreAdjustments adjustments, Organization organization, DataScopes scopes,
			MessageSource messages, Clock clock) {
		this.schemes = schemes;
		this.adjustments = adjustments;
		this.organization = organization;
		this.scopes = scopes;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/evaluation/adjustments")
	String adjustments(@RequestParam(required = false) Long schemeId, Model model) {
		List<Scheme> all = this.schemes.schemes(null);
		int thisYear = LocalDate.now(this.clock).getYear();
		Scheme scheme = all.stream()
			.filter((each) -> (schemeId != null) ? each.id() == schemeId : each.year() == thisYear)
			.findFirst()
			.orElse((schemeId == null && !all.isEmpty()) ? all.get(0) : null);
		if (schemeId != null && scheme == null) {
			throw DomainException.notFound("scheme", schemeId);
		}
		model.addAttribute("schemes", all);
		model.addAttribute("scheme", scheme);
		model.addAttribute("accountId", this.scopes.caller().map(CurrentUser::accountId).orElse(null));
		if (scheme == null) {
			return "evaluation/adjustments";
		}
		List<ScoreAdjustment> items = this.adjustments.items(scheme.id(), null, null);
		List<Exemption> exemptions = this.adjustments.exemptions(scheme.id(), null);
		// the latest request of each item: the list is newest first
		Map<Long, Exemption> latest = exemptions.stream()
			.collect(Collectors.toMap(Exemption::adjustmentId, Function.identity(), (newer, older) -> newer,
					LinkedHashMap::new));
		model.addAttribute("items", items);
		model.addAttribute("itemsById",
				items.stream().collect(Collectors.toMap(ScoreAdjustment::id, Function.identity())));
		model.addAttribute("latest", latest);
		model.addAttribute("pending",
				exemptions.stream().filter((each) -> each.status() == Exemption.Status.PENDING).toList());
		model.addAttribute("decided",
				exemptions.stream().filter((each) -> each.status() != Exemption.Status.PENDING).limit(30).toList());
		Map<Long, String> members = this.schemes.members(scheme);
		model.addAttribute("members", this.organization.unitNames(members.keySet()));
		model.addAttribute("kinds", ScoreAdjustment.Kind.values());
		model.addAttribute("period", defaultPeriod(scheme));
		return "evaluation/adjustments";
	}

	@PostMapping("/evaluation/adjustments")
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
	String record(@RequestParam long schemeId, @RequestParam(required = false) Long unitId, @RequestParam String period,
			@RequestParam(required = false) ScoreAdjustment.Kind kind, @RequestParam(required = false) String points,
			@RequestParam String reason, @RequestParam(required = false) String evidence, RedirectAttributes redirect,
			Locale locale) {
		Problems.attempt(redirect, this.messages, locale, "evaluation.itemRecorded",
				() -> this.adjustments.record(schemeId, unitId, period, kind, points(points), reason, blank(evidence)));
		return back(schemeId);
	}

	@PostMapping("/evaluation/adjustments/{id}/exemption")
	@PreAuthorize("hasAnyRole('UNIT_HEAD', 'SUPERVISOR', 'ADMIN')")
	String request(@PathVariable long id, @RequestParam long schemeId, @RequestParam String reason,
			RedirectAttributes redirect, Locale locale) {
		Problems.attempt(redirect, this.messages, locale, "evaluation.exemptionRequested",
				() -> this.adjustments.request(id, reason));
		return back(schemeId);
	}

	@PostMapping("/evaluation/exemptions/{id}/decide")
	@PreAuthorize("hasRole('SUPERVISOR')")
	String decide(@PathVariable long id, @RequestParam long schemeId, @RequestParam boolean approved,
			@RequestParam(required = false) String comment, RedirectAttributes redirect, Locale locale) {
		try {
			this.adjustments.decide(id, approved, blank(comment));
			redirect.addFlashAttribute("notice", this.messages
				.getMessage(approved ? "evaluation.exemptionApproved" : "evaluation.exemptionRejected", null, locale));
		}
		catch (DomainException.Forbidden ex) {
			redirect.addFlashAttribute("error",
					ownRequest(id, schemeId) ? this.messages.getMessage("evaluation.ownExemption", null, locale)
							: Problems.message(this.messages, ex, locale));
		}
		catch (DomainException ex) {
			redirect.addFlashAttribute("error", Problems.message(this.messages, ex, locale));
		}
		return back(schemeId);
	}

	/** Whether the caller asked for this exemption: they may not decide it. */
	private boolean ownRequest(long exemptionId, long schemeId) {
		Long caller = this.scopes.caller().map(CurrentUser::accountId).orElse(null);
		return this.adjustments.exemptions(schemeId, null)
			.stream()
			.anyMatch((each) -> each.id() == exemptionId && Objects.equals(each.requestedBy(), caller));
	}

	private static String back(long schemeId) {
		return "redirect:/evaluation/adjustments?schemeId=" + schemeId;
	}

	/** Points as typed; what is not a number is refused like points out of range. */
	private static BigDecimal points(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return new BigDecimal(text.strip());
		}
		catch (NumberFormatException ex) {
			throw DomainException.invalid("points", "points-range", "points is a positive number up to 100 (0.01)");
		}
	}

	private String defaultPeriod(Scheme scheme) {
		return Quarters.of(scheme.year(), LocalDate.now(this.clock));
	}

	private static String blank(String text) {
		return (text == null || text.isBlank()) ? null : text;
	}

}
