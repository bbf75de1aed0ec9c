package dev.luoshi.evaluation.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.luoshi.evaluation.IndicatorKind;
import dev.luoshi.evaluation.Scheme;
import dev.luoshi.evaluation.Schemes;
import dev.luoshi.shared.DomainException;
import dev.luoshi.shared.Problems;
import dev.luoshi.supervision.NoticeLevel;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The office's scheme editor: groups, weighted indicators with their rules, caps and
 * grade rules; a refusal is shown beside the field it names, a stale version as a
 * conflict.
 */
@Controller
@PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
class SchemePages {

	private static final Pattern INDICATOR_FIELD = Pattern.compile("indicators\\[(\\d+)\\](.*)");

	private final Schemes schemes;

	private final MessageSource messages;

	private final Clock clock;

	SchemePages(Schemes schemes, MessageSource messages, Clock clock) {
		this.schemes = schemes;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/evaluation/schemes/new")
	String create(@RequestParam(required = false) Integer year, Model model) {
		int shown = (year != null) ? year : LocalDate.now(this.clock).getYear();
		return editor(null, SchemeForm.blank(shown), Map.of(), null, model);
	}

	@GetMapping("/evaluation/schemes/{id}/edit")
	String edit(@PathVariable long id, Model model) {
		return editor(id, SchemeForm.of(this.schemes.scheme(id)), Map.of(), null, model);
	}

	@PostMapping("/evaluation/schemes")
	String save(@ModelAttribute("form") SchemeForm form, BindingResult binding, Model model,
			RedirectAttributes redirect, Locale locale) {
		return save(null, form, binding, model, redirect, locale);
	}

	@PostMapping("/evaluation/schemes/{id}")
	String update(@PathVariable long id, @ModelAttribute("form") SchemeForm form, BindingResult binding, Model model,
			RedirectAttributes redirect, Locale locale) {
		return save(id, form, binding, model, redirect, locale);
	}

	private String save(Long id, SchemeForm form, BindingResult binding, Model model, RedirectAttributes redirect,
			Locale locale) {
		form.withSpareRows();
		if (binding.hasErrors()) {
			Map<String, String> errors = new HashMap<>();
			String notANumber = this.messages.getMessage("evaluation.notANumber", null, locale);
			binding.getFieldErrors().forEach((error) -> errors.putIfAbsent(error.getField(), notANumber));
			return editor(id, form, errors, null, model);
		}
		List<Integer> rows = filledRowIndexes(form);
		try {
			Scheme saved = (id != null) ? this.schemes.update(id, form.command()) : this.schemes.create(form.command());
			redirect.addFlashAttribute("notice",
					this.messages.getMessage("evaluation.schemeSaved", new Object[] { saved.name() }, locale));
			return "redirect:/evaluation?year=" + saved.year();
		}
		catch (DomainException.Invalid ex) {
			Map<String, String> errors = new HashMap<>();
			String message = Problems.message(this.messages, ex, locale);
			ex.errors().forEach((error) -> errors.putIfAbsent(formField(error.field(), rows), message));
			return editor(id, form, errors, null, model);
		}
		catch (DomainException.Conflict ex) {
			String message = "stale-version".equals(ex.code())
					? this.messages.getMessage("evaluation.schemeChanged", null, locale)
					: Problems.message(this.messages, ex, locale);
			return editor(id, form, Map.of(), message, model);
		}
	}

	private String editor(Long id, SchemeForm form, Map<String, String> errors, String error, Model model) {
		model.addAttribute("schemeId", id);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("error", error);
		List<String> groups = new ArrayList<>(this.schemes.peerGroups());
		form.getPeerGroups().stream().filter((group) -> !groups.contains(group)).forEach(groups::add);
		model.addAttribute("peerGroups", groups);
		model.addAttribute("kinds", IndicatorKind.values());
		model.addAttribute("levels", NoticeLevel.values());
		return "evaluation/editor";
	}

	/** Where each indicator of the command sits among the form's rows. */
	private static List<Integer> filledRowIndexes(SchemeForm form) {
		List<Integer> rows = new ArrayList<>();
		for (int i = 0; i < form.getIndicators().size(); i++) {
			SchemeForm.IndicatorRow row = form.getIndicators().get(i);
			if (row != null && !row.isBlank()) {
				rows.add(i);
			}
		}
		return rows;
	}

	/** The service names the n-th indicator; the form shows it in its own row. */
	private static String formField(String field, List<Integer> rows) {
		Matcher matcher = INDICATOR_FIELD.matcher(field);
		if (matcher.matches()) {
			int index = Integer.parseInt(matcher.group(1));
			if (index < rows.size()) {
				return "indicators[" + rows.get(index) + "]" + matcher.group(2);
			}
		}
		return field;
	}

}
