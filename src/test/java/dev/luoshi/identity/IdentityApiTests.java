package dev.luoshi.identity;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.luoshi.test.Api;
import dev.luoshi.test.DatabaseTest;
import dev.luoshi.test.Fixtures;
import dev.luoshi.test.TestClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@DatabaseTest
class IdentityApiTests {

	@LocalServerPort
	int port;

	@Autowired
	TestClock clock;

	@Autowired
	DataScopes dataScopes;

	Api anonymous;

	Api admin;

	Fixtures fixtures;

	@BeforeEach
	void signIn() {
		this.anonymous = new Api(this.port);
		this.admin = this.anonymous.asAdmin();
		this.fixtures = new Fixtures(this.admin);
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void aTokenOpensTheApiAndShowsWhoIsSignedIn() {
		Api.Response token = this.anonymous.post("/api/v1/auth/token",
				Map.of("username", "admin", "password", Api.ADMIN_PASSWORD));

		assertThat(token.status()).isEqualTo(200);
		assertThat(token.json().path("expiresAt").asString()).isNotBlank();
		Api.Response me = this.anonymous.withToken(token.json().path("token").asString()).get("/api/v1/users/me");
		assertThat(me.json().path("username").asString()).isEqualTo("admin");
		assertThat(me.json().path("roles").get(0).asString()).isEqualTo("ADMIN");
		assertThat(me.json().has("password")).isFalse();
	}

	@Test
	void withoutOrWithABadTokenTheApiAnswers401() {
		Api.Response none = this.anonymous.get("/api/v1/units");
		Api.Response bad = this.anonymous.withToken("not-a-token").get("/api/v1/units");

		assertThat(none.status()).isEqualTo(401);
		assertThat(none.contentType()).startsWith("application/problem+json");
		assertThat(bad.status()).isEqualTo(401);
		assertThat(bad.json().path("detail").asString()).isNotBlank();
	}

	@Test
	void aWrongPasswordIs401() {
		Api.Response response = this.anonymous.post("/api/v1/auth/token",
				Map.of("username", "admin", "password", "Wrong-Password-1"));
		Api.Response unknown = this.anonymous.post("/api/v1/auth/token",
				Map.of("username", "nobody-here", "password", "Wrong-Password-1"));

		assertThat(response.status()).isEqualTo(401);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(unknown.status()).isEqualTo(401);
		assertThat(unknown.json().path("detail").asString()).isEqualTo(response.json().path("detail").asString());
	}

	@Test
	void fiveFailuresWithinFifteenMinutesLockTheAccountForFifteenMinutes() {
		long unit = this.fixtures.unit("商务局", "DEPARTMENT", null);
		String username = this.fixtures.user(unit, "UNIT_OPERATOR");
		for (int i = 0; i < 5; i++) {
			this.clock.advance(Duration.ofMinutes(2));
			assertThat(tokenStatus(username, "Wrong-Password-" + i)).isIn(401, 423);
		}

		Api.Response locked = this.anonymous.post("/api/v1/auth/token",
				Map.of("username", username, "password", Api.PASSWORD));
		assertThat(locked.status()).isEqualTo(423);
		assertThat(locked.json().path("lockedUntil").asString()).isNotBlank();

		this.clock.advance(Duration.ofMinutes(14));
		assertThat(tokenStatus(username, Api.PASSWORD)).isEqualTo(423);
		this.clock.advance(Duration.ofMinutes(2));
		assertThat(tokenStatus(username, Api.PASSWORD)).isEqualTo(200);
	}

	@Test
	void failuresSpreadOverMoreThanFifteenMinutesDoNotLock() {
		long unit = this.fixtures.unit("商务局", "DEPARTMENT", null);
		String username = this.fixtures.user(unit, "UNIT_OPERATOR");
		for (int i = 0; i < 5; i++) {
			this.clock.advance(Duration.ofMinutes(5));
			assertThat(tokenStatus(username, "Wrong-Password-" + i)).isEqualTo(401);
		}

		assertThat(tokenStatus(username, Api.PASSWORD)).isEqualTo(200);
	}

	@Test
	void everySignInToAnAccountIsAuditedWithWhereItCameFrom() {
		long unit = this.fixtures.unit("区网信办", "DEPARTMENT", null);
		String username = this.fixtures.user(unit, "UNIT_OPERATOR");
		Api viaProxy = this.anonymous.withHeader("X-Forwarded-For", "203.0.113.7");

		long id = viaProxy.as(username, Api.PASSWORD).get("/api/v1/users/me").id();
		viaProxy.post("/api/v1/auth/token", Map.of("username", username, "password", "Wrong-Passw0rd-1"));

		var events = this.admin.get("/api/v1/audit?entityType=user&entityId=" + id).json().path("items");
		var refused = events.get(0);
		var signedIn = events.get(1);
		assertThat(refused.path("action").asString()).isEqualTo("SIGN_IN_REFUSED");
		assertThat(refused.path("after").path("reason").asString()).isEqualTo("WRONG_PASSWORD");
		assertThat(refused.path("after").path("from").asString()).isEqualTo("203.0.113.7");
		assertThat(signedIn.path("action").asString()).isEqualTo("SIGNED_IN");
		assertThat(signedIn.path("actor").asString()).isEqualTo(username);
		assertThat(signedIn.path("after").path("from").asString()).isEqualTo("203.0.113.7");
		assertThat(this.admin.get("/api/v1/audit/verify").json().path("valid").asBoolean()).isTrue();
	}

	@Test
	void aRevokedTokenOpensNothingMore() {
		long unit = this.fixtures.unit("区机要局", "DEPARTMENT", null);
		String username = this.fixtures.user(unit, "AUDITOR");
		Api auditor = this.anonymous.as(username, Api.PASSWORD);
		Api other = this.anonymous.as(username, Api.PASSWORD);

		assertThat(auditor.delete("/api/v1/auth/token").status()).isEqualTo(204);

		assertThat(auditor.get("/api/v1/users/me").status()).isEqualTo(401);
		assertThat(other.get("/api/v1/users/me").status()).as("another token of the account").isEqualTo(200);
		assertThat(this.anonymous.delete("/api/v1/auth/token").status()).isEqualTo(401);
	}

	@Test
	void aTokenLeftUnusedForThirtyMinutesStopsWorking() {
		long unit = this.fixtures.unit("区档案馆", "DEPARTMENT", null);
		String username = this.fixtures.user(unit, "UNIT_OPERATOR");
		Api operator = this.anonymous.as(username, Api.PASSWORD);

		this.clock.advance(Duration.ofMinutes(25));
		assertThat(operator.get("/api/v1/users/me").status()).isEqualTo(200);
		this.clock.advance(Duration.ofMinutes(25));
		assertThat(operator.get("/api/v1/users/me").status()).as("50 minutes old, used 25 minutes ago").isEqualTo(200);
		this.clock.advance(Duration.ofMinutes(31));
		Api.Response idle = operator.get("/api/v1/users/me");

		assertThat(idle.status()).isEqualTo(401);
		assertThat(idle.json().path("type").asString()).endsWith("/invalid-token");
		assertThat(tokenStatus(username, Api.PASSWORD)).isEqualTo(200);
	}

	@Test
	void weakPasswordsAreRefusedNamingThePassword() {
		long unit = this.fixtures.unit("统计局", "DEPARTMENT", null);
		for (String weak : List.of("Short-1", "alllowercaseletters", "Password12", "Zhang.san-2026")) {
			Api.Response response = this.admin.post("/api/v1/users", Map.of("username", "zhang.san", "password", weak,
					"displayName", "张三", "unitId", unit, "roles", List.of("UNIT_OPERATOR")));
			if ("Password12".equals(weak)) {
				assertThat(response.status()).as(weak).isEqualTo(201);
				continue;
			}
			assertThat(response.status()).as(weak).isEqualTo(400);
			assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo("password");
		}
	}

	@Test
	void anOperatorCannotCreateUsers() {
		long unit = this.fixtures.unit("应急局", "DEPARTMENT", null);
		Api operator = this.anonymous.as(this.fixtures.user(unit, "UNIT_OPERATOR"), Api.PASSWORD);

		Api.Response response = operator.post("/api/v1/users", Map.of("username", Fixtures.unique("x"), "password",
				Api.PASSWORD, "displayName", "李四", "unitId", unit, "roles", List.of("ADMIN")));

		assertThat(response.status()).isEqualTo(403);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(operator.get("/api/v1/users").status()).isEqualTo(403);
	}

	@Test
	void anAccountBelongsToAPersonWhoMayExistBefore() {
		long unit = this.fixtures.unit("区政府", "REGION", null);
		long person = this.admin.post("/api/v1/people", Map.of("name", "王建国", "unitId", unit, "title", "区长")).id();

		Api.Response account = this.admin.post("/api/v1/users", Map.of("username", Fixtures.unique("wang"), "password",
				Api.PASSWORD, "personId", person, "roles", List.of("LEADER")));

		assertThat(account.status()).isEqualTo(201);
		assertThat(account.json().path("personId").asLong()).isEqualTo(person);
		assertThat(account.json().path("displayName").asString()).isEqualTo("王建国");
		assertThat(account.json().path("unitId").asLong()).isEqualTo(unit);
	}

	@Test
	void aDuplicateUsernameIsAConflict() {
		long unit = this.fixtures.unit("司法局", "DEPARTMENT", null);
		String username = this.fixtures.user(unit, "VIEWER");

		Api.Response again = this.admin.post("/api/v1/users", Map.of("username", username.toUpperCase(), "password",
				Api.PASSWORD, "displayName", "重复", "unitId", unit, "roles", List.of("VIEWER")));

		assertThat(again.status()).isEqualTo(409);
	}

	@Test
	void accountChangesNeedTheCurrentVersion() {
		long unit = this.fixtures.unit("区审计局", "DEPARTMENT", null);
		String username = this.fixtures.user(unit, "UNIT_OPERATOR");
		long id = this.anonymous.as(username, Api.PASSWORD).get("/api/v1/users/me").id();

		Api.Response promoted = this.admin.patch("/api/v1/users/" + id,
				Map.of("roles", List.of("UNIT_OPERATOR", "UNIT_HEAD"), "version", 0));
		Api.Response stale = this.admin.patch("/api/v1/users/" + id, Map.of("enabled", false, "version", 0));

		assertThat(promoted.status()).isEqualTo(200);
		assertThat(promoted.json().path("roles").size()).isEqualTo(2);
		assertThat(stale.status()).isEqualTo(409);
		assertThat(tokenStatus(username, Api.PASSWORD)).isEqualTo(200);
	}

	@Test
	void aDisabledAccountCanNoLongerSignInNorUseItsToken() {
		long unit = this.fixtures.unit("区审计局", "DEPARTMENT", null);
		String username = this.fixtures.user(unit, "UNIT_OPERATOR");
		Api operator = this.anonymous.as(username, Api.PASSWORD);
		long id = operator.get("/api/v1/users/me").id();

		this.admin.patch("/api/v1/users/" + id, Map.of("enabled", false, "version", 0));

		assertThat(operator.get("/api/v1/users/me").status()).isEqualTo(401);
		assertThat(tokenStatus(username, Api.PASSWORD)).isEqualTo(401);
	}

	@Test
	void usersChangeTheirOwnPasswordWithTheOldOne() {
		long unit = this.fixtures.unit("区审计局", "DEPARTMENT", null);
		String username = this.fixtures.user(unit, "UNIT_OPERATOR");
		Api operator = this.anonymous.as(username, Api.PASSWORD);
		long id = operator.get("/api/v1/users/me").id();

		Api.Response wrongOld = operator.post("/api/v1/users/" + id + "/password",
				Map.of("oldPassword", "Not-The-Old-1", "newPassword", "New-Passw0rd-2026"));
		Api.Response weak = operator.post("/api/v1/users/" + id + "/password",
				Map.of("oldPassword", Api.PASSWORD, "newPassword", "weak"));
		Api.Response changed = operator.post("/api/v1/users/" + id + "/password",
				Map.of("oldPassword", Api.PASSWORD, "newPassword", "New-Passw0rd-2026"));
		Api.Response someoneElses = operator.post("/api/v1/users/1/password",
				Map.of("oldPassword", Api.PASSWORD, "newPassword", "New-Passw0rd-2026"));

		assertThat(wrongOld.status()).isEqualTo(400);
		assertThat(weak.status()).isEqualTo(400);
		assertThat(changed.status()).isEqualTo(204);
		assertThat(someoneElses.status()).isEqualTo(403);
		assertThat(tokenStatus(username, "New-Passw0rd-2026")).isEqualTo(200);
	}

	@Test
	void malformedJsonAndUnknownUrlsAreProblems() {
		Api.Response malformed = this.admin.postRaw("/api/v1/units", "application/json", "{\"code\": \"x\", ");
		Api.Response wrongType = this.admin.postRaw("/api/v1/units", "application/json",
				"{\"code\": \"x1\", \"name\": \"x\", \"kind\": \"OTHER\", \"parentId\": \"abc\"}");
		Api.Response unknown = this.admin.get("/api/v1/no-such-thing");
		Api.Response method = this.admin.delete("/api/v1/units");
		Api.Response mediaType = this.admin.postRaw("/api/v1/units", "text/plain", "code=x");

		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.contentType()).startsWith("application/problem+json");
		assertThat(wrongType.status()).isEqualTo(400);
		assertThat(wrongType.json().path("errors").get(0).path("field").asString()).isEqualTo("parentId");
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.contentType()).startsWith("application/problem+json");
		assertThat(method.status()).isEqualTo(405);
		assertThat(method.contentType()).startsWith("application/problem+json");
		assertThat(method.json().path("detail").asString()).isEqualTo("不支持该请求方法");
		assertThat(mediaType.status()).isEqualTo(415);
		assertThat(mediaType.contentType()).startsWith("application/problem+json");
	}

	@Test
	void problemsSpeakChineseFirstAndEnglishOnRequest() {
		Api.Response chinese = this.anonymous.post("/api/v1/auth/token",
				Map.of("username", "admin", "password", "Wrong-Password-1"));
		Api.Response english = this.anonymous.withHeader("Accept-Language", "en-US,en;q=0.9")
			.post("/api/v1/auth/token", Map.of("username", "admin", "password", "Wrong-Password-1"));

		assertThat(chinese.json().path("detail").asString()).isEqualTo("用户名或密码错误");
		assertThat(english.json().path("detail").asString()).isEqualTo("Wrong username or password");
	}

	@Test
	void dataScopeIsTheOwnSubtreePlusTheLeadersPortfolio() {
		long district = this.fixtures.unit("临江区", "REGION", null);
		long street = this.fixtures.unit("江滨街道", "STREET", district);
		long community = this.fixtures.unit("望江社区", "COMMUNITY", street);
		long bureau = this.fixtures.unit("文旅局", "DEPARTMENT", district);
		long other = this.fixtures.unit("农业农村局", "DEPARTMENT", district);

		DataScope operator = scopeOf(this.fixtures.user(street, "UNIT_OPERATOR"));
		long office = this.fixtures.unit("区政府办", "DEPARTMENT", district);
		DataScope leader = scopeOf(this.fixtures.user(office, List.of(bureau), "LEADER"));
		DataScope supervisor = scopeOf(this.fixtures.user(district, "SUPERVISOR"));
		DataScope viewer = scopeOf(this.fixtures.user(district, "VIEWER"));

		assertThat(operator.unitIds()).containsExactlyInAnyOrder(street, community);
		assertThat(leader.includesUnit(bureau)).isTrue();
		assertThat(leader.includesUnit(office)).isTrue();
		assertThat(leader.includesUnit(other)).isFalse();
		assertThat(supervisor.all()).isTrue();
		assertThat(viewer.all()).isFalse();
		assertThat(viewer.unitIds()).isEmpty();
	}

	private DataScope scopeOf(String username) {
		Api api = this.anonymous.as(username, Api.PASSWORD);
		long accountId = api.get("/api/v1/users/me").id();
		Api.Response me = this.admin.get("/api/v1/users/" + accountId);
		return this.dataScopes.of(new CurrentUser(accountId, username, "", me.json().path("personId").asLong(),
				me.json().path("unitId").asLong(), java.util.Set
					.copyOf(me.json().path("roles").valueStream().map((r) -> Role.valueOf(r.asString())).toList())));
	}

	private int tokenStatus(String username, String password) {
		return this.anonymous.post("/api/v1/auth/token", Map.of("username", username, "password", password)).status();
	}

}
