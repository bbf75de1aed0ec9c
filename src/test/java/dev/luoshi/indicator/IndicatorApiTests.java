package dev.luoshi.indicator;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.luoshi.shared.DomainException;
import dev.luoshi.test.Api;
import dev.luoshi.test.DatabaseTest;
import dev.luoshi.test.Fixtures;
import dev.luoshi.test.Ledgers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Indicators and land efficiency over the API: who may enter what, upserts and growth,
 * refused periods and ledgers, and scores checked against hand-calculated values.
 */
@DatabaseTest
class IndicatorApiTests {

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private static final AtomicLong CREDIT = new AtomicLong(System.nanoTime() % 1_000_000_000L);

	@LocalServerPort
	int port;

	@Autowired
	Indicators indicators;

	@Autowired
	LandEfficiency landEfficiency;

	Api supervisor;

	Api operator;

	Api viewer;

	Fixtures fixtures;

	long district;

	long street;

	long otherStreet;

	String streetName;

	String code;

	String name;

	String otherStreetName;

	@BeforeEach
	void setUp() {
		Api admin = new Api(this.port).asAdmin();
		this.fixtures = new Fixtures(admin);
		this.district = this.fixtures.unit("临江区", "REGION", null);
		this.streetName = Fixtures.unique("江滨街道");
		this.street = this.fixtures.unit(this.streetName, "STREET", this.district);
		this.otherStreetName = Fixtures.unique("老城街道");
		this.otherStreet = this.fixtures.unit(this.otherStreetName, "STREET", this.district);
		this.supervisor = new Api(this.port).as(this.fixtures.user(this.district, "SUPERVISOR"), Api.PASSWORD);
		this.operator = new Api(this.port).as(this.fixtures.user(this.street, "UNIT_OPERATOR"), Api.PASSWORD);
		this.viewer = new Api(this.port).as(this.fixtures.user(this.district, "VIEWER"), Api.PASSWORD);
		this.code = Fixtures.unique("GDP").toUpperCase();
		this.name = Fixtures.unique("地区生产总值");
		Api.Response created = this.supervisor.post("/api/v1/indicators",
				Map.of("code", this.code, "name", this.name, "unit", "亿元"));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
	}

	@Test
	void everyoneSignedInReadsTheCatalogueOnlyTheOfficeExtendsIt() {
		assertThat(new Api(this.port).get("/api/v1/indicators").status()).isEqualTo(401);
		assertThat(new Api(this.port).put("/api/v1/indicator-values", entry("2026", 1, null)).status()).isEqualTo(401);
		List<String> codes = new java.util.ArrayList<>();
		this.viewer.get("/api/v1/indicators")
			.json()
			.forEach((indicator) -> codes.add(indicator.path("code").asString()));
		assertThat(codes).contains(this.code);
		assertThat(this.operator.post("/api/v1/indicators", Map.of("code", "X1", "name", "x", "unit", "元")).status())
			.isEqualTo(403);
		assertThat(this.supervisor.post("/api/v1/indicators", Map.of("code", this.code, "name", "重复", "unit", "亿元"))
			.status()).isEqualTo(409);
	}

