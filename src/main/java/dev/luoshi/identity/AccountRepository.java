package dev.luoshi.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Accounts, their roles and their failed sign-ins. */
@Repository
class AccountRepository {

	private static final String SELECT = "select a.id, a.username, a.password_hash, a.display_name, a.person_id, a.unit_id, "
			+ "u.name as unit_name, a.enabled, a.locked_until, a.password_changed_at, a.version "
			+ "from account a join unit u on u.id = a.unit_id";

	private final JdbcClient jdbc;

	AccountRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Row> find(long id) {
		return this.jdbc.sql(SELECT + " where a.id = ?").param(id).query(this::row).optional();
	}

	Optional<Row> findByUsername(String username) {
		return this.jdbc.sql(SELECT + " where a.username = ?").param(username).query(this::row).optional();
	}

	List<Row> page(Long unitId, String text, int offset, int size) {
		return this.jdbc
			.sql(SELECT + where(unitId, text) + " order by a.id offset :offset rows fetch next :size rows only")
			.params(filter(unitId, text))
			.param("offset", offset)
			.param("size", size)
			.query(this::row)
			.list();
	}

	long count(Long unitId, String text) {
		return this.jdbc.sql("select count(*) from account a" + where(unitId, text))
			.params(filter(unitId, text))
			.query(Long.class)
			.single();
	}

	private static String where(Long unitId, String text) {
		List<String> conditions = new ArrayList<>();
		if (unitId != null) {
			conditions.add("a.unit_id = :unitId");
		}
		if (text != null) {
			conditions.add("(lower(a.username) like :text or lower(a.display_name) like :text)");
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

	boolean usernameTaken(String username) {
		return this.jdbc.sql("select count(*) from account where lower(username) = lower(?)")
			.param(username)
			.query(Long.class)
			.single() > 0;
	}

	long insert(String username, String passwordHash, long personId, long unitId, String displayName, Instant now) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql(
				"insert into account (username, password_hash, person_id, unit_id, display_name, password_changed_at, created_at) "
						+ "values (?, ?, ?, ?, ?, ?, ?)")
			.params(username, passwordHash, personId, unitId, displayName, Timestamp.from(now), Timestamp.from(now))
			.update(keys, "id");
		return keys.getKeyAs(Long.class);
	}

	boolean update(long id, String displayName, long unitId, boolean enabled, int version) {
		return this.jdbc
			.sql("update account set display_name = ?, unit_id = ?, enabled = ?, version = version + 1 "
					+ "where id = ? and version = ?")
			.params(displayName, unitId, enabled, id, version)
			.update() == 1;
	}

	void replaceRoles(long accountId, Collection<Role> roles) {
		this.jdbc.sql("delete from account_role where account_id = ?").param(accountId).update();
		for (Role role : EnumSet.copyOf(roles)) {
			this.jdbc.sql("insert into account_role (account_id, role_name) values (?, ?)")
				.params(accountId, role.name())
				.update();
		}
	}

	void changePassword(long id, String passwordHash, Instant now) {
		this.jdbc
			.sql("update account set password_hash = ?, password_changed_at = ?, version = version + 1 where id = ?")
			.params(passwordHash, Timestamp.from(now), id)
			.update();
	}

	void recordFailure(long accountId, Instant at) {
		this.jdbc.sql("insert into login_failure (account_id, failed_at) values (?, ?)")
			.params(accountId, Timestamp.from(at))
			.update();
	}

	int failuresSince(long accountId, Instant since) {
		return this.jdbc.sql("select count(*) from login_failure where account_id = ? and failed_at > ?")
			.params(accountId, Timestamp.from(since))
			.query(Integer.class)
			.single();
	}

	void lockUntil(long accountId, Instant until) {
		this.jdbc.sql("update account set locked_until = ? where id = ?")
			.params((until != null) ? Timestamp.from(until) : null, accountId)
			.update();
	}

	void clearFailures(long accountId) {
		this.jdbc.sql("delete from login_failure where account_id = ?").param(accountId).update();
	}

	boolean exists(String username) {
		return usernameTaken(username);
	}

	private Row row(ResultSet rs, int rowNum) throws SQLException {
		long id = rs.getLong("id");
		OffsetDateTime lockedUntil = rs.getObject("locked_until", OffsetDateTime.class);
		return new Row(id, rs.getString("username"), rs.getString("password_hash"), rs.getString("display_name"),
				rs.getLong("person_id"), rs.getLong("unit_id"), rs.getString("unit_name"), rs.getBoolean("enabled"),
				(lockedUntil != null) ? lockedUntil.toInstant() : null,
				rs.getObject("password_changed_at", OffsetDateTime.class).toInstant(), rs.getInt("version"), roles(id));
	}

	private Set<Role> roles(long accountId) {
		List<Role> roles = this.jdbc.sql("select role_name from account_role where account_id = ?")
			.param(accountId)
			.query((rs, n) -> Role.valueOf(rs.getString(1)))
			.list();
		return roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
	}

	record Row(long id, String username, String passwordHash, String displayName, long personId, long unitId,
			String unitName, boolean enabled, Instant lockedUntil, Instant passwordChangedAt, int version,
			Set<Role> roles) {

		CurrentUser toCurrentUser() {
			return new CurrentUser(this.id, this.username, this.displayName, this.personId, this.unitId, this.roles);
		}

	}

	/** The enabled accounts of exactly this unit holding any of the roles. */
	List<Long> enabledIdsOf(long unitId, java.util.Collection<String> roles) {
		return this.jdbc
			.sql("select distinct a.id from account a join account_role r on r.account_id = a.id "
					+ "where a.unit_id = :unit and a.enabled and r.role_name in (:roles) order by a.id")
			.param("unit", unitId)
			.param("roles", roles)
			.query(Long.class)
			.list();
	}

}
