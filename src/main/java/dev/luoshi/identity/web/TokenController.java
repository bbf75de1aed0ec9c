package dev.luoshi.identity.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import dev.luoshi.identity.Accounts;
import dev.luoshi.identity.CurrentUser;
import dev.luoshi.identity.Tokens;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Exchanges a username and password for an API token. */
@RestController
class TokenController {

	private final Accounts accounts;

	private final Tokens tokens;

	TokenController(Accounts accounts, Tokens tokens) {
		this.accounts = accounts;
		this.tokens = tokens;
	}

	@PostMapping("/api/v1/auth/token")
	Tokens.IssuedToken token(@Valid @RequestBody Credentials credentials) {
		CurrentUser user = this.accounts.authenticate(credentials.username(), credentials.password());
		return this.tokens.issue(user);
	}

	record Credentials(@NotNull @Size(max = 64) String username, @NotNull @Size(max = 128) String password) {
	}

}
