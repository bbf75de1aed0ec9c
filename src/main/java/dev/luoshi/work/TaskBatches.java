package dev.luoshi.work;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.springframework.dao.IncorrectResultSizeDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Writes many new tasks of one campaign at once, as a ledger import does: many rows to a
 * statement, parents before their children, each task with the position, outline code and
 * lights its {@link LedgerLayout} gives it, then their units. The caller holds the
 * campaign's lock and has checked every task.
 * <p>
 * On PostgreSQL the ids are taken first from the sequence behind the identity column, so
 * that each task is inserted with its path whole. H2 has no way to reach that sequence:
 * there each level of the tree is inserted in JDBC batches whose generated keys give the
 * ids, each task with its parent's path, and one update then appends every task's own id.
 */
@Repository
class TaskBatches {

	private static final String COLUMNS = "campaign_id, parent_id, position, outline, id_path, title, "
			+ "target_indicator, target_value, target_unit, lead_unit_id, responsible_leader_id, territorial_unit_id, "
			+ "start_date, deadline, weight, status, own_light, light, created_at";

	private static final String VALUES = "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?";

	/** Tasks written to one multi-row insert (19 parameters each). */
	private static final int TASKS_PER_INSERT = 500;

	/** Tasks sent in one JDBC batch where their ids come back as generated keys. */
	private static final int TASKS_PER_BATCH = 1_000;

	/** Units written to one multi-row insert. */
	private static final int UNITS_PER_INSERT = 1_000;

	private final JdbcTemplate jdbc;

	private volatile Boolean postgresql;

