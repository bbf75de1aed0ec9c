package dev.luoshi.work;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.luoshi.identity.DataScope;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Tasks, the units they involve, and their milestones. */
@Repository
class TaskRepository {

	static final String LEAD = "LEAD";

	static final String COOPERATING = "COOPERATING";

	static final String TERRITORIAL = "TERRITORIAL";

	private static final String COLUMNS = "t.id, t.campaign_id, t.parent_id, t.position, t.outline, t.id_path, t.title, "
			+ "t.target_indicator, t.target_value, t.target_unit, t.lead_unit_id, t.responsible_leader_id, "
			+ "t.territorial_unit_id, t.start_date, t.deadline, t.baseline_deadline, t.weight, t.status, t.progress, "
			+ "t.own_light, t.light, t.version";

	private final JdbcClient jdbc;

	private final JdbcTemplate batches;

	TaskRepository(JdbcClient jdbc, JdbcTemplate batches) {
		this.jdbc = jdbc;
		this.batches = batches;
	}

	Optional<Row> find(long id) {
		return this.jdbc.sql("select " + COLUMNS + " from task t where t.id = ?").param(id).query(this::row).optional();
	}

	List<Row> byCampaign(long campaignId) {
		return this.jdbc.sql("select " + COLUMNS + " from task t where t.campaign_id = ? order by t.id_path")
			.param(campaignId)
			.query(this::row)
			.list();
	}

	/**
	 * A campaign's tasks with only what the recomputation of the lights reads, so that a
	 * campaign of 100,000 tasks is walked without holding their titles and paths.
	 */
	List<Node> nodesOfCampaign(long campaignId) {
		return this.jdbc
			.sql("select id, parent_id, position, outline, status, weight, progress, start_date, deadline, own_light, "
					+ "light from task where campaign_id = ? order by id_path")
			.param(campaignId)
			.query((rs, n) -> new Node(rs.getLong("id"), rs.getObject("parent_id", Long.class), rs.getInt("position"),
					rs.getString("outline"), TaskStatus.valueOf(rs.getString("status")), rs.getBigDecimal("weight"),
					rs.getBigDecimal("progress"), rs.getObject("start_date", LocalDate.class),
					rs.getObject("deadline", LocalDate.class), Light.valueOf(rs.getString("own_light")),
					Light.valueOf(rs.getString("light"))))
			.list();
	}

	List<Row> visibleInCampaign(long campaignId, Map<String, Object> scope) {
		return this.jdbc
			.sql("select " + COLUMNS + " from task t where t.campaign_id = :campaign and " + Scopes.taskVisible(scope))
			.params(scope)
			.param("campaign", campaignId)
			.query(this::row)
			.list();
	}

	boolean visible(long taskId, Map<String, Object> scope) {
		return this.jdbc.sql("select count(*) from task t where t.id = :task and " + Scopes.taskVisible())
			.params(scope)
			.param("task", taskId)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * A page of the tasks the query finds, by deadline: the page's ids first (from the
	 * index alone where it can), then only their rows. Two queries rather than a join: H2
	 * joined the page's ids by reading every task of the province.
	 */
	List<Row> page(TaskQuery query, Map<String, Object> scope, long offset, int size) {
		List<Long> ids = this.jdbc
			// ordered by the light too, which one light leaves as it was: H2 reads the
			// (light, deadline, id) index in order only when the order names all of it,
			// and sorted 50,000 RED tasks for every page otherwise
			.sql("select t.id from task t where " + where(query, scope) + " order by "
					+ ((query.light() != null) ? "t.light, " : "")
					+ "t.deadline, t.id offset :offset rows fetch next :size rows only")
			.params(scope)
			.params(filter(query))
			.param("offset", offset)
			.param("size", size)
			.query(Long.class)
			.list();
		if (ids.isEmpty()) {
			return List.of();
		}
		Map<Long, Row> rows = new java.util.HashMap<>();
		this.jdbc.sql("select " + COLUMNS + " from task t where t.id in (:ids)")
			.param("ids", ids)
			.query(this::row)
			.list()
			.forEach((row) -> rows.put(row.id(), row));
		return ids.stream().map(rows::get).toList();
	}

