package dev.luoshi.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One request of the bad-input campaign: what kind of bad input it carries, the operation
 * it aims at, and the bytes that go over the wire. {@code raw} requests are written to a
 * socket as they are (addresses and headers no HTTP client would send).
 */
record Attempt(String kind, String operation, String method, String target, List<String[]> headers, byte[] body,
		boolean raw) {

	static Attempt of(String kind, String operation, String method, String target) {
		return new Attempt(kind, operation, method, target, new ArrayList<>(), null, false);
	}

	Attempt header(String name, String value) {
		List<String[]> more = new ArrayList<>(this.headers);
		more.add(new String[] { name, value });
		return new Attempt(this.kind, this.operation, this.method, this.target, more, this.body, this.raw);
	}

	Attempt body(String contentType, byte[] content) {
		Attempt typed = (contentType != null) ? header("Content-Type", contentType) : this;
		return new Attempt(this.kind, this.operation, this.method, this.target, typed.headers, content, this.raw);
	}

	Attempt body(String contentType, String content) {
		return body(contentType, content.getBytes(StandardCharsets.UTF_8));
	}

	Attempt asRaw() {
		return new Attempt(this.kind, this.operation, this.method, this.target, this.headers, this.body, true);
	}

	@Override
	public String toString() {
		StringBuilder text = new StringBuilder();
		text.append('[').append(this.kind).append("] ").append(this.method).append(' ').append(cut(this.target, 300));
		for (String[] header : this.headers) {
			if (!header[0].equalsIgnoreCase("Authorization") && !header[0].equalsIgnoreCase("Cookie")) {
				text.append("\n  ").append(header[0]).append(": ").append(cut(header[1], 200));
			}
		}
		if (this.body != null) {
			text.append("\n  body (")
				.append(this.body.length)
				.append(" bytes): ")
				.append(cut(new String(this.body, StandardCharsets.UTF_8), 600).replaceAll("[\\p{Cntrl}&&[^\\n]]",
						"?"));
		}
		return text.toString();
	}

	private static String cut(String text, int max) {
		return (text.length() <= max) ? text : text.substring(0, max) + "…(" + text.length() + " characters)";
	}

}
