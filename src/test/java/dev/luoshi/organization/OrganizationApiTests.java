package dev.luoshi.organization;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.luoshi.test.Api;
import dev.luoshi.test.DatabaseTest;
import dev.luoshi.test.Fixtures;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@DatabaseTest
class OrganizationApiTests {

	@LocalServerPort
	int port;

	Api admin;

	Fixtures fixtures;

	@BeforeEach
	void signIn() {
		this.admin = new Api(this.port).asAdmin();
		this.fixtures = new Fixtures(this.admin);
	}

	@Test
	void unitHasItsPathFromTheRoot() {
		long district = this.fixtures.unit("临江区", "REGION", null);
		long street = this.fixtures.unit("江滨街道", "STREET", district);
		long community = this.fixtures.unit("望江社区", "COMMUNITY", street);

		Api.Response response = this.admin.get("/api/v1/units/" + community);

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().path("path").valueStream().map((node) -> node.path("name").asString()))
			.containsExactly("临江区", "江滨街道", "望江社区");
		assertThat(response.json().path("parentId").asLong()).isEqualTo(street);
		assertThat(response.json().path("depth").asInt()).isEqualTo(2);
	}

	@Test
	void aSubtreeHoldsTheUnitsBelowAtEveryDepth(@Autowired Organization organization) {
		long district = this.fixtures.unit("临江区", "REGION", null);
		long street = this.fixtures.unit("江滨街道", "STREET", district);
		long otherStreet = this.fixtures.unit("江北街道", "STREET", district);
		long community = this.fixtures.unit("望江社区", "COMMUNITY", street);
		long estate = this.fixtures.unit("望江小区", "OTHER", community);
		long block = this.fixtures.unit("望江小区一期", "OTHER", estate);
		long neighbour = this.fixtures.unit("滨江社区", "COMMUNITY", street);

		assertThat(organization.subtree(street)).containsExactlyInAnyOrder(street, community, estate, block, neighbour);
		assertThat(organization.subtree(community)).containsExactlyInAnyOrder(community, estate, block);
		assertThat(organization.subtree(estate)).containsExactlyInAnyOrder(estate, block);
		assertThat(organization.subtree(block)).containsExactly(block);
		assertThat(organization.subtree(otherStreet)).containsExactly(otherStreet);
		assertThat(organization.subtrees(List.of(estate, neighbour))).containsExactlyInAnyOrder(estate, block,
				neighbour);
	}

	@Test
	void movingAUnitCarriesItsSubtreeAndKeepsPathsRight() {
		long district = this.fixtures.unit("临江区", "REGION", null);
		long oldStreet = this.fixtures.unit("老城街道", "STREET", district);
		long newStreet = this.fixtures.unit("新城街道", "STREET", district);
		long community = this.fixtures.unit("东门社区", "COMMUNITY", oldStreet);
		long village = this.fixtures.unit("东门小区", "OTHER", community);
		int version = this.admin.get("/api/v1/units/" + community).json().path("version").asInt();

		Api.Response moved = this.admin.patch("/api/v1/units/" + community,
				Map.of("parentId", newStreet, "version", version));

		assertThat(moved.status()).isEqualTo(200);
		assertThat(names(this.admin.get("/api/v1/units/" + village))).containsExactly("临江区", "新城街道", "东门社区", "东门小区");
		assertThat(this.admin.get("/api/v1/units/" + village).json().path("depth").asInt()).isEqualTo(3);
		assertThat(this.admin.get("/api/v1/units?parentId=" + oldStreet).json().path("total").asLong()).isZero();
	}

	@Test
	void aUnitCannotMoveBelowItself() {
		long district = this.fixtures.unit("临江区", "REGION", null);
		long street = this.fixtures.unit("江滨街道", "STREET", district);
		int version = this.admin.get("/api/v1/units/" + district).json().path("version").asInt();

		Api.Response response = this.admin.patch("/api/v1/units/" + district,
				Map.of("parentId", street, "version", version));

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo("parentId");
	}

	@Test
	void aDuplicateCodeIsRefused() {
		String code = Fixtures.unique("DUP");
		assertThat(this.admin.post("/api/v1/units", Map.of("code", code, "name", "发改局", "kind", "DEPARTMENT")).status())
			.isEqualTo(201);

		Api.Response second = this.admin.post("/api/v1/units",
				Map.of("code", code, "name", "发展和改革局", "kind", "DEPARTMENT"));

		assertThat(second.status()).isEqualTo(409);
		assertThat(second.contentType()).startsWith("application/problem+json");
		assertThat(second.json().path("detail").asString()).contains(code);
	}

	@Test
	void aStaleVersionIsAConflict() {
		long unit = this.fixtures.unit("财政局", "DEPARTMENT", null);
		assertThat(this.admin.patch("/api/v1/units/" + unit, Map.of("name", "区财政局", "version", 0)).status())
			.isEqualTo(200);

		Api.Response stale = this.admin.patch("/api/v1/units/" + unit, Map.of("name", "财政局（旧）", "version", 0));

		assertThat(stale.status()).isEqualTo(409);
		assertThat(this.admin.get("/api/v1/units/" + unit).json().path("name").asString()).isEqualTo("区财政局");
	}

	@Test
	void badInputNamesTheField() {
		Api.Response missingKind = this.admin.post("/api/v1/units", Map.of("code", Fixtures.unique("X"), "name", "x"));
		Api.Response wrongKind = this.admin.post("/api/v1/units",
				Map.of("code", Fixtures.unique("X"), "name", "x", "kind", "PLANET"));
		Api.Response unknownParent = this.admin.post("/api/v1/units",
				Map.of("code", Fixtures.unique("X"), "name", "x", "kind", "OTHER", "parentId", 987654321));

		assertThat(missingKind.status()).isEqualTo(400);
		assertThat(missingKind.json().path("errors").get(0).path("field").asString()).isEqualTo("kind");
		assertThat(wrongKind.status()).isEqualTo(400);
		assertThat(wrongKind.json().path("errors").get(0).path("field").asString()).isEqualTo("kind");
		assertThat(unknownParent.status()).isEqualTo(400);
		assertThat(unknownParent.json().path("errors").get(0).path("field").asString()).isEqualTo("parentId");
	}

	@Test
	void onlyAdministratorsChangeTheTree() {
		long unit = this.fixtures.unit("住建局", "DEPARTMENT", null);
		Api operator = new Api(this.port).as(this.fixtures.user(unit, "UNIT_OPERATOR"), Api.PASSWORD);

		assertThat(operator.post("/api/v1/units", Map.of("code", Fixtures.unique("X"), "name", "x", "kind", "OTHER"))
			.status()).isEqualTo(403);
		assertThat(operator.get("/api/v1/units/" + unit).status()).isEqualTo(200);
	}

	@Test
	void aPersonNeedNotHaveAnAccountAndCanLeadAPortfolio() {
		long district = this.fixtures.unit("临江区", "REGION", null);
		long bureau = this.fixtures.unit("文旅局", "DEPARTMENT", district);
		Api.Response person = this.admin.post("/api/v1/people",
				Map.of("name", "周明", "unitId", district, "title", "副区长"));
		assertThat(person.status()).isEqualTo(201);

		Api.Response portfolio = this.admin.put("/api/v1/people/" + person.id() + "/portfolio",
				Map.of("unitIds", List.of(bureau)));
		Api.Response position = this.admin.post("/api/v1/people/" + person.id() + "/positions",
				Map.of("unitId", bureau, "title", "文旅突破攻坚专班组长"));

		assertThat(portfolio.status()).isEqualTo(200);
		assertThat(position.json().path("portfolioUnitIds").get(0).asLong()).isEqualTo(bureau);
		assertThat(position.json().path("positions").get(0).path("title").asString()).isEqualTo("文旅突破攻坚专班组长");
		assertThat(
				this.admin.get("/api/v1/people?unitId=" + district).json().path("items").get(0).path("name").asString())
			.isEqualTo("周明");
	}

	private static List<String> names(Api.Response unit) {
		return unit.json().path("path").valueStream().map((node) -> node.path("name").asString()).toList();
	}

}
