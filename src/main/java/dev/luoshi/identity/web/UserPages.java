package dev.luoshi.identity.web;

import java.util.List;
import java.util.Locale;

import dev.luoshi.identity.Account;
import dev.luoshi.identity.Accounts;
import dev.luoshi.identity.NewAccount;
import dev.luoshi.identity.Role;
import dev.luoshi.organization.Organization;
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

/** User administration: accounts, their units and roles. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class UserPages {

	private final Accounts accounts;

	private final Organization organization;

	private final MessageSource messages;

	UserPages(Accounts accounts, Organization organization, MessageSource messages) {
		this.accounts = accounts;
		this.organization = organization;
		this.messages = messages;
	}

	@GetMapping("/users")
	String list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("accounts", this.accounts.accounts(null, q, PageRequest.of(page, 50)));
		model.addAttribute("units", this.organization.allUnits());
		model.addAttribute("roles", Role.values());
		model.addAttribute("q", q);
		return "users";
	}

	@PostMapping("/users")
	String create(@RequestParam String username, @RequestParam String password, @RequestParam String displayName,
			@RequestParam long unitId, @RequestParam(required = false) List<Role> roles, RedirectAttributes redirect,
			Locale locale) {
		try {
			Account account = this.accounts.create(new NewAccount(username.strip(), password, displayName, unitId, null,
					(roles != null) ? roles : List.of(), null));
			redirect.addFlashAttribute("notice",
					this.messages.getMessage("users.created", new Object[] { account.username() }, locale));
		}
		catch (DomainException ex) {
			redirect.addFlashAttribute("error", Problems.message(this.messages, ex, locale));
		}
		return "redirect:/users";
	}

}
