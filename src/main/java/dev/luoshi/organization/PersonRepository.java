package dev.luoshi.organization;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** People, their further posts and their portfolios. */
@Repository
class PersonRepository {

	private static final String SELECT = "select p.id, p.name, p.unit_id, u.name as unit_name, p.title, p.phone, p.version "
			+ "from person p join unit u on u.id = p.unit_id";

	private final JdbcClient jdbc;

	PersonRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Row> find(long id) {
		return this.jdbc.sql(SELECT + " where p.id = ?").param(id).query(PersonRepository::row).optional();
	}

	List<Row> findAll(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql(SELECT + " where p.id in (:ids)").param("ids", ids).query(PersonRepository::row).list();
	}

	List<Row> page(Long unitId, String text, int offset, int size) {
		return this.jdbc
			.sql(SELECT + where(unitId, text)
					+ " order by p.unit_id, p.id offset :offset rows fetch next :size rows only")
			.params(filter(unitId, text))
			.param("offset", offset)
			.param("size", size)
			.query(PersonRepository::row)
			.list();
	}

	long count(Long unitId, String text) {
		return this.jdbc.sql("select count(*) from person p" + where(unitId, text))
			.params(filter(unitId, text))
			.query(Long.class)
			.single();
	}

	private static String where(Long unitId, String text) {
		List<String> conditions = new ArrayList<>();
		if (unitId != null) {
			conditions.add("p.unit_id = :unitId");
		}
		if (text != null) {
			conditions.add("(lower(p.name) like :text or lower(p.title) like :text)");
		}
		return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
	}

	private static Map<String, Object> filter(Long unitId, String text) {
		Map<String, Object> params = new HashMap<>();
		if (unitId != null) {
			params.put("unitId", unitId);
		}
		if (text != null) {
			params.put("text", "%" + text.toLowerCase() + "%");
		}
		return params;
	}

	long insert(String name, long unitId, String title, String phone, Instant now) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("insert into person (name, unit_id, title, phone, created_at) values (?, ?, ?, ?, ?)")
			.params(name, unitId, title, phone, Timestamp.from(now))
			.update(keys, "id");
		return keys.getKeyAs(Long.class);
	}

	boolean update(long id, String name, long unitId, String title, String phone, int version) {
		return this.jdbc
			.sql("update person set name = ?, unit_id = ?, title = ?, phone = ?, version = version + 1 "
					+ "where id = ? and version = ?")
			.params(name, unitId, title, phone, id, version)
			.update() == 1;
	}

	void bumpVersion(long id) {
		this.jdbc.sql("update person set version = version + 1 where id = ?").param(id).update();
	}

	List<Person.Position> positions(long personId) {
		return this.jdbc.sql("select id, unit_id, title from person_position where person_id = ? order by id")
			.param(personId)
			.query((rs, n) -> new Person.Position(rs.getLong("id"), rs.getLong("unit_id"), rs.getString("title")))
			.list();
	}

	long addPosition(long personId, long unitId, String title) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("insert into person_position (person_id, unit_id, title) values (?, ?, ?)")
			.params(personId, unitId, title)
			.update(keys, "id");
		return keys.getKeyAs(Long.class);
	}

	List<Long> portfolio(long personId) {
		return this.jdbc.sql("select unit_id from portfolio_unit where person_id = ? order by unit_id")
			.param(personId)
			.query(Long.class)
			.list();
	}

	void replacePortfolio(long personId, Collection<Long> unitIds) {
		this.jdbc.sql("delete from portfolio_unit where person_id = ?").param(personId).update();
		for (Long unitId : unitIds) {
			this.jdbc.sql("insert into portfolio_unit (person_id, unit_id) values (?, ?)")
				.params(personId, unitId)
				.update();
		}
	}

	/** The leaders whose portfolio holds this unit. */
	List<Long> leadersOf(long unitId) {
		return this.jdbc.sql("select person_id from portfolio_unit where unit_id = ? order by person_id")
			.param(unitId)
			.query(Long.class)
			.list();
	}

	long count() {
		return this.jdbc.sql("select count(*) from person").query(Long.class).single();
	}

	private static Row row(ResultSet rs, int rowNum) throws SQLException {
		return new Row(rs.getLong("id"), rs.getString("name"), rs.getLong("unit_id"), rs.getString("unit_name"),
				rs.getString("title"), rs.getString("phone"), rs.getInt("version"));
	}

	record Row(long id, String name, long unitId, String unitName, String title, String phone, int version) {
	}

}
