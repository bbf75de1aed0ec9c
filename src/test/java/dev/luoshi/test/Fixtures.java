package dev.luoshi.test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Builds the organisation a test needs through the API, with codes and usernames that
 * never clash with those of other tests sharing the same database.
 */
public final class Fixtures {

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	private final Api admin;

	public Fixtures(Api admin) {
		this.admin = admin;
	}

	public static String unique(String prefix) {
		return prefix + "-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36) + "-" + SEQUENCE.incrementAndGet();
	}

	public long unit(String name, String kind, Long parentId) {
		Map<String, Object> body = new HashMap<>();
		body.put("code", unique("U"));
		body.put("name", name);
		body.put("kind", kind);
		if (parentId != null) {
			body.put("parentId", parentId);
		}
		Api.Response response = this.admin.post("/api/v1/units", body);
		if (response.status() != 201) {
			throw new IllegalStateException("Cannot create unit: " + response);
		}
		return response.id();
	}

	/**
	 * Creates an account and returns its username; the password is {@link Api#PASSWORD}.
	 */
	public String user(long unitId, String... roles) {
		return user(unitId, List.of(), roles);
	}

	public String user(long unitId, List<Long> portfolio, String... roles) {
		String username = unique("user").toLowerCase();
		Api.Response response = this.admin.post("/api/v1/users", Map.of("username", username, "password", Api.PASSWORD,
				"displayName", "测试用户", "unitId", unitId, "roles", List.of(roles), "portfolioUnitIds", portfolio));
		if (response.status() != 201) {
			throw new IllegalStateException("Cannot create user: " + response);
		}
		return username;
	}

}