	@Test
	void aValueIsUpsertedAndItsGrowthComputedFromLastYearUnlessEntered() {
		assertThat(put(Map.of("indicator", this.code, "regionId", this.street, "period", "2025Q1", "actual", 100))
			.status()).isEqualTo(200);
		JsonNode value = put(Map.of("indicator", this.code, "regionId", this.street, "period", "2026q1", "target", 120,
				"actual", new BigDecimal("110.5")))
			.json();
		assertThat(value.path("period").asString()).isEqualTo("2026Q1");
		assertThat(value.path("growth").decimalValue()).isEqualByComparingTo("10.50");
		assertThat(value.path("growthComputed").asBoolean()).isTrue();
		assertThat(value.path("completion").decimalValue()).isEqualByComparingTo("92.08");
		assertThat(value.path("regionName").asString()).isEqualTo(this.streetName);

		JsonNode changed = put(Map.of("indicator", this.code, "regionId", this.street, "period", "2026Q1", "actual",
				115, "version", value.path("version").asInt()))
			.json();
		assertThat(changed.path("target").decimalValue()).isEqualByComparingTo("120");
		assertThat(changed.path("growth").decimalValue()).isEqualByComparingTo("15.00");
		assertThat(changed.path("id").asLong()).isEqualTo(value.path("id").asLong());
		assertThat(put(Map.of("indicator", this.code, "regionId", this.street, "period", "2026Q1", "actual", 1,
				"version", value.path("version").asInt()))
			.status()).isEqualTo(409);

		JsonNode entered = put(Map.of("indicator", this.code, "regionId", this.street, "period", "2026Q1", "growth",
				new BigDecimal("9.8")))
			.json();
		assertThat(entered.path("growth").decimalValue()).isEqualByComparingTo("9.8");
		assertThat(entered.path("growthComputed").asBoolean()).isFalse();
		JsonNode found = this.viewer
			.get("/api/v1/indicator-values?indicator=" + this.code + "&regionId=" + this.street + "&period=2026Q1")
			.json();
		assertThat(found.path("total").asLong()).isEqualTo(1);
		assertThat(found.path("items").get(0).path("actual").decimalValue()).isEqualByComparingTo("115");
	}

	@Test
	void operatorsEnterOnlyForRegionsInTheirScope() {
		assertThat(this.operator.put("/api/v1/indicator-values", entry("2026-03", this.street, "12.5")).status())
			.isEqualTo(200);
		assertThat(this.operator.put("/api/v1/indicator-values", entry("2026-03", this.otherStreet, "1")).status())
			.isEqualTo(403);
		assertThat(this.operator.put("/api/v1/indicator-values", entry("2026-03", this.district, "1")).status())
			.isEqualTo(403);
		assertThat(this.viewer.put("/api/v1/indicator-values", entry("2026-03", this.street, "1")).status())
			.isEqualTo(403);
	}

	@Test
	void aBadPeriodOrUnknownReferenceIsRefusedNamingTheField() {
		for (String period : List.of("2026Q5", "2026-13", "26Q1", "2026年")) {
			Api.Response refused = put(entry(period, this.street, "1"));
			assertThat(refused.status()).as(period).isEqualTo(400);
			assertThat(refused.json().path("errors").get(0).path("field").asString()).isEqualTo("period");
		}
		Map<String, Object> unknown = new HashMap<>(entry("2026", this.street, "1"));
		unknown.put("indicator", "NO-SUCH");
		assertThat(put(unknown).json().path("errors").get(0).path("field").asString()).isEqualTo("indicator");
		assertThat(put(entry("2026", 987654321L, "1")).json().path("errors").get(0).path("field").asString())
			.isEqualTo("regionId");
		assertThat(this.viewer.get("/api/v1/indicator-values?indicator=NO-SUCH").status()).isEqualTo(404);
		assertThat(this.viewer.get("/api/v1/indicator-values?period=2026-1").status()).isEqualTo(400);
	}

