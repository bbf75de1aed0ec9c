package dev.luoshi.web;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.luoshi.identity.CurrentUser;
import dev.luoshi.identity.Tokens;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Signs in an API request that carries {@code Authorization: Bearer <token>}. */
class BearerTokenFilter extends OncePerRequestFilter {

	private final Tokens tokens;

	private final Problems problems;

	BearerTokenFilter(Tokens tokens, Problems problems) {
		this.tokens = tokens;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			chain.doFilter(request, response);
			return;
		}
		Optional<CurrentUser> user = this.tokens.authenticate(header.substring(7).strip());
		if (user.isEmpty()) {
			this.problems.write(response, this.problems.problem(HttpStatus.UNAUTHORIZED, "invalid-token",
					"The token is unknown or has expired: request a new one"));
			return;
		}
		SecurityContextHolder.getContext().setAuthentication(authentication(user.get()));
		try {
			chain.doFilter(request, response);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	static UsernamePasswordAuthenticationToken authentication(CurrentUser user) {
		return UsernamePasswordAuthenticationToken.authenticated(user, null,
				user.roles().stream().map((role) -> new SimpleGrantedAuthority(role.authority())).toList());
	}

}
