package dev.luoshi.audit;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.luoshi.test.Api;
import dev.luoshi.test.DatabaseTest;
import dev.luoshi.test.Fixtures;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@DatabaseTest
class AuditApiTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Api admin;

	Fixtures fixtures;

	@BeforeEach
	void signIn() {
		this.admin = new Api(this.port).asAdmin();
		this.fixtures = new Fixtures(this.admin);
	}

	@Test
	void everyChangeIsRecordedWithWhoWhenAndTheStatesBeforeAndAfter() {
		long unit = this.fixtures.unit("区财政局", "DEPARTMENT", null);
		this.admin.patch("/api/v1/units/" + unit, Map.of("name", "区财政局（国资委）", "version", 0));

		Api.Response events = this.admin.get("/api/v1/audit?entityType=unit&entityId=" + unit);

		assertThat(events.status()).isEqualTo(200);
		assertThat(events.json().path("total").asLong()).isEqualTo(2);
		var updated = events.json().path("items").get(0);
		assertThat(updated.path("action").asString()).isEqualTo("UPDATED");
		assertThat(updated.path("actor").asString()).isEqualTo("admin");
		assertThat(updated.path("before").path("name").asString()).isEqualTo("区财政局");
		assertThat(updated.path("after").path("name").asString()).isEqualTo("区财政局（国资委）");
		assertThat(updated.path("digest").asString()).hasSize(64);
		assertThat(updated.path("at").asString()).isNotBlank();
		assertThat(events.json().path("items").get(1).path("action").asString()).isEqualTo("CREATED");
	}

	@Test
	void aRefusedChangeLeavesNoEvent() {
		long unit = this.fixtures.unit("区商务局", "DEPARTMENT", null);
		long before = this.admin.get("/api/v1/audit").json().path("total").asLong();

		assertThat(this.admin.patch("/api/v1/units/" + unit, Map.of("name", "x", "version", 7)).status())
			.isEqualTo(409);

		assertThat(this.admin.get("/api/v1/audit").json().path("total").asLong()).isEqualTo(before);
	}

	@Test
	void onlyAdministratorsAndTheSupervisionOfficeReadTheTrail() {
		long unit = this.fixtures.unit("区统计局", "DEPARTMENT", null);
		Api operator = new Api(this.port).as(this.fixtures.user(unit, "UNIT_OPERATOR"), Api.PASSWORD);
		Api supervisor = new Api(this.port).as(this.fixtures.user(unit, "SUPERVISOR"), Api.PASSWORD);

		assertThat(operator.get("/api/v1/audit").status()).isEqualTo(403);
		assertThat(operator.get("/api/v1/audit/verify").status()).isEqualTo(403);
		assertThat(supervisor.get("/api/v1/audit").status()).isEqualTo(200);
		assertThat(supervisor.get("/api/v1/audit/verify").json().path("valid").asBoolean()).isTrue();
	}

	@Test
	void alteringOneStoredEventIsDetected() {
		long unit = this.fixtures.unit("区应急管理局", "DEPARTMENT", null);
		this.fixtures.unit("区交通运输局", "DEPARTMENT", null);
		assertThat(this.admin.get("/api/v1/audit/verify").json().path("valid").asBoolean()).isTrue();
		long seq = this.admin.get("/api/v1/audit?entityType=unit&entityId=" + unit)
			.json()
			.path("items")
			.get(0)
			.path("seq")
			.asLong();
		String original = this.jdbc.sql("select after_state from audit_event where seq = ?")
			.param(seq)
			.query(String.class)
			.single();

		this.jdbc.sql("update audit_event set after_state = ? where seq = ?")
			.params(original.replace("区应急管理局", "区应急局"), seq)
			.update();
		try {
			Api.Response verification = this.admin.get("/api/v1/audit/verify");

			assertThat(verification.json().path("valid").asBoolean()).isFalse();
			assertThat(verification.json().path("firstBrokenAt").asLong()).isEqualTo(seq);
		}
		finally {
			this.jdbc.sql("update audit_event set after_state = ? where seq = ?").params(original, seq).update();
		}
		assertThat(this.admin.get("/api/v1/audit/verify").json().path("valid").asBoolean()).isTrue();
	}

}
