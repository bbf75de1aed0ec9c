package dev.luoshi.bulletin;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The report books, with their recipients kept as a list of account ids. */
@Repository
class BulletinScheduleRepository {

	private static final String COLUMNS = "select id, kind, scheme_id, working_day, recipients, created_by, "
			+ "created_at, last_run_on from bulletin_schedule";

	private final JdbcClient jdbc;

	BulletinScheduleRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(Bulletin.Kind kind, Long schemeId, int workingDay, List<Long> recipients, long createdBy, Instant at) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("insert into bulletin_schedule (kind, scheme_id, working_day, recipients, created_by, created_at) "
					+ "values (?, ?, ?, ?, ?, ?)")
			.params(kind.name(), schemeId, workingDay,
					recipients.stream().map(String::valueOf).collect(Collectors.joining(",")), createdBy,
					Timestamp.from(at))
			.update(keys, "id");
		return keys.getKeyAs(Long.class);
	}

	Optional<BulletinSchedule> find(long id) {
		return this.jdbc.sql(COLUMNS + " where id = ?")
			.param(id)
			.query(BulletinScheduleRepository::schedule)
			.optional();
	}

	List<BulletinSchedule> all() {
		return this.jdbc.sql(COLUMNS + " order by id").query(BulletinScheduleRepository::schedule).list();
	}

	void ran(long id, LocalDate on) {
		this.jdbc.sql("update bulletin_schedule set last_run_on = ? where id = ?")
			.params(Date.valueOf(on), id)
			.update();
	}

	private static BulletinSchedule schedule(ResultSet rs, int n) throws SQLException {
		List<Long> recipients = Arrays.stream(rs.getString(5).split(","))
			.filter((id) -> !id.isBlank())
			.map(Long::valueOf)
			.toList();
		return new BulletinSchedule(rs.getLong(1), Bulletin.Kind.valueOf(rs.getString(2)),
				(Long) rs.getObject(3, Long.class), rs.getInt(4), recipients, rs.getLong(6),
				rs.getTimestamp(7).toInstant(), rs.getObject(8, LocalDate.class));
	}

}