	@Test
	void aLedgerWithOneBadRowIsRefusedWholeAndAGoodOneStored() throws IOException {
		List<String> headings = List.of("指标编码", "地区", "期间", "目标值", "实际值", "同比增长%");
		byte[] bad = ledger(headings, List.of(this.code, this.streetName, "2026Q2", "150", "140", "6.5"),
				List.of(this.code, this.streetName, "二季度", "150", "140", ""),
				List.of(this.code, "没有这个街道", "2026Q2", "150", "", ""),
				List.of("NO-SUCH", this.streetName, "2026Q3", "", "abc", ""));

		Api.Response refused = this.supervisor.upload("/api/v1/indicator-values/import", "指标.xlsx", XLSX, bad);

		assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
		JsonNode errors = refused.json().path("errors");
		assertThat(errors.size()).isEqualTo(4);
		assertThat(errors.get(0).path("row").asInt()).isEqualTo(4);
		assertThat(errors.get(0).path("column").asString()).isEqualTo("期间");
		assertThat(errors.get(1).path("row").asInt()).isEqualTo(5);
		assertThat(errors.get(1).path("column").asString()).isEqualTo("地区");
		assertThat(errors.get(2).path("row").asInt()).isEqualTo(6);
		assertThat(errors.get(2).path("column").asString()).isEqualTo("指标编码");
		assertThat(errors.get(3).path("column").asString()).isEqualTo("实际值");
		assertThat(this.viewer.get("/api/v1/indicator-values?indicator=" + this.code).json().path("total").asLong())
			.isZero();

		byte[] good = ledger(List.of("指标", "地区", "期间", "目标值", "实际值", "同比增长（%）"),
				List.of(this.name, this.streetName, "2026年二季度", "150", "140.25", "6.5%"),
				List.of(this.name, this.streetName, "2026年3月", "", "48", ""));
		Api.Response imported = this.supervisor.upload("/api/v1/indicator-values/import", "指标.xlsx", XLSX, good);
		assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
		assertThat(imported.json().path("imported").asInt()).isEqualTo(2);
		Map<Long, Achievement> q2 = this.indicators.achievements(this.code, "2026Q2");
		assertThat(q2.get(this.street).actual()).isEqualByComparingTo("140.25");
		JsonNode march = this.viewer.get("/api/v1/indicator-values?indicator=" + this.code + "&period=2026-03").json();
		assertThat(march.path("items").get(0).path("actual").decimalValue()).isEqualByComparingTo("48");

		byte[] outside = ledger(headings, List.of(this.code, this.streetName, "2026Q3", "", "1", ""),
				List.of(this.code, this.otherStreetName, "2026Q3", "", "1", ""));
		Api.Response scoped = this.operator.upload("/api/v1/indicator-values/import", "指标.xlsx", XLSX, outside);
		assertThat(scoped.status()).isEqualTo(400);
		assertThat(scoped.json().path("errors").size()).isEqualTo(1);
		assertThat(this.indicators.achievements(this.code, "2026Q3")).isEmpty();
	}

	@Test
	void achievementsGiveEachRegionsTargetAndActualForExactlyThatPeriod() {
		put(Map.of("indicator", this.code, "regionId", this.street, "period", "2026Q1", "target", 120, "actual", 115));
		put(Map.of("indicator", this.code, "regionId", this.otherStreet, "period", "2026Q1", "target", 80));
		put(Map.of("indicator", this.code, "regionId", this.district, "period", "2026", "target", 600));

		Map<Long, Achievement> achievements = this.indicators.achievements(this.code, "2026Q1");

		assertThat(achievements).containsOnlyKeys(this.street, this.otherStreet);
		assertThat(achievements.get(this.street).target()).isEqualByComparingTo("120");
		assertThat(achievements.get(this.street).actual()).isEqualByComparingTo("115");
		assertThat(achievements.get(this.otherStreet).target()).isEqualByComparingTo("80");
		assertThat(achievements.get(this.otherStreet).actual()).isNull();
		assertThatThrownBy(() -> this.indicators.achievements("NO-SUCH", "2026Q1"))
			.isInstanceOf(DomainException.NotFound.class)
			.hasMessageContaining("NO-SUCH");
	}

