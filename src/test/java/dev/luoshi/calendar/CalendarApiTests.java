package dev.luoshi.calendar;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.luoshi.test.Api;
import dev.luoshi.test.DatabaseTest;
import dev.luoshi.test.Fixtures;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@DatabaseTest
class CalendarApiTests {

	@LocalServerPort
	int port;

	Api admin;

	@BeforeEach
	void signIn() {
		this.admin = new Api(this.port).asAdmin();
	}

	@Test
	void shiftingAndCountingFollowTheOfficialSchedule() {
		assertThat(
				this.admin.get("/api/v1/calendar/shift?date=2026-10-12&workingDays=-2").json().path("date").asString())
			.isEqualTo("2026-10-09");
		assertThat(
				this.admin.get("/api/v1/calendar/shift?date=2026-10-09&workingDays=-3").json().path("date").asString())
			.isEqualTo("2026-09-29");
		assertThat(this.admin.get("/api/v1/calendar/working-days?from=2026-09-20&to=2026-09-27")
			.json()
			.path("count")
			.asInt()).isEqualTo(5);
	}

	@Test
	void workingHoursSkipTheWeekend() {
		Api.Response response = this.admin
			.get("/api/v1/calendar/working-hours?from=2026-11-20T16:00:00%2B08:00&hours=8");

		assertThat(response.json().path("at").asString()).isEqualTo("2026-11-23T17:00:00+08:00");
	}

	@Test
	void badParametersNameTheParameter() {
		Api.Response badDate = this.admin.get("/api/v1/calendar/shift?date=2026-13-40&workingDays=1");
		Api.Response missing = this.admin.get("/api/v1/calendar/shift?date=2026-10-12");
		Api.Response huge = this.admin.get("/api/v1/calendar/shift?date=2026-10-12&workingDays=99999999");

		assertThat(badDate.status()).isEqualTo(400);
		assertThat(badDate.json().path("errors").get(0).path("field").asString()).isEqualTo("date");
		assertThat(missing.status()).isEqualTo(400);
		assertThat(huge.status()).isEqualTo(400);
		assertThat(huge.contentType()).startsWith("application/problem+json");
	}

	@Test
	void datesAtTheEndOfTimeAreRefusedNotOverflowed() {
		Api.Response span = this.admin.get("/api/v1/calendar/working-days?from=%2B999999999-12-31&to=2026-06-30");
		Api.Response shift = this.admin.get("/api/v1/calendar/shift?date=%2B999999999-12-31&workingDays=5");
		Api.Response hours = this.admin
			.get("/api/v1/calendar/working-hours?from=%2B999999999-12-31T10:00:00%2B08:00&hours=8");

		assertThat(span.status()).isEqualTo(400);
		assertThat(span.json().path("errors").get(0).path("field").asString()).isEqualTo("from");
		assertThat(shift.status()).isEqualTo(400);
		assertThat(shift.json().path("errors").get(0).path("field").asString()).isEqualTo("date");
		assertThat(hours.status()).isEqualTo(400);
	}

	@Test
	void anUnpublishedYearIsProvisionalUntilItsScheduleIsImported() {
		int year = 2031;
		assertThat(this.admin.get("/api/v1/calendar/" + year).json().path("provisional").asBoolean()).isTrue();
		assertThat(this.admin.get("/api/v1/calendar/working-days?from=2031-01-01&to=2031-01-03")
			.json()
			.path("count")
			.asInt()).isEqualTo(3);
		String file = """
				{"year": 2031, "papers": ["国办发明电〔2030〕1号"], "days": [
				  {"name": "元旦", "date": "2030-12-31", "isOffDay": true},
				  {"name": "元旦", "date": "2031-01-01", "isOffDay": true},
				  {"name": "元旦", "date": "2031-01-02", "isOffDay": true},
				  {"name": "元旦", "date": "2031-01-03", "isOffDay": true},
				  {"name": "元旦", "date": "2031-01-05", "isOffDay": false}
				]}""";

		Api.Response imported = this.admin.upload("/api/v1/calendar/import", "2031.json", "application/json",
				file.getBytes(StandardCharsets.UTF_8));

		assertThat(imported.status()).isEqualTo(200);
		assertThat(imported.json().path("provisional").asBoolean()).isFalse();
		assertThat(imported.json().path("holidays").size()).isEqualTo(3);
		assertThat(imported.json().path("workingWeekends").get(0).asString()).isEqualTo("2031-01-05");
		assertThat(this.admin.get("/api/v1/calendar/working-days?from=2031-01-01&to=2031-01-05")
			.json()
			.path("count")
			.asInt()).isEqualTo(1);
	}

	@Test
	void administratorsReplaceAYearOthersMayNot() {
		Map<String, Object> schedule = Map.of("holidays", List.of("2032-01-01", "2032-01-02"), "workingWeekends",
				List.of("2032-01-04"));
		long unit = new Fixtures(this.admin).unit("区财政局", "DEPARTMENT", null);
		Api operator = new Api(this.port).as(new Fixtures(this.admin).user(unit, "UNIT_OPERATOR"), Api.PASSWORD);

		assertThat(operator.put("/api/v1/calendar/2032", schedule).status()).isEqualTo(403);
		Api.Response saved = this.admin.put("/api/v1/calendar/2032", schedule);

		assertThat(saved.status()).isEqualTo(200);
		assertThat(operator.get("/api/v1/calendar/shift?date=2031-12-31&workingDays=1").json().path("date").asString())
			.isEqualTo("2032-01-04");
		assertThat(this.admin.get("/api/v1/audit?entityType=calendar&entityId=2032").json().path("total").asLong())
			.isEqualTo(1);
	}

	@Test
	void aScheduleThatNamesNeitherListIsRefusedAndTheYearKept() {
		String before = this.admin.get("/api/v1/calendar/2026").text();

		Api.Response empty = this.admin.put("/api/v1/calendar/2026", Map.of());

		assertThat(empty.status()).isEqualTo(400);
		assertThat(empty.json().path("errors").findValuesAsString("field")).contains("holidays", "workingWeekends");
		assertThat(this.admin.get("/api/v1/calendar/2026").text()).isEqualTo(before);
	}

	@Test
	void aWorkingDayThatIsNoWeekendOrADateOfAnotherYearIsRefused() {
		Api.Response weekday = this.admin.put("/api/v1/calendar/2033",
				Map.of("holidays", List.of(), "workingWeekends", List.of("2033-01-05")));
		Api.Response otherYear = this.admin.put("/api/v1/calendar/2033",
				Map.of("holidays", List.of("2034-01-01"), "workingWeekends", List.of()));
		Api.Response notJson = this.admin.upload("/api/v1/calendar/import", "x.json", "application/json",
				"not json".getBytes(StandardCharsets.UTF_8));

		assertThat(weekday.status()).isEqualTo(400);
		assertThat(weekday.json().path("errors").get(0).path("field").asString()).isEqualTo("workingWeekends");
		assertThat(otherYear.status()).isEqualTo(400);
		assertThat(otherYear.json().path("errors").get(0).path("field").asString()).isEqualTo("holidays");
		assertThat(notJson.status()).isEqualTo(400);
		assertThat(this.admin.get("/api/v1/calendar/2033").json().path("provisional").asBoolean()).isTrue();
	}

}
