package dev.luoshi.evaluation;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZonedDateTime;
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

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Selection rounds of exemplary cadres over HTTP, with the clock on Monday 2026-11-16:
 * the office opens a round, unit heads nominate people of their units with deeds and
 * evidence, the office closes, decides within the quota and publishes.
 */
@DatabaseTest
class NominationApiTests {

	@LocalServerPort
	int port;

	@Autowired
	TestClock clock;

	Api admin;

	Api supervisor;

	Api leader;

	Api streetHead;

	String streetHeadName;

	Api departmentHead;

	Api streetOperator;

	Api observer;

	long street;

	long department;

	long streetCadre;

	long streetDeputy;

	long departmentCadre;

	@BeforeEach
	void setUp() {
		this.clock.set(ZonedDateTime.of(2026, 11, 16, 9, 0, 0, 0, ZoneId.of("Asia/Shanghai")));
		this.admin = new Api(this.port).asAdmin();
		Fixtures fixtures = new Fixtures(this.admin);
		long district = fixtures.unit("临江区", "REGION", null);
		this.street = fixtures.unit("江滨街道", "STREET", district);
		long community = fixtures.unit("望江社区", "COMMUNITY", this.street);
		this.department = fixtures.unit("区住建局", "DEPARTMENT", district);
		this.supervisor = new Api(this.port).as(fixtures.user(district, "SUPERVISOR"), Api.PASSWORD);
		this.leader = new Api(this.port).as(fixtures.user(district, "LEADER"), Api.PASSWORD);
		this.streetHeadName = fixtures.user(this.street, "UNIT_HEAD");
		this.streetHead = new Api(this.port).as(this.streetHeadName, Api.PASSWORD);
		this.departmentHead = new Api(this.port).as(fixtures.user(this.department, "UNIT_HEAD"), Api.PASSWORD);
		this.streetOperator = new Api(this.port).as(fixtures.user(this.street, "UNIT_OPERATOR"), Api.PASSWORD);
		this.observer = new Api(this.port).as(fixtures.user(district, "VIEWER"), Api.PASSWORD);
		this.streetCadre = person("黎红梅", community, "社区书记");
		this.streetDeputy = person("范琪", this.street, "副主任");
		this.departmentCadre = person("萧敏", this.department, "科长");
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void aRoundRunsFromNominationsThroughTheOfficesSelectionToPublishedResults() {
		long round = open(2);
		Api.Response nominated = nominate(this.streetHead, round, this.streetCadre);
		assertThat(nominated.status()).as(nominated.toString()).isEqualTo(201);
		assertThat(nominated.json().path("status").asString()).isEqualTo("PENDING");
		assertThat(nominated.json().path("nominatingUnitId").asLong()).isEqualTo(this.street);
		long cadre = nominated.id();
		long deputy = nominate(this.streetHead, round, this.streetDeputy).id();
		long departmental = nominate(this.departmentHead, round, this.departmentCadre).id();

		Api.Response evidence = this.streetHead.upload("/api/v1/nominations/" + cadre + "/evidence", "表彰决定.pdf",
				"application/pdf", "%PDF-1.4 区委表彰决定".getBytes(StandardCharsets.UTF_8));
		assertThat(evidence.status()).as(evidence.toString()).isEqualTo(201);
		assertThat(this.departmentHead
			.upload("/api/v1/nominations/" + cadre + "/evidence", "x.pdf", "application/pdf",
					"%PDF-1.4".getBytes(StandardCharsets.UTF_8))
			.status()).as("another unit's nomination").isEqualTo(403);
		assertThat(this.streetHead
			.upload("/api/v1/nominations/" + cadre + "/evidence", "x.pdf", "application/pdf",
					"not a pdf".getBytes(StandardCharsets.UTF_8))
			.status()).as("content that is not what it claims").isEqualTo(400);
		JsonNode files = this.leader.get("/api/v1/nominations/" + cadre + "/evidence").json();
		assertThat(files).hasSize(1);
		assertThat(files.get(0).path("fileName").asString()).isEqualTo("表彰决定.pdf");
		assertThat(this.leader.get("/api/v1/nomination-files/" + files.get(0).path("id").asLong()).text())
			.startsWith("%PDF");

		assertThat(this.supervisor.post("/api/v1/nominations/" + cadre + "/decide", Map.of("selected", true)).status())
			.as("decisions wait until nominations are closed")
			.isEqualTo(409);
		assertThat(this.supervisor.post("/api/v1/nomination-rounds/" + round + "/publish", Map.of()).status())
			.as("OPEN cannot be published")
			.isEqualTo(409);
		Api.Response closed = this.supervisor.post("/api/v1/nomination-rounds/" + round + "/close", Map.of());
		assertThat(closed.json().path("status").asString()).isEqualTo("CLOSED");
		assertThat(this.supervisor.post("/api/v1/nomination-rounds/" + round + "/close", Map.of()).status())
			.isEqualTo(409);
		assertThat(nominate(this.departmentHead, round, person("另一人", this.department, null)).status())
			.as("a closed round takes no nominations")
			.isEqualTo(409);
		assertThat(this.streetHead
			.upload("/api/v1/nominations/" + cadre + "/evidence", "y.pdf", "application/pdf",
					"%PDF-1.4".getBytes(StandardCharsets.UTF_8))
			.status()).isEqualTo(409);

		assertThat(decide(this.streetHead, cadre, true).status()).isEqualTo(403);
		assertThat(decide(this.supervisor, cadre, true).json().path("status").asString()).isEqualTo("SELECTED");
		assertThat(decide(this.supervisor, departmental, true).status()).isEqualTo(200);
		Api.Response overQuota = decide(this.supervisor, deputy, true);
		assertThat(overQuota.status()).as("a quota of two").isEqualTo(409);
		assertThat(overQuota.json().path("detail").asString()).contains("2");
		assertThat(this.supervisor.post("/api/v1/nomination-rounds/" + round + "/publish", Map.of()).status())
			.as("one nomination is undecided")
			.isEqualTo(409);
		assertThat(decide(this.supervisor, deputy, false).json().path("status").asString()).isEqualTo("NOT_SELECTED");
		assertThat(statuses(this.streetHead, round)).as("the unit does not see decisions before publication")
			.containsOnly("PENDING");

		Api.Response published = this.supervisor.post("/api/v1/nomination-rounds/" + round + "/publish", Map.of());
		assertThat(published.json().path("status").asString()).isEqualTo("PUBLISHED");
		assertThat(published.json().path("selected").asInt()).isEqualTo(2);
		assertThat(this.supervisor.post("/api/v1/nomination-rounds/" + round + "/close", Map.of()).status())
			.isEqualTo(409);
		assertThat(decide(this.supervisor, cadre, false).status()).as("a published result stands").isEqualTo(409);
		assertThat(statuses(this.streetHead, round)).as("its own two, and the other unit's selected cadre")
			.containsExactlyInAnyOrder("SELECTED", "NOT_SELECTED", "SELECTED");
		JsonNode seenByAll = this.observer.get("/api/v1/nominations?roundId=" + round).json();
		assertThat(seenByAll.valueStream().map((n) -> n.path("personName").asString())).containsExactlyInAnyOrder("黎红梅",
				"萧敏");

		JsonNode trail = this.admin.get("/api/v1/audit?entityType=nomination&entityId=" + cadre).json();
		assertThat(trail.toString()).contains("CREATED", "EVIDENCE_ATTACHED", "SELECTED");
		assertThat(this.admin.get("/api/v1/audit?entityType=nomination-round&entityId=" + round).json().toString())
			.contains("CREATED", "CLOSED", "PUBLISHED");
		JsonNode awards = this.streetHead.get("/api/v1/people/" + this.streetCadre + "/record?year=2026")
			.json()
			.path("awards");
		assertThat(awards).hasSize(1);
		assertThat(awards.get(0).path("roundName").asString()).isEqualTo("2026年度担当作为好干部");
	}

	@Test
	void beforePublicationOnlyTheOfficeLeadersAndTheUnitsConcernedSeeNominations() {
		long round = open(3);
		long cadre = nominate(this.streetHead, round, this.streetCadre).id();

		assertThat(names(this.supervisor, round)).containsExactly("黎红梅");
		assertThat(names(this.leader, round)).containsExactly("黎红梅");
		assertThat(names(this.streetOperator, round)).containsExactly("黎红梅");
		assertThat(names(this.departmentHead, round)).isEmpty();
		assertThat(names(this.observer, round)).isEmpty();
		assertThat(this.departmentHead.get("/api/v1/nominations/" + cadre).status()).isEqualTo(403);
		assertThat(this.observer.get("/api/v1/nomination-rounds/" + round).json().path("nominations").asInt())
			.isEqualTo(1);
		assertThat(this.streetHead.get("/api/v1/nominations/" + cadre + "/evidence").status()).isEqualTo(200);
		assertThat(this.departmentHead.get("/api/v1/nominations/" + cadre + "/evidence").status()).isEqualTo(403);
	}

	@Test
	void aUnitHeadNominatesOnlyPeopleOfTheirUnitsOncePerRoundAndUntilTheDeadline() {
		long round = open(3);

		assertThat(nominate(this.streetHead, round, this.departmentCadre).status()).as("outside the data scope")
			.isEqualTo(403);
		assertThat(nominate(this.streetOperator, round, this.streetCadre).status()).as("an operator does not nominate")
			.isEqualTo(403);
		assertThat(nominate(this.streetHead, round, this.streetCadre).status()).isEqualTo(201);
		Api.Response twice = nominate(this.supervisor, round, this.streetCadre);
		assertThat(twice.status()).isEqualTo(409);
		assertThat(twice.json().path("detail").asString()).contains("黎红梅");

		Api.Response noDeeds = this.streetHead.post("/api/v1/nominations",
				Map.of("roundId", round, "personId", this.streetDeputy, "deeds", " "));
		assertThat(noDeeds.status()).isEqualTo(400);
		assertThat(noDeeds.json().path("errors").get(0).path("field").asString()).isEqualTo("deeds");
		Api.Response unknownPerson = this.streetHead.post("/api/v1/nominations",
				Map.of("roundId", round, "personId", 999_999_999L, "deeds", "事迹"));
		assertThat(unknownPerson.status()).isEqualTo(400);
		assertThat(unknownPerson.json().path("errors").get(0).path("field").asString()).isEqualTo("personId");

		this.clock.set(ZonedDateTime.of(2026, 12, 1, 9, 0, 0, 0, ZoneId.of("Asia/Shanghai")));
		this.streetHead = new Api(this.port).as(this.streetHeadName, Api.PASSWORD);
		Api.Response late = nominate(this.streetHead, round, this.streetDeputy);
		assertThat(late.status()).as("after the deadline of 2026-11-30").isEqualTo(409);
		assertThat(late.json().path("detail").asString()).contains("2026-11-30");
	}

	@Test
	void onlyTheOfficeOpensRoundsAndBadInputNamesTheField() {
		Map<String, Object> body = Map.of("year", 2026, "name", "2026年度担当作为好干部", "deadline", "2026-11-30", "quota", 3);
		assertThat(this.streetHead.post("/api/v1/nomination-rounds", body).status()).isEqualTo(403);
		assertThat(this.leader.post("/api/v1/nomination-rounds", body).status()).isEqualTo(403);

		Api.Response noQuota = this.supervisor.post("/api/v1/nomination-rounds",
				Map.of("year", 2026, "name", "评选", "deadline", "2026-11-30", "quota", 0));
		assertThat(noQuota.status()).isEqualTo(400);
		assertThat(noQuota.json().path("errors").get(0).path("field").asString()).isEqualTo("quota");
		Api.Response past = this.supervisor.post("/api/v1/nomination-rounds",
				Map.of("year", 2026, "name", "评选", "deadline", "2026-11-01", "quota", 3));
		assertThat(past.status()).isEqualTo(400);
		assertThat(past.json().path("errors").get(0).path("field").asString()).isEqualTo("deadline");
		assertThat(this.supervisor.get("/api/v1/nomination-rounds/999999999").status()).isEqualTo(404);
		assertThat(this.supervisor.post("/api/v1/nominations/999999999/decide", Map.of("selected", true)).status())
			.isEqualTo(404);
		Api.Response noRound = this.streetHead.post("/api/v1/nominations",
				Map.of("roundId", 999_999_999L, "personId", this.streetCadre, "deeds", "事迹"));
		assertThat(noRound.status()).isEqualTo(400);
		assertThat(noRound.json().path("errors").get(0).path("field").asString()).isEqualTo("roundId");
	}

	private long open(int quota) {
		Api.Response opened = this.supervisor.post("/api/v1/nomination-rounds",
				Map.of("year", 2026, "name", "2026年度担当作为好干部", "deadline", "2026-11-30", "quota", quota));
		assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
		assertThat(opened.json().path("status").asString()).isEqualTo("OPEN");
		return opened.id();
	}

	private long person(String name, long unit, String title) {
		Map<String, Object> body = new java.util.HashMap<>(Map.of("name", name, "unitId", unit));
		if (title != null) {
			body.put("title", title);
		}
		return this.admin.post("/api/v1/people", body).id();
	}

	private static Api.Response nominate(Api api, long round, long person) {
		return api.post("/api/v1/nominations",
				Map.of("roundId", round, "personId", person, "deeds", "牵头完成老旧小区改造 12 个，群众满意度 98%。"));
	}

	private static Api.Response decide(Api api, long nomination, boolean selected) {
		return api.post("/api/v1/nominations/" + nomination + "/decide",
				Map.of("selected", selected, "comment", selected ? "事迹突出" : "名额所限"));
	}

	private static List<String> statuses(Api api, long round) {
		return api.get("/api/v1/nominations?roundId=" + round)
			.json()
			.valueStream()
			.map((n) -> n.path("status").asString())
			.toList();
	}

	private static List<String> names(Api api, long round) {
		return api.get("/api/v1/nominations?roundId=" + round)
			.json()
			.valueStream()
			.map((n) -> n.path("personName").asString())
			.toList();
	}

}
