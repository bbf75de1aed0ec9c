package dev.luoshi.bulletin;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads a month's facts set-wise: five queries whatever the number of notices, tasks or
 * units. It reads the supervision and work tables as they are published in their
 * migrations, read-only, rather than paging through their facades notice by notice.
 */
@Repository
class MonthFactsQuery {

	private final JdbcClient jdbc;

	private final Clock clock;

	MonthFactsQuery(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	MonthFacts facts(YearMonth month) {
		Instant from = month.atDay(1).atStartOfDay(this.clock.getZone()).toInstant();
		Instant to = month.plusMonths(1).atDay(1).atStartOfDay(this.clock.getZone()).toInstant();
		Instant now = this.clock.instant();
		List<MonthFacts.IssuedNotice> issued = this.jdbc
			.sql("select n.number, n.level, u.name, n.subject, n.status, n.issued_at, n.due_at from notice n "
					+ "join unit u on u.id = n.unit_id where n.issued_at >= ? and n.issued_at < ? "
					+ "order by u.sort_order, u.id, n.issued_at, n.id")
			.params(Timestamp.from(from), Timestamp.from(to))
			.query((rs, n) -> notice(rs, now))
			.list();
		// unanswered at the month's end although due before it
		List<MonthFacts.IssuedNotice> overdue = this.jdbc
			.sql("select n.number, n.level, u.name, n.subject, n.status, n.issued_at, n.due_at from notice n "
					+ "join unit u on u.id = n.unit_id where n.issued_at < :end and n.due_at < :end "
					+ "and (n.responded_at is null or n.responded_at >= :end) "
					+ "and (n.closed_at is null or n.closed_at >= :end) order by n.due_at, n.id")
			.param("end", Timestamp.from(to))
			.query((rs, n) -> notice(rs, now))
			.list();
		List<MonthFacts.OverdueTask> tasks = this.jdbc
			.sql("select t.title, u.name, t.deadline, t.progress from task t join unit u on u.id = t.lead_unit_id "
					+ "where t.status = 'OPEN' and t.deadline <= ? order by t.deadline, u.sort_order, t.id")
			.param(month.atEndOfMonth())
			.query((rs, n) -> new MonthFacts.OverdueTask(rs.getString(1), rs.getString(2),
					rs.getObject(3, java.time.LocalDate.class),
					rs.getBigDecimal(4).stripTrailingZeros().toPlainString()))
			.list();
		Map<String, Long> rectifications = counts("select status, count(*) from rectification group by status");
		Map<String, Long> lights = counts(
				"select light, count(*) from task where status <> 'CANCELLED' group by light");
		return new MonthFacts(month, issued, overdue, tasks, rectifications, lights);
	}

	private Map<String, Long> counts(String sql) {
		Map<String, Long> counts = new LinkedHashMap<>();
		this.jdbc.sql(sql).query((ResultSet rs) -> {
			counts.put(rs.getString(1), rs.getLong(2));
		});
		return counts;
	}

	private static MonthFacts.IssuedNotice notice(ResultSet rs, Instant now) throws SQLException {
		String status = rs.getString(5);
		Instant due = rs.getTimestamp(7).toInstant();
		if ((status.equals("OPEN") || status.equals("ACKNOWLEDGED")) && due.isBefore(now)) {
			status = "OVERDUE";
		}
		return new MonthFacts.IssuedNotice(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), status,
				rs.getTimestamp(6).toInstant(), due);
	}

}
