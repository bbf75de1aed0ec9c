package dev.luoshi.work;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Progress reports and their review. */
@Repository
class ReportRepository {

	private static final String COLUMNS = "id, task_id, unit_id, period, percent, narrative, problems, next_steps, status, "
			+ "submitted_by, submitted_at, reviewed_by, reviewed_at, review_comment, version";

	private final JdbcClient jdbc;

	ReportRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(long taskId, long unitId, NewReport report, long accountId, Instant now) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql(
				"insert into progress_report (task_id, unit_id, period, percent, narrative, problems, next_steps, status, "
						+ "submitted_by, submitted_at) values (?, ?, ?, ?, ?, ?, ?, 'SUBMITTED', ?, ?)")
			.params(taskId, unitId, report.period(), report.percent(), report.narrative().strip(), report.problems(),
					report.nextSteps(), accountId, Timestamp.from(now))
			.update(keys, "id");
		return keys.getKeyAs(Long.class);
	}

	Optional<Report> find(long id) {
		return this.jdbc.sql("select " + COLUMNS + " from progress_report where id = ?")
			.param(id)
			.query(ReportRepository::report)
			.optional();
	}

	List<Report> ofTask(long taskId, long offset, int size) {
		return this.jdbc
			.sql("select " + COLUMNS + " from progress_report where task_id = ? order by submitted_at desc, id desc "
					+ "offset ? rows fetch next ? rows only")
			.params(taskId, offset, size)
			.query(ReportRepository::report)
			.list();
	}

	long countOfTask(long taskId) {
		return this.jdbc.sql("select count(*) from progress_report where task_id = ?")
			.param(taskId)
			.query(Long.class)
			.single();
	}

	boolean review(long id, ReportStatus decision, long reviewer, String comment, Instant now, int version) {
		return this.jdbc
			.sql("update progress_report set status = ?, reviewed_by = ?, reviewed_at = ?, review_comment = ?, "
					+ "version = version + 1 where id = ? and version = ? and status = 'SUBMITTED'")
			.params(decision.name(), reviewer, Timestamp.from(now), comment, id, version)
			.update() == 1;
	}

	/**
	 * The latest accepted report of a task: the latest period, and within it the latest
	 * filed.
	 */
	Optional<Report> latestAccepted(long taskId) {
		return this.jdbc
			.sql("select " + COLUMNS + " from progress_report where task_id = ? and status = 'ACCEPTED' "
					+ "order by period desc, submitted_at desc, id desc fetch first 1 rows only")
			.param(taskId)
			.query(ReportRepository::report)
			.optional();
	}

	private static Report report(ResultSet rs, int rowNum) throws SQLException {
		OffsetDateTime reviewedAt = rs.getObject("reviewed_at", OffsetDateTime.class);
		return new Report(rs.getLong("id"), rs.getLong("task_id"), rs.getLong("unit_id"), rs.getString("period"),
				rs.getBigDecimal("percent"), rs.getString("narrative"), rs.getString("problems"),
				rs.getString("next_steps"), ReportStatus.valueOf(rs.getString("status")), rs.getLong("submitted_by"),
				rs.getObject("submitted_at", OffsetDateTime.class).toInstant(), rs.getObject("reviewed_by", Long.class),
				(reviewedAt != null) ? reviewedAt.toInstant() : null, rs.getString("review_comment"),
				rs.getInt("version"));
	}

}
