package dev.luoshi.calendar;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Calendar years, their exceptional days and the revision counter. */
@Repository
class CalendarRepository {

	private final JdbcClient jdbc;

	CalendarRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<YearRow> years() {
		return this.jdbc.sql("select cal_year, source, version from calendar_year order by cal_year")
			.query((rs, n) -> new YearRow(rs.getInt(1), rs.getString(2), rs.getInt(3)))
			.list();
	}

	Optional<YearRow> year(int year) {
		return this.jdbc.sql("select cal_year, source, version from calendar_year where cal_year = ?")
			.param(year)
			.query((rs, n) -> new YearRow(rs.getInt(1), rs.getString(2), rs.getInt(3)))
			.optional();
	}

	List<Day> days() {
		return this.jdbc.sql("select cal_date, working, name from calendar_day")
			.query((rs, n) -> new Day(rs.getObject(1, LocalDate.class), rs.getBoolean(2), rs.getString(3)))
			.list();
	}

	List<Day> days(int year) {
		return this.jdbc.sql("select cal_date, working, name from calendar_day where cal_year = ? order by cal_date")
			.param(year)
			.query((rs, n) -> new Day(rs.getObject(1, LocalDate.class), rs.getBoolean(2), rs.getString(3)))
			.list();
	}

	/** Replaces a year's days; creates the year if it is new. */
	void replace(int year, String source, List<Day> days, Instant now) {
		int updated = this.jdbc
			.sql("update calendar_year set source = ?, updated_at = ?, version = version + 1 where cal_year = ?")
			.params(source, Timestamp.from(now), year)
			.update();
		if (updated == 0) {
			this.jdbc.sql("insert into calendar_year (cal_year, source, updated_at) values (?, ?, ?)")
				.params(year, source, Timestamp.from(now))
				.update();
		}
		this.jdbc.sql("delete from calendar_day where cal_year = ?").param(year).update();
		for (Day day : days) {
			this.jdbc.sql("insert into calendar_day (cal_date, cal_year, working, name) values (?, ?, ?, ?)")
				.params(Date.valueOf(day.date()), year, day.working(), day.name())
				.update();
		}
		this.jdbc.sql("update calendar_revision set revision = revision + 1 where id = 1").update();
	}

	long revision() {
		return this.jdbc.sql("select revision from calendar_revision where id = 1").query(Long.class).single();
	}

	record YearRow(int year, String source, int version) {
	}

	/**
	 * A day that differs from the weekend rule: a holiday ({@code working} false) or a
	 * make-up day.
	 */
	record Day(LocalDate date, boolean working, String name) {
	}

}
