package dev.luoshi.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * Sends the campaign's requests: through the JDK's HTTP client where it can carry them,
 * else written byte for byte to a socket.
 */
final class Wire {

	/** Headers the JDK's client sets itself and will not take from its caller. */
	private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade",
			"transfer-encoding");

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	private final int port;

	Wire(int port) {
		this.port = port;
	}

	/**
	 * What came back; status -1 when the server closed the connection without answering.
	 */
	record Reply(int status, String contentType, byte[] body) {

		String text() {
			return new String(this.body, StandardCharsets.UTF_8);
		}

	}

	Reply send(Attempt attempt) {
		if (!attempt.raw() && fitsTheClient(attempt)) {
			try {
				return client(attempt);
			}
			catch (IllegalArgumentException ex) {
				// an address or header the client refuses: send it as it is
			}
		}
		return socket(attempt);
	}

	private static boolean fitsTheClient(Attempt attempt) {
		return attempt.headers()
			.stream()
			.noneMatch((header) -> RESTRICTED.contains(header[0].toLowerCase(Locale.ROOT)));
	}

	private Reply client(Attempt attempt) {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + attempt.target()))
			.timeout(Duration.ofSeconds(120))
			.method(attempt.method(), (attempt.body() != null) ? HttpRequest.BodyPublishers.ofByteArray(attempt.body())
					: HttpRequest.BodyPublishers.noBody());
		for (String[] header : attempt.headers()) {
			request.header(header[0], header[1]);
		}
		try {
			HttpResponse<byte[]> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
			return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
					response.body());
		}
		catch (IOException ex) {
			return new Reply(-1, "", String.valueOf(ex).getBytes(StandardCharsets.UTF_8));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private Reply socket(Attempt attempt) {
		ByteArrayOutputStream request = new ByteArrayOutputStream();
		boolean length = false;
		boolean host = false;
		write(request, attempt.method() + " " + attempt.target() + " HTTP/1.1\r\n");
		for (String[] header : attempt.headers()) {
			length |= header[0].equalsIgnoreCase("Content-Length") || header[0].equalsIgnoreCase("Transfer-Encoding");
			host |= header[0].equalsIgnoreCase("Host");
			write(request, header[0] + ": " + header[1] + "\r\n");
		}
		if (!host) {
			write(request, "Host: localhost\r\n");
		}
		if (!length && attempt.body() != null) {
			write(request, "Content-Length: " + attempt.body().length + "\r\n");
		}
		write(request, "Connection: close\r\n\r\n");
		if (attempt.body() != null) {
			request.writeBytes(attempt.body());
		}
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout(120_000);
			try {
				OutputStream out = socket.getOutputStream();
				out.write(request.toByteArray());
				out.flush();
			}
			catch (IOException ex) {
				// the server may answer before it read everything (e.g. 413) and close
			}
			return read(socket.getInputStream());
		}
		catch (IOException ex) {
			return new Reply(-1, "", String.valueOf(ex).getBytes(StandardCharsets.UTF_8));
		}
	}

	private static Reply read(InputStream in) throws IOException {
		byte[] all = in.readAllBytes();
		String text = new String(all, StandardCharsets.ISO_8859_1);
		int end = text.indexOf("\r\n\r\n");
		if (!text.startsWith("HTTP/") || end < 0) {
			return new Reply(-1, "", all);
		}
		String[] lines = text.substring(0, end).split("\r\n");
		int status = Integer.parseInt(lines[0].split(" ")[1]);
		String contentType = "";
		boolean chunked = false;
		for (String line : lines) {
			String lower = line.toLowerCase(Locale.ROOT);
			if (lower.startsWith("content-type:")) {
				contentType = line.substring(13).strip();
			}
			chunked |= lower.startsWith("transfer-encoding:") && lower.contains("chunked");
		}
		byte[] body = java.util.Arrays.copyOfRange(all, end + 4, all.length);
		return new Reply(status, contentType, chunked ? dechunk(body) : body);
	}

	private static byte[] dechunk(byte[] body) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int at = 0;
		while (at < body.length) {
			int lineEnd = indexOf(body, at);
			if (lineEnd < 0) {
				break;
			}
			String size = new String(body, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].strip();
			int length = size.isEmpty() ? 0 : Integer.parseInt(size, 16);
			if (length == 0) {
				break;
			}
			out.write(body, lineEnd + 2, Math.min(length, body.length - lineEnd - 2));
			at = lineEnd + 2 + length + 2;
		}
		return out.toByteArray();
	}

	private static int indexOf(byte[] body, int from) {
		for (int i = from; i + 1 < body.length; i++) {
			if (body[i] == '\r' && body[i + 1] == '\n') {
				return i;
			}
		}
		return -1;
	}

	private static void write(ByteArrayOutputStream out, String text) {
		out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
	}

}
