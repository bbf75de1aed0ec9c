package dev.luoshi.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import dev.luoshi.identity.Accounts;
import dev.luoshi.identity.CurrentUser;
import dev.luoshi.identity.Tokens;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Exchanges a username and password for an API token, ends one, and changes a password
 * without a token (the way out when a password has expired and no token is issued for
 * it).
 */
@RestController
class TokenController {

	private final Accounts accounts;

	private final Tokens tokens;

	TokenController(Accounts accounts, Tokens tokens) {
		this.accounts = accounts;
		this.tokens = tokens;
	}

	@PostMapping("/api/v1/auth/token")
	Tokens.IssuedToken token(@Valid @RequestBody Credentials credentials, HttpServletRequest request) {
		CurrentUser user = this.accounts.authenticate(credentials.username(), credentials.password(),
				request.getRemoteAddr());
		return this.tokens.issue(user);
	}

	/** Ends the token of this request at once (signing out of the API). */
	@DeleteMapping("/api/v1/auth/token")
	ResponseEntity<Void> revoke(@RequestHeader(HttpHeaders.AUTHORIZATION) String authorization) {
		this.tokens.revoke(authorization.substring("Bearer ".length()).strip());
		return ResponseEntity.noContent().build();
	}

	/**
	 * Sets a new password given the username and the current (possibly expired) password;
	 * wrong ones count towards the lockout like a failed sign-in.
	 */
	@PostMapping("/api/v1/auth/password")
	ResponseEntity<Void> changePassword(@Valid @RequestBody PasswordChange change) {
		this.accounts.changeExpiredPassword(change.username(), change.oldPassword(), change.newPassword());
		return ResponseEntity.noContent().build();
	}

	record Credentials(@NotNull @Size(max = 64) String username, @NotNull @Size(max = 128) String password) {
	}

	record PasswordChange(@NotNull @Size(max = 64) String username, @NotNull @Size(max = 128) String oldPassword,
			@NotNull @Size(max = 128) String newPassword) {
	}

}