	long count(TaskQuery query, Map<String, Object> scope) {
		return this.jdbc.sql("select count(*) from task t where " + where(query, scope))
			.params(scope)
			.params(filter(query))
			.query(Long.class)
			.single();
	}

	/** How many of the tasks the query finds each lead unit has. */
	Map<Long, Long> countByLeadUnit(TaskQuery query, Map<String, Object> scope) {
		Map<Long, Long> counts = new java.util.LinkedHashMap<>();
		this.jdbc
			.sql("select t.lead_unit_id, count(*) from task t where " + where(query, scope)
					+ " group by t.lead_unit_id")
			.params(scope)
			.params(filter(query))
			.query((rs, n) -> counts.put(rs.getLong(1), rs.getLong(2)))
			.list();
		return counts;
	}

	private static String where(TaskQuery query, Map<String, Object> scope) {
		List<String> conditions = new ArrayList<>(List.of(Scopes.taskVisible(scope)));
		if (query.light() != null) {
			conditions.add("t.light = :light");
		}
		if (query.campaignId() != null) {
			conditions.add("t.campaign_id = :campaignId");
		}
		if (query.unitId() != null) {
			// "in" rather than "exists": H2 tests an "exists" task by task, all 200,000
			// of
			// a province, while it reads an "in" from the unit's index
			conditions.add("t.id in (select q.task_id from task_unit q where q.unit_id = :unitId)");
		}
		if (query.status() != null) {
			conditions.add("t.status = :status");
		}
		return String.join(" and ", conditions);
	}

	private static Map<String, Object> filter(TaskQuery query) {
		Map<String, Object> params = new java.util.HashMap<>();
		if (query.light() != null) {
			params.put("light", query.light().name());
		}
		if (query.campaignId() != null) {
			params.put("campaignId", query.campaignId());
		}
		if (query.unitId() != null) {
			params.put("unitId", query.unitId());
		}
		if (query.status() != null) {
			params.put("status", query.status().name());
		}
		return params;
	}

	long insert(long campaignId, Row parent, NewTask command, LocalDate start, BigDecimal weight, Instant now) {
		int position = this.jdbc
			.sql("select coalesce(max(position), 0) + 1 from task where campaign_id = ? and "
					+ ((parent != null) ? "parent_id = ?" : "parent_id is null"))
			.params((parent != null) ? List.of(campaignId, parent.id()) : List.of(campaignId))
			.query(Integer.class)
			.single();
		Target target = command.target();
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("insert into task (campaign_id, parent_id, position, outline, id_path, title, target_indicator, "
				+ "target_value, target_unit, lead_unit_id, responsible_leader_id, territorial_unit_id, start_date, "
				+ "deadline, weight, status, own_light, light, created_at) "
				+ "values (?, ?, ?, '', '/', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', 'GREEN', 'GREEN', ?)")
			.params(campaignId, (parent != null) ? parent.id() : null, position, command.title().strip(),
					(target != null) ? target.indicator() : null, (target != null) ? target.value() : null,
					(target != null) ? target.unit() : null, command.leadUnitId(), command.responsibleLeaderId(),
					command.territorialUnitId(), Date.valueOf(start), Date.valueOf(command.deadline()), weight,
					Timestamp.from(now))
			.update(keys, "id");
		long id = keys.getKeyAs(Long.class);
		this.jdbc.sql("update task set id_path = ? where id = ?")
			.params(((parent != null) ? parent.idPath() : "/") + id + "/", id)
			.update();
		return id;
	}

	void addUnit(long taskId, long unitId, String role) {
		this.jdbc.sql("insert into task_unit (task_id, unit_id, unit_role) values (?, ?, ?)")
			.params(taskId, unitId, role)
			.update();
	}

