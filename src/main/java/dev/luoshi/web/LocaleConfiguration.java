package dev.luoshi.web;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Chinese first, English second: a {@code lang} cookie set by the pages' switch wins,
 * else the request's {@code Accept-Language}, else zh-CN.
 */
@Configuration(proxyBeanMethods = false)
class LocaleConfiguration implements WebMvcConfigurer {

	static final List<Locale> SUPPORTED = List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);

	@Bean
	LocaleResolver localeResolver() {
		return new LanguageResolver();
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
		interceptor.setParamName("lang");
		interceptor.setIgnoreInvalidLocale(true);
		registry.addInterceptor(interceptor);
	}

	static final class LanguageResolver implements LocaleResolver {

		private static final String COOKIE = "lang";

		@Override
		public Locale resolveLocale(HttpServletRequest request) {
			if (request.getAttribute(COOKIE) instanceof Locale chosen) {
				return chosen;
			}
			if (request.getCookies() != null) {
				for (Cookie cookie : request.getCookies()) {
					if (COOKIE.equals(cookie.getName())) {
						return supported(Locale.forLanguageTag(cookie.getValue()));
					}
				}
			}
			String header = request.getHeader("Accept-Language");
			if (header == null || header.isBlank()) {
				return Locale.SIMPLIFIED_CHINESE;
			}
			try {
				Locale best = Locale.lookup(Locale.LanguageRange.parse(header), SUPPORTED);
				return (best != null) ? best : Locale.SIMPLIFIED_CHINESE;
			}
			catch (IllegalArgumentException ex) {
				return Locale.SIMPLIFIED_CHINESE;
			}
		}

		@Override
		public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
			Locale chosen = supported(locale);
			request.setAttribute(COOKIE, chosen);
			Cookie cookie = new Cookie(COOKIE, chosen.toLanguageTag());
			cookie.setPath("/");
			cookie.setMaxAge(365 * 24 * 3600);
			cookie.setHttpOnly(true);
			response.addCookie(cookie);
		}

		private static Locale supported(Locale locale) {
			return (locale != null && "en".equals(locale.getLanguage())) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
		}

	}

}
