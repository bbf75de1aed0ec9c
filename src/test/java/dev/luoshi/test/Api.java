package dev.luoshi.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Speaks to the running application the way an integrator does: JSON over HTTP with a
 * bearer token.
 */
public final class Api {

	public static final String ADMIN_PASSWORD = "Luoshi-Test-2026";

	public static final String PASSWORD = "Str0ng-Passw0rd!";

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build();

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	private final String base;

	private final String token;

	private final List<String[]> headers;

	public Api(int port) {
		this("http://localhost:" + port, null, List.of());
	}

	private Api(String base, String token, List<String[]> headers) {
		this.base = base;
		this.token = token;
		this.headers = headers;
	}

	/** The same client, signed in with a token for this account. */
	public Api as(String username, String password) {
		Response response = anonymous().post("/api/v1/auth/token", Map.of("username", username, "password", password));
		if (response.status() != 200) {
			throw new IllegalStateException("Cannot sign in " + username + ": " + response);
		}
		return new Api(this.base, response.json().path("token").asString(), this.headers);
	}

	public Api asAdmin() {
		return as("admin", ADMIN_PASSWORD);
	}

	public Api anonymous() {
		return new Api(this.base, null, this.headers);
	}

	public Api withToken(String token) {
		return new Api(this.base, token, this.headers);
	}

	public Api withHeader(String name, String value) {
		List<String[]> more = new ArrayList<>(this.headers);
		more.add(new String[] { name, value });
		return new Api(this.base, this.token, more);
	}

	public Response get(String path) {
		return send(request(path).GET());
	}

	public Response post(String path, Object body) {
		return send(request(path).header("Content-Type", "application/json").POST(body(body)));
	}

	public Response postRaw(String path, String contentType, String body) {
		return send(request(path).header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
	}

	public Response put(String path, Object body) {
		return send(request(path).header("Content-Type", "application/json").PUT(body(body)));
	}

	public Response patch(String path, Object body) {
		return send(request(path).header("Content-Type", "application/json").method("PATCH", body(body)));
	}

	public Response delete(String path) {
		return send(request(path).DELETE());
	}

	/** A multipart upload of one file in the field {@code file}. */
	public Response upload(String path, String filename, String contentType, byte[] content) {
		String boundary = "luoshi" + UUID.randomUUID().toString().replace("-", "");
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
				+ "\"\r\nContent-Type: " + contentType + "\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] body = new byte[head.length + content.length + tail.length];
		System.arraycopy(head, 0, body, 0, head.length);
		System.arraycopy(content, 0, body, head.length, content.length);
		System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
		return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body)));
	}

	private HttpRequest.Builder request(String path) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(this.base + path));
		if (this.token != null) {
			builder.header("Authorization", "Bearer " + this.token);
		}
		for (String[] header : this.headers) {
			builder.header(header[0], header[1]);
		}
		return builder;
	}

	private static HttpRequest.BodyPublisher body(Object body) {
		String text = (body instanceof String string) ? string : JSON.writeValueAsString(body);
		return HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8);
	}

	private Response send(HttpRequest.Builder request) {
		try {
			HttpResponse<byte[]> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
			return new Response(response.statusCode(), response.body(),
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

	/** What came back. */
	public record Response(int status, byte[] bytes, String contentType, Map<String, List<String>> headers) {

		public JsonNode json() {
			return JSON.readTree(text());
		}

		public String text() {
			return new String(this.bytes, StandardCharsets.UTF_8);
		}

		public long id() {
			return json().path("id").asLong();
		}

		public String header(String name) {
			return this.headers.entrySet()
				.stream()
				.filter((entry) -> entry.getKey().equalsIgnoreCase(name))
				.flatMap((entry) -> entry.getValue().stream())
				.findFirst()
				.orElse(null);
		}

		@Override
		public String toString() {
			return this.status + " " + this.contentType + " " + text();
		}

	}

}