	/** Units of the tasks by role: task id → role → unit ids. */
	List<TaskUnit> units(Collection<Long> taskIds) {
		if (taskIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("select task_id, unit_id, unit_role from task_unit where task_id in (:ids)")
			.param("ids", taskIds)
			.query((rs, n) -> new TaskUnit(rs.getLong(1), rs.getLong(2), rs.getString(3)))
			.list();
	}

	boolean updatePlan(long id, String title, LocalDate deadline, LocalDate baseline, Target target, BigDecimal weight,
			Long responsibleLeaderId, int version) {
		return this.jdbc.sql(
				"update task set title = ?, deadline = ?, baseline_deadline = ?, target_indicator = ?, target_value = ?, "
						+ "target_unit = ?, weight = ?, responsible_leader_id = ?, version = version + 1 "
						+ "where id = ? and version = ?")
			.params(title, Date.valueOf(deadline), (baseline != null) ? Date.valueOf(baseline) : null,
					(target != null) ? target.indicator() : null, (target != null) ? target.value() : null,
					(target != null) ? target.unit() : null, weight, responsibleLeaderId, id, version)
			.update() == 1;
	}

	/** Moves an undone milestone, keeping its first planned date as the baseline. */
	void rescheduleMilestone(long id, LocalDate due) {
		this.jdbc
			.sql("update milestone set baseline_date = coalesce(baseline_date, due_date), due_date = ?, "
					+ "version = version + 1 where id = ? and completed_on is null and due_date <> ?")
			.params(Date.valueOf(due), id, Date.valueOf(due))
			.update();
	}

	LocalDate latestChildDeadline(long id) {
		return this.jdbc.sql("select max(deadline) from task where parent_id = ?")
			.param(id)
			.query(LocalDate.class)
			.optional()
			.orElse(null);
	}

	/** The tasks directly below a parent (or the roots), in order. */
	List<Long> siblings(long campaignId, Long parentId) {
		return this.jdbc
			.sql("select id from task where campaign_id = ? and "
					+ ((parentId != null) ? "parent_id = ?" : "parent_id is null") + " order by position, id")
			.params((parentId != null) ? List.of(campaignId, parentId) : List.of(campaignId))
			.query(Long.class)
			.list();
	}

	void setPosition(long id, int position) {
		this.jdbc.sql("update task set position = ? where id = ?").params(position, id).update();
	}

	/** Hangs a task (and its subtree) below another parent, keeping every path right. */
	void reparent(Row task, Long parentId, String parentPath) {
		String newPath = parentPath + task.id() + "/";
		this.jdbc.sql("update task set parent_id = ?, version = version + 1 where id = ?")
			.params(parentId, task.id())
			.update();
		this.jdbc.sql("update task set id_path = :newPath || substring(id_path, :cut) where id_path like :oldPrefix")
			.param("newPath", newPath)
			.param("cut", task.idPath().length() + 1)
			.param("oldPrefix", task.idPath() + "%")
			.update();
	}

	/** Stores recomputed outline codes, progress and lights, in batches. */
	void updateComputed(List<Computed> rows) {
		if (rows.isEmpty()) {
			return;
		}
		this.batches.batchUpdate("update task set outline = ?, progress = ?, own_light = ?, light = ? where id = ?",
				rows, 1_000, (statement, row) -> {
					statement.setString(1, row.outline());
					statement.setBigDecimal(2, row.progress());
					statement.setString(3, row.ownLight().name());
					statement.setString(4, row.light().name());
					statement.setLong(5, row.id());
				});
	}

	void updateProgress(long id, BigDecimal progress, TaskStatus status) {
		this.jdbc.sql("update task set progress = ?, status = ?, version = version + 1 where id = ?")
			.params(progress, status.name(), id)
			.update();
	}

	long insertMilestone(long taskId, String name, LocalDate due, Integer workingDaysBefore, int position) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql(
				"insert into milestone (task_id, name, due_date, working_days_before, position) values (?, ?, ?, ?, ?)")
			.params(taskId, name, Date.valueOf(due), workingDaysBefore, position)
			.update(keys, "id");
		return keys.getKeyAs(Long.class);
	}

