package dev.luoshi.organization;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The unit table. A unit's {@code id_path} ({@code /1/5/23/}) lists its ancestors and
 * itself.
 */
@Repository
class UnitRepository {

	private static final String COLUMNS = "id, code, name, kind, parent_id, id_path, depth, peer_group, sort_order, version";

	private final JdbcClient jdbc;

	UnitRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Row> find(long id) {
		return this.jdbc.sql("select " + COLUMNS + " from unit where id = ?")
			.param(id)
			.query(UnitRepository::row)
			.optional();
	}

	Optional<Row> findByCode(String code) {
		return this.jdbc.sql("select " + COLUMNS + " from unit where code = ?")
			.param(code)
			.query(UnitRepository::row)
			.optional();
	}

	List<Row> findByName(String name) {
		return this.jdbc.sql("select " + COLUMNS + " from unit where name = ? order by id")
			.param(name)
			.query(UnitRepository::row)
			.list();
	}

	List<Row> findAll(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("select " + COLUMNS + " from unit where id in (:ids)")
			.param("ids", ids)
			.query(UnitRepository::row)
			.list();
	}

	List<Row> all() {
		return this.jdbc.sql("select " + COLUMNS + " from unit order by depth, sort_order, id")
			.query(UnitRepository::row)
			.list();
	}

	List<Row> page(Long parentId, String kind, String text, String peerGroup, int offset, int size) {
		return this.jdbc
			.sql("select " + COLUMNS + " from unit" + where(parentId, kind, text, peerGroup)
					+ " order by depth, sort_order, id offset :offset rows fetch next :size rows only")
			.params(filter(parentId, kind, text, peerGroup))
			.param("offset", offset)
			.param("size", size)
			.query(UnitRepository::row)
			.list();
	}

	long count(Long parentId, String kind, String text, String peerGroup) {
		return this.jdbc.sql("select count(*) from unit" + where(parentId, kind, text, peerGroup))
			.params(filter(parentId, kind, text, peerGroup))
			.query(Long.class)
			.single();
	}

	private static String where(Long parentId, String kind, String text, String peerGroup) {
		List<String> conditions = new ArrayList<>();
		if (parentId != null) {
			conditions.add("parent_id = :parentId");
		}
		if (kind != null) {
			conditions.add("kind = :kind");
		}
		if (text != null) {
			conditions.add("(lower(name) like :text or lower(code) like :text)");
		}
		if (peerGroup != null) {
			conditions.add("peer_group = :peerGroup");
		}
		return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
	}

	private static Map<String, Object> filter(Long parentId, String kind, String text, String peerGroup) {
		Map<String, Object> params = new HashMap<>();
		if (parentId != null) {
			params.put("parentId", parentId);
		}
		if (kind != null) {
			params.put("kind", kind);
		}
		if (text != null) {
			params.put("text", "%" + text.toLowerCase() + "%");
		}
		if (peerGroup != null) {
			params.put("peerGroup", peerGroup);
		}
		return params;
	}

	/**
	 * The unit and the units below it. Near the top of the tree that is most units, and
	 * one pass over them all is quickest; further down the units are found level by level
	 * along the parent index, since a {@code like} on the paths cannot use their index
	 * under most collations and read all 20,000 units of a province for every unit
	 * operator's request.
	 */
	List<Long> subtreeIds(Row unit) {
		if (unit.depth() <= 1) {
			return this.jdbc.sql("select id from unit where id_path like ?")
				.param(unit.idPath() + "%")
				.query(Long.class)
				.list();
		}
		return subtreeIds(unit.id());
	}

	private List<Long> subtreeIds(long unitId) {
		return this.jdbc
			.sql("with recursive below (id) as (select id from unit where id = ? union all "
					+ "select u.id from unit u join below b on u.parent_id = b.id) select id from below")
			.param(unitId)
			.query(Long.class)
			.list();
	}

	boolean exists(long id) {
		return this.jdbc.sql("select count(*) from unit where id = ?").param(id).query(Long.class).single() > 0;
	}

	boolean codeTaken(String code) {
		return this.jdbc.sql("select count(*) from unit where code = ?").param(code).query(Long.class).single() > 0;
	}

	long count() {
		return this.jdbc.sql("select count(*) from unit").query(Long.class).single();
	}

	long insert(NewUnit unit, String parentPath, int depth, Instant now) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("insert into unit (code, name, kind, parent_id, id_path, depth, peer_group, sort_order, created_at) "
					+ "values (:code, :name, :kind, :parentId, '/', :depth, :peerGroup, :sortOrder, :now)")
			.param("code", unit.code())
			.param("name", unit.name())
			.param("kind", unit.kind().name())
			.param("parentId", unit.parentId())
			.param("depth", depth)
			.param("peerGroup", unit.peerGroup())
			.param("sortOrder", (unit.sortOrder() != null) ? unit.sortOrder() : 0)
			.param("now", Timestamp.from(now))
			.update(keys, "id");
		long id = keys.getKeyAs(Long.class);
		this.jdbc.sql("update unit set id_path = ? where id = ?").param(parentPath + id + "/").param(id).update();
		return id;
	}

	/**
	 * Updates the plain fields if {@code version} is still current; false if it is not.
	 */
	boolean update(long id, String name, String kind, String peerGroup, int sortOrder, int version) {
		return this.jdbc
			.sql("update unit set name = :name, kind = :kind, peer_group = :peerGroup, sort_order = :sortOrder, "
					+ "version = version + 1 where id = :id and version = :version")
			.param("name", name)
			.param("kind", kind)
			.param("peerGroup", peerGroup)
			.param("sortOrder", sortOrder)
			.param("id", id)
			.param("version", version)
			.update() == 1;
	}

	/**
	 * Moves a subtree: the unit gets a new parent, and every path below it a new prefix.
	 */
	void move(Row unit, Long newParentId, String newParentPath, int newParentDepth) {
		String newPath = newParentPath + unit.id() + "/";
		int depthShift = (newParentDepth + 1) - unit.depth();
		this.jdbc.sql("update unit set parent_id = ? where id = ?").param(newParentId).param(unit.id()).update();
		this.jdbc
			.sql("update unit set id_path = :newPath || substring(id_path, :cut), depth = depth + :shift "
					+ "where id_path like :oldPrefix")
			.param("newPath", newPath)
			.param("cut", unit.idPath().length() + 1)
			.param("shift", depthShift)
			.param("oldPrefix", unit.idPath() + "%")
			.update();
	}

	private static Row row(ResultSet rs, int rowNum) throws SQLException {
		Long parent = rs.getObject("parent_id", Long.class);
		return new Row(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
				UnitKind.valueOf(rs.getString("kind")), parent, rs.getString("id_path"), rs.getInt("depth"),
				rs.getString("peer_group"), rs.getInt("sort_order"), rs.getInt("version"));
	}

	/** A unit as stored. */
	record Row(long id, String code, String name, UnitKind kind, Long parentId, String idPath, int depth,
			String peerGroup, int sortOrder, int version) {

		List<Long> ancestry() {
			return Arrays.stream(this.idPath.split("/")).filter((part) -> !part.isEmpty()).map(Long::valueOf).toList();
		}

	}

}
