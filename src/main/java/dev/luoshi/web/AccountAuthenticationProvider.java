package dev.luoshi.web;

import dev.luoshi.identity.Accounts;
import dev.luoshi.identity.SignInRefused;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The page login form checks credentials the same way as the token endpoint, lockout
 * included.
 */
class AccountAuthenticationProvider implements AuthenticationProvider {

	private final Accounts accounts;

	AccountAuthenticationProvider(Accounts accounts) {
		this.accounts = accounts;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		try {
			String from = (authentication.getDetails() instanceof WebAuthenticationDetails details)
					? details.getRemoteAddress() : null;
			return BearerTokenFilter.authentication(this.accounts.authenticate(authentication.getName(),
					String.valueOf(authentication.getCredentials()), from));
		}
		catch (SignInRefused ex) {
			if (ex.locked()) {
				throw new LockedException(ex.getMessage());
			}
			if (ex.passwordExpired()) {
				throw new CredentialsExpiredException(ex.getMessage());
			}
			throw new BadCredentialsException(ex.getMessage());
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
