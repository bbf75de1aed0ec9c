package dev.luoshi.identity.web;

import java.net.URI;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import dev.luoshi.identity.Account;
import dev.luoshi.identity.AccountChanges;
import dev.luoshi.identity.Accounts;
import dev.luoshi.identity.CurrentUser;
import dev.luoshi.identity.CurrentUsers;
import dev.luoshi.identity.NewAccount;
import dev.luoshi.identity.Role;
import dev.luoshi.shared.DomainException;
import dev.luoshi.shared.Page;
import dev.luoshi.shared.PageRequest;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Accounts over HTTP: administrators manage them; everyone reads and changes their own.
 */
@RestController
@RequestMapping("/api/v1/users")
class UserController {

	private final Accounts accounts;

	UserController(Accounts accounts) {
		this.accounts = accounts;
	}

	@PostMapping
	@PreAuthorize("hasRole('ADMIN')")
	ResponseEntity<Account> create(@Valid @RequestBody NewAccount account) {
		Account created = this.accounts.create(account);
		return ResponseEntity.created(URI.create("/api/v1/users/" + created.id())).body(created);
	}

	@GetMapping
	@PreAuthorize("hasRole('ADMIN')")
	Page<Account> list(@RequestParam(required = false) Long unitId, @RequestParam(required = false) String q,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return this.accounts.accounts(unitId, q, PageRequest.of(page, size));
	}

	@GetMapping("/me")
	Account me() {
		return this.accounts.account(CurrentUsers.require().accountId());
	}

	@GetMapping("/{id}")
	Account get(@PathVariable long id) {
		requireSelfOrAdmin(id);
		return this.accounts.account(id);
	}

	@PatchMapping("/{id}")
	@PreAuthorize("hasRole('ADMIN')")
	Account update(@PathVariable long id, @Valid @RequestBody AccountChanges changes) {
		return this.accounts.update(id, changes);
	}

	/**
	 * Changes one's own password (the old one required) or, for an administrator, resets
	 * anyone's.
	 */
	@PostMapping("/{id}/password")
	ResponseEntity<Void> changePassword(@PathVariable long id, @Valid @RequestBody PasswordChange change) {
		CurrentUser caller = requireSelfOrAdmin(id);
		boolean reset = caller.accountId() != id;
		this.accounts.changePassword(id, change.oldPassword(), change.newPassword(), reset);
		return ResponseEntity.noContent().build();
	}

	private static CurrentUser requireSelfOrAdmin(long id) {
		CurrentUser caller = CurrentUsers.require();
		if (caller.accountId() != id && !caller.hasRole(Role.ADMIN)) {
			throw DomainException.forbidden("Only administrators may see or change other accounts");
		}
		return caller;
	}

	record PasswordChange(@Size(max = 128) String oldPassword, @NotNull @Size(max = 128) String newPassword) {
	}

}
