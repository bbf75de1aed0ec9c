package dev.luoshi.web;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request whose {@code Accept} header is no list of media types (400), or whose
 * {@code Content-Type} is none or a wildcard (415), before anything negotiates on them:
 * otherwise the sign-in redirect of the pages fails on the one, the reading of a body on
 * the other, and an error response for an unreadable {@code Accept} goes out without a
 * body.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class MediaTypeHeaders extends OncePerRequestFilter {

	private final Problems problems;

	MediaTypeHeaders(Problems problems) {
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		if (accept != null && !mediaTypes(accept)) {
			refuse(request, response, HttpStatus.BAD_REQUEST, "bad-accept",
					"The Accept header is not a list of media types", HttpHeaders.ACCEPT);
			return;
		}
		String contentType = request.getHeader(HttpHeaders.CONTENT_TYPE);
		if (contentType != null && !concreteMediaType(contentType)) {
			refuse(request, response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "bad-content-type",
					"The Content-Type header is not a media type of its own (it is malformed or a wildcard)",
					HttpHeaders.CONTENT_TYPE);
			return;
		}
		chain.doFilter(request, response);
	}

	private static boolean mediaTypes(String header) {
		try {
			MediaType.parseMediaTypes(header);
			return true;
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

	private static boolean concreteMediaType(String header) {
		try {
			MediaType type = MediaType.parseMediaType(header);
			return !type.isWildcardType() && !type.isWildcardSubtype();
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code,
			String fallback, String header) throws IOException {
		LocaleContextHolder.setLocale(new LocaleConfiguration.LanguageResolver().resolveLocale(request));
		try {
			ProblemDetail problem = this.problems.problem(status, code, fallback, header);
			problem.setProperty("errors", List.of(Map.of("field", header, "message", problem.getDetail())));
			this.problems.write(response, problem);
		}
		finally {
			LocaleContextHolder.resetLocaleContext();
		}
	}

}
