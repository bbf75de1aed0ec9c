package dev.luoshi.organization.web;

import java.util.Locale;

import dev.luoshi.organization.NewPerson;
import dev.luoshi.organization.Organization;
import dev.luoshi.organization.People;
import dev.luoshi.organization.Person;
import dev.luoshi.shared.DomainException;
import dev.luoshi.shared.PageRequest;
import dev.luoshi.shared.Problems;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The people page: a searchable list, and a form to record a person who has no account.
 */
@Controller
class PeoplePages {

	private final People people;

	private final Organization organization;

	private final MessageSource messages;

	PeoplePages(People people, Organization organization, MessageSource messages) {
		this.people = people;
		this.organization = organization;
		this.messages = messages;
	}

	@GetMapping("/people")
	String list(@RequestParam(required = false) Long unitId, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("people", this.people.people(unitId, q, PageRequest.of(page, 50)));
		model.addAttribute("units", this.organization.allUnits());
		model.addAttribute("unitId", unitId);
		model.addAttribute("q", q);
		return "people";
	}

	@PostMapping("/people")
	@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
	String create(@RequestParam String name, @RequestParam long unitId, @RequestParam(required = false) String title,
			RedirectAttributes redirect, Locale locale) {
		try {
			Person person = this.people.create(new NewPerson(name, unitId, title, null));
			redirect.addFlashAttribute("notice",
					this.messages.getMessage("people.created", new Object[] { person.name() }, locale));
		}
		catch (DomainException ex) {
			redirect.addFlashAttribute("error", Problems.message(this.messages, ex, locale));
		}
		return "redirect:/people?unitId=" + unitId;
	}

}