	@Test
	void anEnterpriseIsScoredPerMuAndClassifiedAsCalculatedByHand() {
		assertThat(this.supervisor.post("/api/v1/enterprises", enterprise(this.street, "0")).status()).isEqualTo(400);
		long id = this.supervisor.post("/api/v1/enterprises", enterprise(this.street, "50")).id();
		assertThat(this.operator.put("/api/v1/enterprises/" + id + "/figures/2025", figures("1", "1", "1")).status())
			.isEqualTo(200);
		assertThat(new Api(this.port).as(this.fixtures.user(this.otherStreet, "UNIT_OPERATOR"), Api.PASSWORD)
			.put("/api/v1/enterprises/" + id + "/figures/2025", figures("1", "1", "1"))
			.status()).isEqualTo(403);

		JsonNode scored = this.supervisor
			.put("/api/v1/enterprises/" + id + "/figures/2025", figures("10000000", "150000000", "2000"))
			.json();

		// 亩均税收 10,000,000 / 50 = 200,000 (66.6667 of 100 against 300,000, weight 50);
		// 亩均产值 150,000,000 / 50 = 3,000,000 (60 against 5,000,000, weight 30);
		// 单位能耗产值 150,000,000 / 2,000 = 75,000 (capped at 100 against 50,000, weight 20):
		// (50 × 66.6667 + 30 × 60 + 20 × 100) / 100 = 71.33, class B.
		assertThat(scored.path("taxPerMu").decimalValue()).isEqualByComparingTo("200000.00");
		assertThat(scored.path("outputPerMu").decimalValue()).isEqualByComparingTo("3000000.00");
		assertThat(scored.path("outputPerEnergy").decimalValue()).isEqualByComparingTo("75000.00");
		assertThat(scored.path("score").decimalValue()).isEqualByComparingTo("71.33");
		assertThat(scored.path("grade").asString()).isEqualTo("B");
		JsonNode listed = this.viewer.get("/api/v1/enterprises?year=2025&unitId=" + this.street + "&grade=B").json();
		assertThat(listed.path("total").asLong()).isEqualTo(1);
		assertThat(listed.path("items").get(0).path("id").asLong()).isEqualTo(id);
		assertThat(listed.path("grades").path("B").asLong()).isEqualTo(1);
		assertThat(this.viewer.get("/api/v1/enterprises?year=2025&unitId=" + this.street + "&grade=A")
			.json()
			.path("total")
			.asLong()).isZero();
	}

	@Test
	void aUnitsLandEfficiencyIsTheLandWeightedMeanOfItsEnterprisesScores() {
		long good = this.supervisor.post("/api/v1/enterprises", enterprise(this.street, "50")).id();
		long poor = this.supervisor.post("/api/v1/enterprises", enterprise(this.street, "150")).id();
		long old = this.supervisor.post("/api/v1/enterprises", enterprise(this.street, "1000")).id();
		this.supervisor.put("/api/v1/enterprises/" + good + "/figures/2025", figures("10000000", "150000000", "2000"));
		// 10,000 (3.3333) / 200,000 (4) / 10,000 (20): (166.6667 + 120 + 400) / 100 =
		// 6.87, D
		JsonNode scored = this.supervisor
			.put("/api/v1/enterprises/" + poor + "/figures/2025", figures("1500000", "30000000", "3000"))
			.json();
		this.supervisor.put("/api/v1/enterprises/" + old + "/figures/2024", figures("1", "1", "1"));
		assertThat(scored.path("score").decimalValue()).isEqualByComparingTo("6.87");
		assertThat(scored.path("grade").asString()).isEqualTo("D");

		Map<Long, BigDecimal> scores = this.landEfficiency.unitScores(2025);

		// (71.33 × 50 + 6.87 × 150) / 200 = 22.985, rounded half up
		assertThat(scores.get(this.street)).isEqualByComparingTo("22.99");
		assertThat(scores).doesNotContainKey(this.otherStreet);
	}

	private Api.Response put(Map<String, Object> body) {
		return this.supervisor.put("/api/v1/indicator-values", body);
	}

	private Map<String, Object> entry(String period, long regionId, String actual) {
		return Map.of("indicator", this.code, "regionId", regionId, "period", period, "actual",
				new BigDecimal((actual != null) ? actual : "1"));
	}

	private static Map<String, Object> enterprise(long unitId, String land) {
		String code = "91330100" + String.format("%010d", CREDIT.incrementAndGet() % 10_000_000_000L);
		return Map.of("code", code, "name", Fixtures.unique("临江精密机械有限公司"), "unitId", unitId, "industry", "通用设备制造业",
				"landArea", new BigDecimal(land));
	}

	private static Map<String, Object> figures(String tax, String output, String energy) {
		return Map.of("taxPaid", new BigDecimal(tax), "outputValue", new BigDecimal(output), "energyUse",
				new BigDecimal(energy));
	}

	@SafeVarargs
	private static byte[] ledger(List<String> headings, List<String>... rows) throws IOException {
		return Ledgers.workbook("指标", "2026年临江区主要经济指标", (heading) -> heading.equals("期间") || heading.equals("地区"),
				headings, rows);
	}

}