	TaskBatches(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A task to add: the index of its parent among the tasks added with it (a parent
	 * comes first), or -1 for one at the top level.
	 */
	record Planned(int parent, NewTask task) {
	}

	/** How many tasks the campaign has at the top level, and the last one's position. */
	record TopLevel(int count, int lastPosition) {
	}

	TopLevel topLevel(long campaignId) {
		return this.jdbc.queryForObject(
				"select count(*), coalesce(max(position), 0) from task where campaign_id = ? and parent_id is null",
				(rs, n) -> new TopLevel(rs.getInt(1), rs.getInt(2)), campaignId);
	}

	/**
	 * Adds the tasks below one another as planned and laid out, starting when the
	 * campaign starts; returns their ids in the order given.
	 */
	long[] insert(long campaignId, LocalDate start, List<Planned> planned, LedgerLayout layout, Instant now) {
		Rows rows = new Rows(campaignId, start, planned, layout, Timestamp.from(now));
		if (postgresql()) {
			rows.ids = this.jdbc
				.queryForList("select nextval(pg_get_serial_sequence('task', 'id')) from generate_series(1, ?)",
						Long.class, planned.size())
				.stream()
				.mapToLong(Long::longValue)
				.toArray();
			for (int i = 0; i < planned.size(); i++) {
				int parent = planned.get(i).parent();
				rows.paths[i] = ((parent < 0) ? "/" : rows.paths[parent]) + rows.ids[i] + "/";
			}
			for (int from = 0; from < planned.size(); from += TASKS_PER_INSERT) {
				insertWithIds(rows, from, Math.min(from + TASKS_PER_INSERT, planned.size()));
			}
		}
		else {
			for (List<Integer> level : levels(planned)) {
				for (int from = 0; from < level.size(); from += TASKS_PER_BATCH) {
					insertForKeys(rows, level.subList(from, Math.min(from + TASKS_PER_BATCH, level.size())));
				}
			}
			// every path so far ends with the parent's id: each task's own id is added in
			// one go
			this.jdbc.update("update task set id_path = id_path || id || '/' where campaign_id = ? "
					+ "and id_path not like ('%/' || id || '/')", campaignId);
		}
		insertUnits(planned, rows.ids);
		return rows.ids;
	}

	private boolean postgresql() {
		if (this.postgresql == null) {
			this.postgresql = this.jdbc.execute(
					(Connection connection) -> "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName()));
		}
		return this.postgresql;
	}

	/**
	 * The tasks from {@code from} to {@code to}, ids and paths known, in one statement.
	 */
	private void insertWithIds(Rows rows, int from, int to) {
		String sql = "insert into task (id, " + COLUMNS + ") values "
				+ String.join(", ", Collections.nCopies(to - from, "(?, " + VALUES + ")"));
		this.jdbc.update(sql, (statement) -> {
			int parameter = 1;
			for (int i = from; i < to; i++) {
				statement.setLong(parameter, rows.ids[i]);
				parameter = rows.bind(statement, parameter + 1, i);
			}
		});
	}

	/**
	 * Tasks whose parents have their ids, in one JDBC batch; their own ids come back as
	 * generated keys, in the order sent.
	 */
	private void insertForKeys(Rows rows, List<Integer> batch) {
		for (int i : batch) {
			int parent = rows.planned.get(i).parent();
			rows.paths[i] = (parent < 0) ? "/" : rows.paths[parent] + rows.ids[parent] + "/";
		}
		this.jdbc.execute((Connection connection) -> {
			try (PreparedStatement insert = connection.prepareStatement(
					"insert into task (" + COLUMNS + ") values (" + VALUES + ")", new String[] { "id" })) {
				for (int i : batch) {
					rows.bind(insert, 1, i);
					insert.addBatch();
				}
				insert.executeBatch();
				int n = 0;
				try (ResultSet keys = insert.getGeneratedKeys()) {
					while (keys.next() && n < batch.size()) {
						rows.ids[batch.get(n++)] = keys.getLong(1);
					}
				}
				if (n != batch.size()) {
					throw new IncorrectResultSizeDataAccessException("generated task ids", batch.size(), n);
				}
			}
			return null;
		});
	}

	/** The tasks by depth, top level first, each level in the order given. */
	private static List<List<Integer>> levels(List<Planned> planned) {
		int[] depths = new int[planned.size()];
		List<List<Integer>> levels = new ArrayList<>();
		for (int i = 0; i < planned.size(); i++) {
			int parent = planned.get(i).parent();
			depths[i] = (parent < 0) ? 0 : depths[parent] + 1;
			if (depths[i] == levels.size()) {
				levels.add(new ArrayList<>());
			}
			levels.get(depths[i]).add(i);
		}
		return levels;
	}

	/**
	 * The lead, cooperating and territorial units of the tasks just added, many rows to a
	 * statement (a JDBC batch of single-row inserts reaches PostgreSQL as that many
	 * statements unless its driver is told to rewrite them).
	 */
	private void insertUnits(List<Planned> planned, long[] ids) {
		List<Long> tasks = new ArrayList<>(UNITS_PER_INSERT);
		List<Long> units = new ArrayList<>(UNITS_PER_INSERT);
		List<String> roles = new ArrayList<>(UNITS_PER_INSERT);
		for (int i = 0; i < planned.size(); i++) {
			NewTask task = planned.get(i).task();
			tasks.add(ids[i]);
			units.add(task.leadUnitId());
			roles.add(TaskRepository.LEAD);
			for (Long unit : task.cooperatingUnitIds()) {
				tasks.add(ids[i]);
				units.add(unit);
				roles.add(TaskRepository.COOPERATING);
			}
			if (task.territorialUnitId() != null) {
				tasks.add(ids[i]);
				units.add(task.territorialUnitId());
				roles.add(TaskRepository.TERRITORIAL);
			}
			if (tasks.size() >= UNITS_PER_INSERT || i == planned.size() - 1) {
				this.jdbc.update("insert into task_unit (task_id, unit_id, unit_role) values "
						+ String.join(", ", Collections.nCopies(tasks.size(), "(?, ?, ?)")), (statement) -> {
							for (int row = 0; row < tasks.size(); row++) {
								statement.setLong(3 * row + 1, tasks.get(row));
								statement.setLong(3 * row + 2, units.get(row));
								statement.setString(3 * row + 3, roles.get(row));
							}
						});
				tasks.clear();
				units.clear();
				roles.clear();
			}
		}
	}

	/** The tasks to write, with their ids and paths as they become known. */
	private static final class Rows {

		private final long campaignId;

		private final Date start;

		private final List<Planned> planned;

		private final LedgerLayout layout;

		private final Timestamp now;

		private final String[] paths;

		private long[] ids;

		Rows(long campaignId, LocalDate start, List<Planned> planned, LedgerLayout layout, Timestamp now) {
			this.campaignId = campaignId;
			this.start = Date.valueOf(start);
			this.planned = planned;
			this.layout = layout;
			this.now = now;
			this.paths = new String[planned.size()];
			this.ids = new long[planned.size()];
		}

		/** Binds task {@code i} from {@code parameter} on; returns the next parameter. */
		int bind(PreparedStatement statement, int parameter, int i) throws SQLException {
			Planned row = this.planned.get(i);
			NewTask task = row.task();
			Target target = task.target();
			int p = parameter;
			statement.setLong(p++, this.campaignId);
			statement.setObject(p++, (row.parent() < 0) ? null : this.ids[row.parent()], Types.BIGINT);
			statement.setInt(p++, this.layout.position(i));
			statement.setString(p++, this.layout.outline(i));
			statement.setString(p++, this.paths[i]);
			statement.setString(p++, task.title().strip());
			statement.setString(p++, (target != null) ? target.indicator() : null);
			statement.setBigDecimal(p++, (target != null) ? target.value() : null);
			statement.setString(p++, (target != null) ? target.unit() : null);
			statement.setLong(p++, task.leadUnitId());
			statement.setObject(p++, task.responsibleLeaderId(), Types.BIGINT);
			statement.setObject(p++, task.territorialUnitId(), Types.BIGINT);
			statement.setDate(p++, this.start);
			statement.setDate(p++, Date.valueOf(task.deadline()));
			statement.setBigDecimal(p++, (task.weight() != null) ? task.weight() : BigDecimal.ONE);
			statement.setString(p++, this.layout.ownLight(i).name());
			statement.setString(p++, this.layout.light(i).name());
			statement.setTimestamp(p++, this.now);
			return p;
		}

	}

}
