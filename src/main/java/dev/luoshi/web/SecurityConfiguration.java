package dev.luoshi.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.luoshi.identity.Accounts;
import dev.luoshi.identity.Role;
import dev.luoshi.identity.Tokens;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Two doors: the API ({@code /api/**}) is stateless behind bearer tokens; the pages use a
 * form login with a session (kept in the database) and CSRF protection. Both answer
 * refusals with problem details; pages send a browser that is not signed in to the login
 * form. Both send the same security headers (a script policy without inline scripts, no
 * framing, no sniffing, HSTS on secure requests) and keep an auditor to the audit trail.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
			+ "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
			+ "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	/** One year, so that browsers keep to TLS between visits. */
	static final long HSTS_MAX_AGE = 31_536_000;

	/**
	 * What an auditor (审计员) may reach through the API besides public endpoints: the audit
	 * trail, its own account and password. Everything else is refused, so that the
	 * auditor role does nothing but audit whatever a controller's own check says.
	 */
	static final String[] AUDITOR_API = { "/api/v1/audit", "/api/v1/audit/**", "/api/v1/users/me",
			"/api/v1/users/*/password", "/api/v1/auth/token" };

	/** The pages an auditor may open besides public ones. */
	static final String[] AUDITOR_PAGES = { "/audit", "/audit/**" };

	/** Signed in, and not an auditor: the rule for everything not listed above. */
	private static final AuthorizationManager<RequestAuthorizationContext> SIGNED_IN_NOT_AUDITOR = AuthorizationManagers
		.allOf(AuthenticatedAuthorizationManager.authenticated(),
				AuthorizationManagers.not(AuthorityAuthorizationManager.hasRole(Role.AUDITOR.name())));

	/**
	 * The one way to check a page sign-in; its presence also keeps Boot from creating a
	 * default user.
	 */
	@Bean
	AccountAuthenticationProvider accountAuthenticationProvider(Accounts accounts) {
		return new AccountAuthenticationProvider(accounts);
	}

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, Tokens tokens, Problems problems) throws Exception {
		http.securityMatcher("/api/**")
			.authorizeHttpRequests((requests) -> requests
				.requestMatchers(HttpMethod.POST, "/api/v1/auth/token", "/api/v1/auth/password")
				.permitAll()
				// the public board (晾晒): the service shows anonymous callers published
				// rankings of
				// public schemes only
				.requestMatchers(HttpMethod.GET, "/api/v1/rankings", "/api/v1/board")
				.permitAll()
				.requestMatchers(AUDITOR_API)
				.authenticated()
				.anyRequest()
				.access(SIGNED_IN_NOT_AUDITOR))
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable())
			.requestCache((cache) -> cache.disable())
			.addFilterBefore(new BearerTokenFilter(tokens, problems), UsernamePasswordAuthenticationFilter.class)
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(unauthorized(problems, false))
				.accessDeniedHandler(forbidden(problems)));
		headers(http);
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain pages(HttpSecurity http, Problems problems) throws Exception {
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers("/login", "/password", "/webjars/**", "/css/**", "/js/**", "/img/**", "/favicon.ico",
					"/error", "/actuator/health", "/actuator/health/**", "/actuator/prometheus", "/v3/api-docs",
					"/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/board", "/board/**")
			.permitAll()
			.requestMatchers(AUDITOR_PAGES)
			.authenticated()
			.anyRequest()
			.access(SIGNED_IN_NOT_AUDITOR))
			.formLogin((form) -> form.loginPage("/login")
				.successHandler(signedIn())
				.failureHandler((request, response, exception) -> response
					.sendRedirect(request.getContextPath() + "/login?" + refusal(exception))))
			.logout((logout) -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(unauthorized(problems, true))
				.accessDeniedHandler(forbidden(problems)));
		headers(http);
		return http.build();
	}

	private static void headers(HttpSecurity http) throws Exception {
		http.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
			.frameOptions((frame) -> frame.deny())
			.contentTypeOptions(Customizer.withDefaults())
			// only on requests that are secure: over TLS, or forwarded as https by a
			// trusted proxy (server.forward-headers-strategy=native)
			.httpStrictTransportSecurity((hsts) -> hsts.includeSubDomains(true).maxAgeInSeconds(HSTS_MAX_AGE))
			.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
	}

	/**
	 * After a page sign-in: where the browser was going, or the home page; an auditor
	 * always goes to the audit trail, the only pages it may open.
	 */
	private static AuthenticationSuccessHandler signedIn() {
		SavedRequestAwareAuthenticationSuccessHandler usual = new SavedRequestAwareAuthenticationSuccessHandler();
		usual.setDefaultTargetUrl("/");
		return (request, response, authentication) -> {
			if (authentication.getAuthorities()
				.stream()
				.anyMatch((authority) -> Role.AUDITOR.authority().equals(authority.getAuthority()))) {
				response.sendRedirect(request.getContextPath() + "/audit");
				return;
			}
			usual.onAuthenticationSuccess(request, response, authentication);
		};
	}

	private static String refusal(AuthenticationException exception) {
		if (exception instanceof LockedException) {
			return "locked";
		}
		return (exception instanceof CredentialsExpiredException) ? "expired" : "error";
	}

	/**
	 * 401 as a problem detail; a browser asking for a page is sent to the login form
	 * instead.
	 */
	private static AuthenticationEntryPoint unauthorized(Problems problems, boolean pages) {
		return (request, response, exception) -> {
			if (pages && wantsHtml(request)) {
				response.sendRedirect(request.getContextPath() + "/login");
				return;
			}
			problems.write(response, problems.problem(HttpStatus.UNAUTHORIZED, "unauthenticated",
					"Sign in first: send a valid bearer token"));
		};
	}

	private static AccessDeniedHandler forbidden(Problems problems) {
		return (request, response, exception) -> writeForbidden(problems, response);
	}

	private static void writeForbidden(Problems problems, HttpServletResponse response) throws IOException {
		problems.write(response,
				problems.problem(HttpStatus.FORBIDDEN, "forbidden", "You may not do this (role or data scope)"));
	}

	static boolean wantsHtml(HttpServletRequest request) {
		String accept = request.getHeader("Accept");
		return accept != null && MediaType.parseMediaTypes(accept)
			.stream()
			.anyMatch((type) -> type.isCompatibleWith(MediaType.TEXT_HTML) && !type.isWildcardType());
	}

}
