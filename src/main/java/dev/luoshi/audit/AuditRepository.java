package dev.luoshi.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The audit events and the head of their chain. */
@Repository
class AuditRepository {

	private static final String COLUMNS = "seq, at, actor, entity_type, entity_id, action, before_state, after_state, algorithm, digest";

	private final JdbcClient jdbc;

	AuditRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Locks the head of the chain until the transaction ends, and reads it. */
	Head lockHead() {
		return this.jdbc.sql("select last_seq, last_digest from audit_head where id = 1 for update")
			.query((rs, n) -> new Head(rs.getLong(1), rs.getString(2)))
			.single();
	}

	Head head() {
		return this.jdbc.sql("select last_seq, last_digest from audit_head where id = 1")
			.query((rs, n) -> new Head(rs.getLong(1), rs.getString(2)))
			.single();
	}

	void append(AuditChain.Link link) {
		this.jdbc.sql("insert into audit_event (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(link.seq(), Timestamp.from(link.at()), link.actor(), link.entityType(), link.entityId(),
					link.action(), link.before(), link.after(), link.algorithm(), link.digest())
			.update();
		this.jdbc.sql("update audit_head set last_seq = ?, last_digest = ? where id = 1")
			.params(link.seq(), link.digest())
			.update();
	}

	List<AuditChain.Link> page(String entityType, String entityId, long offset, int size) {
		return this.jdbc
			.sql("select " + COLUMNS + " from audit_event" + where(entityType, entityId)
					+ " order by seq desc offset :offset rows fetch next :size rows only")
			.params(filter(entityType, entityId))
			.param("offset", offset)
			.param("size", size)
			.query(AuditRepository::link)
			.list();
	}

	long count(String entityType, String entityId) {
		return this.jdbc.sql("select count(*) from audit_event" + where(entityType, entityId))
			.params(filter(entityType, entityId))
			.query(Long.class)
			.single();
	}

	/** Every event in chain order, a batch at a time, so that memory stays bounded. */
	void forEachInOrder(Consumer<AuditChain.Link> consumer) {
		forEachWhere("", List.of(), consumer);
	}

	/**
	 * The events recorded from {@code from} (inclusive) to {@code to} (exclusive), in
	 * chain order, a batch at a time, so that memory stays bounded however many there
	 * are.
	 */
	void forEachBetween(Instant from, Instant to, Consumer<AuditChain.Link> consumer) {
		forEachWhere(" and at >= ? and at < ?", List.of(Timestamp.from(from), Timestamp.from(to)), consumer);
	}

	private void forEachWhere(String condition, List<Object> params, Consumer<AuditChain.Link> consumer) {
		long after = 0;
		while (true) {
			List<Object> values = new ArrayList<>();
			values.add(after);
			values.addAll(params);
			List<AuditChain.Link> batch = this.jdbc
				.sql("select " + COLUMNS + " from audit_event where seq > ?" + condition
						+ " order by seq fetch first 2000 rows only")
				.params(values)
				.query(AuditRepository::link)
				.list();
			batch.forEach(consumer);
			if (batch.size() < 2000) {
				return;
			}
			after = batch.get(batch.size() - 1).seq();
		}
	}

	Optional<AuditChain.Link> find(long seq) {
		return this.jdbc.sql("select " + COLUMNS + " from audit_event where seq = ?")
			.param(seq)
			.query(AuditRepository::link)
			.optional();
	}

	private static String where(String entityType, String entityId) {
		List<String> conditions = new ArrayList<>();
		if (entityType != null) {
			conditions.add("entity_type = :entityType");
		}
		if (entityId != null) {
			conditions.add("entity_id = :entityId");
		}
		return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
	}

	private static Map<String, Object> filter(String entityType, String entityId) {
		Map<String, Object> params = new HashMap<>();
		if (entityType != null) {
			params.put("entityType", entityType);
		}
		if (entityId != null) {
			params.put("entityId", entityId);
		}
		return params;
	}

	private static AuditChain.Link link(ResultSet rs, int rowNum) throws SQLException {
		return new AuditChain.Link(rs.getLong("seq"), rs.getObject("at", OffsetDateTime.class).toInstant(),
				rs.getString("actor"), rs.getString("entity_type"), rs.getString("entity_id"), rs.getString("action"),
				rs.getString("before_state"), rs.getString("after_state"), rs.getString("algorithm"),
				rs.getString("digest"));
	}

	record Head(long seq, String digest) {
	}

}
