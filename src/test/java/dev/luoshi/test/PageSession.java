package dev.luoshi.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser's session with the pages over plain HTTP: the session cookie from the login
 * form and the CSRF token the pages carry, without a real browser.
 */
public final class PageSession {

	private static final Pattern FORM_TOKEN = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	private static final Pattern HEADER_TOKEN = Pattern.compile("&quot;: &quot;([^&]+)&quot;");

	private final String base;

	private final HttpClient http;

	private String token;

	private PageSession(int port) {
		this.base = "http://localhost:" + port;
		this.http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	/** Signs in through the login form and keeps the session and its CSRF token. */
	public static PageSession signIn(int port, String username, String password) {
		PageSession session = new PageSession(port);
		String form = session.get("/login").body();
		Matcher matcher = FORM_TOKEN.matcher(form);
		if (!matcher.find()) {
			throw new IllegalStateException("The login form carries no CSRF token");
		}
		HttpResponse<String> login = session.send(HttpRequest.newBuilder(URI.create(session.base + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=" + encode(username) + "&password=" + encode(password)
					+ "&_csrf=" + encode(matcher.group(1)))));
		String location = login.headers().firstValue("Location").orElse("");
		if (login.statusCode() != 302 || location.contains("error") || location.contains("locked")) {
			throw new IllegalStateException("Cannot sign in " + username + ": " + login.statusCode() + " " + location);
		}
		session.token = session.tokenOf(session.get("/").body());
		return session;
	}

	public HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path)).header("Accept", "text/html").GET());
	}

	/** Posts an empty form, with or without the session's CSRF token; the status. */
	public int post(String path, boolean withToken) {
		String body = withToken ? "_csrf=" + encode(this.token) : "";
		return send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "text/html")
			.POST(HttpRequest.BodyPublishers.ofString(body))).statusCode();
	}

	public String token() {
		return this.token;
	}

	private String tokenOf(String page) {
		Matcher header = HEADER_TOKEN.matcher(page);
		if (header.find()) {
			return header.group(1);
		}
		Matcher form = FORM_TOKEN.matcher(page);
		if (form.find()) {
			return form.group(1);
		}
		throw new IllegalStateException("The page carries no CSRF token");
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
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
