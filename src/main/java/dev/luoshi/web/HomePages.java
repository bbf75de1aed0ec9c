package dev.luoshi.web;

import dev.luoshi.identity.Accounts;
import dev.luoshi.organization.Organization;
import dev.luoshi.organization.People;
import dev.luoshi.shared.PageRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The login form and the landing page. */
@Controller
class HomePages {

	private final Organization organization;

	private final People people;

	private final Accounts accounts;

	HomePages(Organization organization, People people, Accounts accounts) {
		this.organization = organization;
		this.people = people;
		this.accounts = accounts;
	}

	@GetMapping("/login")
	String login() {
		return "login";
	}

	@GetMapping("/")
	String home(Model model) {
		model.addAttribute("unitCount", this.organization.unitCount());
		model.addAttribute("personCount", this.people.count());
		model.addAttribute("accountCount", this.accounts.accounts(null, null, PageRequest.of(0, 1)).total());
		model.addAttribute("roots",
				this.organization.units(null, null, null, null, PageRequest.of(0, 20))
					.items()
					.stream()
					.filter((unit) -> unit.depth() == 0)
					.toList());
		return "index";
	}

}
