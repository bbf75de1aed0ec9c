package dev.luoshi.indicator;

import dev.luoshi.shared.Period;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The indicator catalogue and the values entered for it. */
@Repository
class IndicatorRepository {

	private static final String INDICATOR = "select id, code, name, measure_unit, higher_better, description "
			+ "from indicator";

	private static final String VALUE = "select v.id, i.code, i.name, i.measure_unit, i.higher_better, v.region_id, "
			+ "v.period_code, v.target, v.actual, v.growth, p.actual as prior_actual, v.entered_at, v.version "
			+ "from indicator_value v join indicator i on i.id = v.indicator_id "
			+ "left join indicator_value p on p.indicator_id = v.indicator_id and p.region_id = v.region_id "
			+ "and p.period_code = v.prior_code";

	private final JdbcClient jdbc;

	IndicatorRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A stored value with what its view needs: the indicator and last year's actual. */
	record ValueRow(long id, String code, String name, String unit, boolean higherIsBetter, long regionId,
			String period, BigDecimal target, BigDecimal actual, BigDecimal growth, BigDecimal priorActual,
			Instant enteredAt, int version) {
	}

	/** Which values to read; null fields do not filter. */
	record ValueFilter(Long indicatorId, Long regionId, String period) {
	}

	List<Indicator> all() {
		return this.jdbc.sql(INDICATOR + " order by position, id").query(this::indicator).list();
	}

	Optional<Indicator> findByCode(String code) {
		return this.jdbc.sql(INDICATOR + " where code = ?").param(code).query(this::indicator).optional();
	}

	Optional<Indicator> findByName(String name) {
		List<Indicator> found = this.jdbc.sql(INDICATOR + " where name = ?").param(name).query(this::indicator).list();
		return (found.size() == 1) ? Optional.of(found.get(0)) : Optional.empty();
	}

	long insert(NewIndicator indicator, boolean higherIsBetter, Instant now) {
		int position = this.jdbc.sql("select coalesce(max(position), 0) + 1 from indicator")
			.query(Integer.class)
			.single();
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("insert into indicator (code, name, measure_unit, higher_better, description, position, created_at) "
					+ "values (?, ?, ?, ?, ?, ?, ?)")
			.params(indicator.code().strip(), indicator.name().strip(), indicator.unit().strip(), higherIsBetter,
					indicator.description(), position, Timestamp.from(now))
			.update(keys, "id");
		return keys.getKeyAs(Long.class);
	}

	Optional<ValueRow> findValue(long indicatorId, long regionId, String period) {
		return this.jdbc.sql(VALUE + " where v.indicator_id = ? and v.region_id = ? and v.period_code = ?")
			.params(indicatorId, regionId, period)
			.query(this::value)
			.optional();
	}

	void insertValue(long indicatorId, long regionId, Period period, BigDecimal target, BigDecimal actual,
			BigDecimal growth, Long accountId, Instant now) {
		this.jdbc
			.sql("insert into indicator_value (indicator_id, region_id, period_code, prior_code, target, actual, "
					+ "growth, entered_by, entered_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(indicatorId, regionId, period.code(), period.sameLastYear().code(), target, actual, growth,
					accountId, Timestamp.from(now))
			.update();
	}

	/** Changes a value when it still has {@code version}; 0 when it has moved on. */
	int updateValue(long id, BigDecimal target, BigDecimal actual, BigDecimal growth, int version, Long accountId,
			Instant now) {
		return this.jdbc
			.sql("update indicator_value set target = ?, actual = ?, growth = ?, entered_by = ?, entered_at = ?, "
					+ "version = version + 1 where id = ? and version = ?")
			.params(target, actual, growth, accountId, Timestamp.from(now), id, version)
			.update();
	}

	List<ValueRow> values(ValueFilter filter, long offset, int limit) {
		List<Object> params = new ArrayList<>();
		String sql = VALUE + where(filter, params) + " order by i.position, i.id, v.period_code, v.region_id"
				+ " offset ? rows fetch next ? rows only";
		params.add(offset);
		params.add(limit);
		return this.jdbc.sql(sql).params(params).query(this::value).list();
	}

	long count(ValueFilter filter) {
		List<Object> params = new ArrayList<>();
		return this.jdbc.sql("select count(*) from indicator_value v" + where(filter, params))
			.params(params)
			.query(Long.class)
			.single();
	}

	/**
	 * The targets and actuals of every region for one indicator and period, in one query.
	 */
	List<Achievement> achievements(long indicatorId, String period) {
		return this.jdbc
			.sql("select region_id, target, actual from indicator_value where indicator_id = ? and period_code = ?")
			.params(indicatorId, period)
			.query((rs, n) -> new Achievement(rs.getLong("region_id"), rs.getBigDecimal("target"),
					rs.getBigDecimal("actual")))
			.list();
	}

	/** The periods that have values for an indicator, latest first. */
	List<String> periods(long indicatorId) {
		return this.jdbc
			.sql("select distinct period_code from indicator_value where indicator_id = ? order by period_code desc")
			.param(indicatorId)
			.query(String.class)
			.list();
	}

	private static String where(ValueFilter filter, List<Object> params) {
		List<String> conditions = new ArrayList<>();
		if (filter.indicatorId() != null) {
			conditions.add("v.indicator_id = ?");
			params.add(filter.indicatorId());
		}
		if (filter.regionId() != null) {
			conditions.add("v.region_id = ?");
			params.add(filter.regionId());
		}
		if (filter.period() != null) {
			conditions.add("v.period_code = ?");
			params.add(filter.period());
		}
		return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
	}

	private Indicator indicator(ResultSet rs, int n) throws SQLException {
		return new Indicator(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getString("measure_unit"),
				rs.getBoolean("higher_better"), rs.getString("description"));
	}

	private ValueRow value(ResultSet rs, int n) throws SQLException {
		return new ValueRow(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getString("measure_unit"),
				rs.getBoolean("higher_better"), rs.getLong("region_id"), rs.getString("period_code"),
				rs.getBigDecimal("target"), rs.getBigDecimal("actual"), rs.getBigDecimal("growth"),
				rs.getBigDecimal("prior_actual"), rs.getTimestamp("entered_at").toInstant(), rs.getInt("version"));
	}

}
