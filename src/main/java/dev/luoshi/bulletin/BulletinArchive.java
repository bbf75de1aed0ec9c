package dev.luoshi.bulletin;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.BiFunction;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The bulletins issued, one per subject (a month, or a scheme's period): the first issue
 * takes the year's next number and keeps it, so that a bulletin generated again reads the
 * same 发文字号 and date; the latest document is stored.
 */
@Repository
class BulletinArchive {

	private final JdbcClient jdbc;

	private final Clock clock;

	BulletinArchive(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Issues (or issues again) the bulletin of a subject: {@code write} gets the number
	 * and the date of issue and returns the document.
	 */
	Bulletin issue(Bulletin.Kind kind, String subjectKey, String fileName, Long scheduleId, String prefix,
			BiFunction<String, LocalDate, byte[]> write) {
		Timestamp now = Timestamp.from(this.clock.instant());
		Optional<Bulletin> existing = bySubject(subjectKey);
		if (existing.isPresent()) {
			Bulletin before = existing.get();
			byte[] content = write.apply(before.number(), before.issuedOn());
			this.jdbc
				.sql("update bulletin set content = ?, file_name = ?, generated_at = ?, "
						+ "schedule_id = coalesce(?, schedule_id) where id = ?")
				.params(content, fileName, now, scheduleId, before.id())
				.update();
			return find(before.id()).orElseThrow();
		}
		LocalDate today = LocalDate.now(this.clock);
		int year = today.getYear();
		int seq = next(year);
		String number = prefix + "〔" + year + "〕" + seq + "号";
		byte[] content = write.apply(number, today);
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("insert into bulletin (kind, subject_key, cal_year, seq, number, issued_on, file_name, content, "
					+ "schedule_id, generated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(kind.name(), subjectKey, year, seq, number, today, fileName, content, scheduleId, now)
			.update(keys, "id");
		return find(keys.getKeyAs(Long.class)).orElseThrow();
	}

	private int next(int year) {
		int updated = this.jdbc.sql("update bulletin_sequence set last_number = last_number + 1 where cal_year = ?")
			.param(year)
			.update();
		if (updated == 0) {
			this.jdbc.sql("insert into bulletin_sequence (cal_year, last_number) values (?, 1)").param(year).update();
			return 1;
		}
		return this.jdbc.sql("select last_number from bulletin_sequence where cal_year = ?")
			.param(year)
			.query(Integer.class)
			.single();
	}

	private static final String COLUMNS = "select id, kind, number, issued_on, file_name, generated_at, content "
			+ "from bulletin";

	Optional<Bulletin> find(long id) {
		return this.jdbc.sql(COLUMNS + " where id = ?").param(id).query(BulletinArchive::bulletin).optional();
	}

	private Optional<Bulletin> bySubject(String subjectKey) {
		return this.jdbc.sql(COLUMNS + " where subject_key = ?")
			.param(subjectKey)
			.query(BulletinArchive::bulletin)
			.optional();
	}

	/** The schedule whose report book delivered the bulletin, if one did. */
	Optional<Long> scheduleOf(long id) {
		return this.jdbc.sql("select schedule_id from bulletin where id = ? and schedule_id is not null")
			.param(id)
			.query(Long.class)
			.optional();
	}

	private static Bulletin bulletin(ResultSet rs, int n) throws SQLException {
		return new Bulletin(rs.getLong(1), Bulletin.Kind.valueOf(rs.getString(2)), rs.getString(3),
				rs.getObject(4, LocalDate.class), rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getBytes(7));
	}

}
