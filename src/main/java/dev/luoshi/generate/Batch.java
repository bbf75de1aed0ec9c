package dev.luoshi.generate;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rows of one insert statement, sent in batches, each batch its own transaction, so that
 * millions of rows need neither the memory nor one huge transaction.
 */
final class Batch implements AutoCloseable {

	private static final int SIZE = 2_000;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	private final String sql;

	private final List<Object[]> rows = new ArrayList<>(SIZE);

	private final List<Batch> upstream = new ArrayList<>();

	private long count;

	Batch(JdbcTemplate jdbc, TransactionTemplate transaction, String sql) {
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.sql = sql;
	}

	/**
	 * Rows of {@code batches} are sent before any of this one, so that a foreign key
	 * finds its row.
	 */
	Batch after(Batch... batches) {
		this.upstream.addAll(List.of(batches));
		return this;
	}

	void add(Object... row) {
		this.rows.add(row);
		if (this.rows.size() >= SIZE) {
			flush();
		}
	}

	long count() {
		return this.count + this.rows.size();
	}

	private void flush() {
		this.upstream.forEach(Batch::flush);
		if (this.rows.isEmpty()) {
			return;
		}
		List<Object[]> sent = List.copyOf(this.rows);
		this.transaction.executeWithoutResult((status) -> this.jdbc.batchUpdate(this.sql, sent));
		this.count += sent.size();
		this.rows.clear();
	}

	@Override
	public void close() {
		flush();
	}

}
