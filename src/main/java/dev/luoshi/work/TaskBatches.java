package dev.luoshi.work;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.dao.IncorrectResultSizeDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Writes many new tasks of one campaign at once, as a ledger import does: in JDBC
 * batches, the parents before their children, with their units. The caller holds the
 * campaign's lock and has checked every task; the lights are the caller's to bring up to
 * date afterwards.
 */
@Repository
class TaskBatches {

	private static final int BATCH = 1_000;

	private static final String INSERT = "insert into task (campaign_id, parent_id, position, outline, id_path, "
			+ "title, target_indicator, target_value, target_unit, lead_unit_id, responsible_leader_id, "
			+ "territorial_unit_id, start_date, deadline, weight, status, own_light, light, created_at) "
			+ "values (?, ?, ?, '', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', 'GREEN', 'GREEN', ?)";

	private final JdbcTemplate jdbc;

	TaskBatches(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A task to add: the index of its parent among the tasks added with it (a parent
	 * comes first), or -1 for one at the top level.
	 */
	record Planned(int parent, NewTask task) {
	}

	/**
	 * Adds the tasks below one another as planned, each after its siblings (the top level
	 * after the campaign's tasks there), starting when the campaign starts; returns their
	 * ids in the order given.
	 */
	long[] insert(long campaignId, LocalDate start, List<Planned> planned, Instant now) {
		int count = planned.size();
		long[] ids = new long[count];
		String[] paths = new String[count];
		int[] positions = positions(campaignId, planned);
		for (List<Integer> level : levels(planned)) {
			for (int from = 0; from < level.size(); from += BATCH) {
				List<Integer> batch = level.subList(from, Math.min(from + BATCH, level.size()));
				for (int i : batch) {
					int parent = planned.get(i).parent();
					paths[i] = (parent < 0) ? "/" : paths[parent] + ids[parent] + "/";
				}
				insert(campaignId, start, planned, batch, positions, paths, ids, now);
			}
		}
		// every path so far ends with the parent's id: each task's own id is added in one
		// go
		this.jdbc.update("update task set id_path = id_path || id || '/' where campaign_id = ? "
				+ "and id_path not like ('%/' || id || '/')", campaignId);
		insertUnits(planned, ids);
		return ids;
	}

	/** Each task's position: after the siblings it has already, in the order given. */
	private int[] positions(long campaignId, List<Planned> planned) {
		Integer last = this.jdbc.queryForObject(
				"select coalesce(max(position), 0) from task where campaign_id = ? and parent_id is null",
				Integer.class, campaignId);
		int[] children = new int[planned.size()];
		int[] positions = new int[planned.size()];
		int top = (last != null) ? last : 0;
		for (int i = 0; i < planned.size(); i++) {
			int parent = planned.get(i).parent();
			positions[i] = (parent < 0) ? ++top : ++children[parent];
		}
		return positions;
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

	private void insert(long campaignId, LocalDate start, List<Planned> planned, List<Integer> batch, int[] positions,
			String[] paths, long[] ids, Instant now) {
		this.jdbc.execute((java.sql.Connection connection) -> {
			try (PreparedStatement insert = connection.prepareStatement(INSERT, new String[] { "id" })) {
				for (int i : batch) {
					Planned row = planned.get(i);
					NewTask task = row.task();
					Target target = task.target();
					insert.setLong(1, campaignId);
					insert.setObject(2, (row.parent() < 0) ? null : ids[row.parent()], Types.BIGINT);
					insert.setInt(3, positions[i]);
					insert.setString(4, paths[i]);
					insert.setString(5, task.title().strip());
					insert.setString(6, (target != null) ? target.indicator() : null);
					insert.setBigDecimal(7, (target != null) ? target.value() : null);
					insert.setString(8, (target != null) ? target.unit() : null);
					insert.setLong(9, task.leadUnitId());
					insert.setObject(10, task.responsibleLeaderId(), Types.BIGINT);
					insert.setObject(11, task.territorialUnitId(), Types.BIGINT);
					insert.setDate(12, Date.valueOf(start));
					insert.setDate(13, Date.valueOf(task.deadline()));
					insert.setBigDecimal(14, (task.weight() != null) ? task.weight() : BigDecimal.ONE);
					insert.setTimestamp(15, Timestamp.from(now));
					insert.addBatch();
				}
				insert.executeBatch();
				int n = 0;
				try (ResultSet keys = insert.getGeneratedKeys()) {
					while (keys.next() && n < batch.size()) {
						ids[batch.get(n++)] = keys.getLong(1);
					}
				}
				if (n != batch.size()) {
					throw new IncorrectResultSizeDataAccessException("generated task ids", batch.size(), n);
				}
			}
			return null;
		});
	}

	/** The lead, cooperating and territorial units of the tasks just added. */
	private void insertUnits(List<Planned> planned, long[] ids) {
		List<Object[]> rows = new ArrayList<>(BATCH);
		for (int i = 0; i < planned.size(); i++) {
			NewTask task = planned.get(i).task();
			rows.add(new Object[] { ids[i], task.leadUnitId(), TaskRepository.LEAD });
			for (Long unit : task.cooperatingUnitIds()) {
				rows.add(new Object[] { ids[i], unit, TaskRepository.COOPERATING });
			}
			if (task.territorialUnitId() != null) {
				rows.add(new Object[] { ids[i], task.territorialUnitId(), TaskRepository.TERRITORIAL });
			}
			if (rows.size() >= BATCH || i == planned.size() - 1) {
				this.jdbc.batchUpdate("insert into task_unit (task_id, unit_id, unit_role) values (?, ?, ?)", rows);
				rows.clear();
			}
		}
	}

}