	List<MilestoneRow> milestones(Collection<Long> taskIds) {
		if (taskIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc
			.sql("select id, task_id, name, due_date, baseline_date, working_days_before, completed_on, note, version "
					+ "from milestone where task_id in (:ids) order by task_id, position, id")
			.param("ids", taskIds)
			.query(TaskRepository::milestone)
			.list();
	}

	List<MilestoneRow> milestonesOfCampaign(long campaignId) {
		return this.jdbc
			.sql("select m.id, m.task_id, m.name, m.due_date, m.baseline_date, m.working_days_before, m.completed_on, "
					+ "m.note, m.version from milestone m join task t on t.id = m.task_id where t.campaign_id = ? "
					+ "order by m.task_id, m.position, m.id")
			.param(campaignId)
			.query(TaskRepository::milestone)
			.list();
	}

	List<OverdueMilestone> overdueMilestones(LocalDate today) {
		return this.jdbc
			.sql("select m.id, m.name, m.due_date, t.id task_id, t.title, t.lead_unit_id from milestone m "
					+ "join task t on t.id = m.task_id where m.completed_on is null and m.due_date < ? "
					+ "and t.status = 'OPEN' order by m.due_date, m.id")
			.param(Date.valueOf(today))
			.query((rs, n) -> new OverdueMilestone(rs.getLong("id"), rs.getString("name"),
					rs.getDate("due_date").toLocalDate(), rs.getLong("task_id"), rs.getString("title"),
					rs.getLong("lead_unit_id")))
			.list();
	}

	Optional<MilestoneRow> milestone(long id) {
		return this.jdbc
			.sql("select id, task_id, name, due_date, baseline_date, working_days_before, completed_on, note, version "
					+ "from milestone where id = ?")
			.param(id)
			.query(TaskRepository::milestone)
			.optional();
	}

	boolean completeMilestone(long id, LocalDate completedOn, String note, int version) {
		return this.jdbc
			.sql("update milestone set completed_on = ?, note = ?, version = version + 1 "
					+ "where id = ? and version = ? and completed_on is null")
			.params(Date.valueOf(completedOn), note, id, version)
			.update() == 1;
	}

	private static MilestoneRow milestone(ResultSet rs, int rowNum) throws SQLException {
		return new MilestoneRow(rs.getLong("task_id"),
				new Milestone(rs.getLong("id"), rs.getString("name"), rs.getObject("due_date", LocalDate.class),
						rs.getObject("baseline_date", LocalDate.class),
						rs.getObject("working_days_before", Integer.class),
						rs.getObject("completed_on", LocalDate.class), rs.getString("note"), rs.getInt("version")));
	}

	private Row row(ResultSet rs, int rowNum) throws SQLException {
		return new Row(rs.getLong("id"), rs.getLong("campaign_id"), rs.getObject("parent_id", Long.class),
				rs.getInt("position"), rs.getString("outline"), rs.getString("id_path"), rs.getString("title"),
				rs.getString("target_indicator"), rs.getBigDecimal("target_value"), rs.getString("target_unit"),
				rs.getLong("lead_unit_id"), rs.getObject("responsible_leader_id", Long.class),
				rs.getObject("territorial_unit_id", Long.class), rs.getObject("start_date", LocalDate.class),
				rs.getObject("deadline", LocalDate.class), rs.getObject("baseline_deadline", LocalDate.class),
				rs.getBigDecimal("weight"), TaskStatus.valueOf(rs.getString("status")), rs.getBigDecimal("progress"),
				Light.valueOf(rs.getString("own_light")), Light.valueOf(rs.getString("light")), rs.getInt("version"));
	}

	/** A task as stored. */
	record Row(long id, long campaignId, Long parentId, int position, String outline, String idPath, String title,
			String targetIndicator, BigDecimal targetValue, String targetUnit, long leadUnitId,
			Long responsibleLeaderId, Long territorialUnitId, LocalDate startDate, LocalDate deadline,
			LocalDate baselineDeadline, BigDecimal weight, TaskStatus status, BigDecimal progress, Light ownLight,
			Light light, int version) {

		Target target() {
			return (this.targetIndicator != null) ? new Target(this.targetIndicator, this.targetValue, this.targetUnit)
					: null;
		}

	}

	record MilestoneRow(long taskId, Milestone milestone) {
	}

	/** A task as the recomputation of the lights reads it. */
	record Node(long id, Long parentId, int position, String outline, TaskStatus status, BigDecimal weight,
			BigDecimal progress, LocalDate startDate, LocalDate deadline, Light ownLight, Light light) {
	}

	/** What a recomputation of the lights stores for a task. */
	record Computed(long id, String outline, BigDecimal progress, Light ownLight, Light light) {
	}

	record TaskUnit(long taskId, long unitId, String role) {
	}

}
