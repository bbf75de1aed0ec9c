package dev.luoshi.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Speaks to the pages the way a browser does, without one: a cookie jar, the CSRF token
 * of the last form and the login form. For tests of sessions and sign-in rules; what a
 * page looks like is the browser tests' job.
 */
public final class PageClient {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final CookieManager cookies = new CookieManager();

	private final HttpClient http = HttpClient.newBuilder()
		.cookieHandler(this.cookies)
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private final String base;

	private String csrf;

	public PageClient(int port) {
		this.base = "http://localhost:" + port;
	}

	/** Posts the login form; the answer redirects to where the sign-in leads. */
	public Api.Response signIn(String username, String password) {
		get("/login");
		return post("/login", Map.of("username", username, "password", password));
	}

	public Api.Response get(String path) {
		Api.Response response = send(HttpRequest.newBuilder(URI.create(this.base + path)).GET());
		Matcher matcher = CSRF.matcher(response.text());
		if (matcher.find()) {
			this.csrf = matcher.group(1);
		}
		return response;
	}

	/** Posts a form with the CSRF token of the last page read. */
	public Api.Response post(String path, Map<String, String> form) {
		return post(path, form, true);
	}

	/** Posts a form as a forged cross-site request would: without the CSRF token. */
	public Api.Response postWithoutToken(String path, Map<String, String> form) {
		return post(path, form, false);
	}

	private Api.Response post(String path, Map<String, String> form, boolean withToken) {
		Map<String, String> fields = new LinkedHashMap<>(form);
		if (withToken && this.csrf != null) {
			fields.put("_csrf", this.csrf);
		}
		String body = fields.entrySet()
			.stream()
			.map((field) -> encode(field.getKey()) + "=" + encode(field.getValue()))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
	}

	/** The value of a cookie the server set, or null. */
	public String cookie(String name) {
		return this.cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter((cookie) -> cookie.getName().equals(name))
			.map(HttpCookie::getValue)
			.findFirst()
			.orElse(null);
	}

	private Api.Response send(HttpRequest.Builder request) {
		try {
			HttpResponse<byte[]> response = this.http.send(request.header("Accept", "text/html").build(),
					HttpResponse.BodyHandlers.ofByteArray());
			return new Api.Response(response.statusCode(), response.body(),
					response.headers().firstValue("Content-Type").orElse(""), response.headers().map());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

}
