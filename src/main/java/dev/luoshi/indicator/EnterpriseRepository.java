package dev.luoshi.indicator;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Enterprises and their yearly figures. */
@Repository
class EnterpriseRepository {

	private static final String SELECT = "select e.id, e.credit_code, e.name, e.unit_id, e.industry, e.land_area, "
			+ "e.version, f.figure_year, f.tax_paid, f.output_value, f.energy_use, f.rd_spending, "
			+ "f.version as figures_version from enterprise e "
			+ "left join enterprise_figures f on f.enterprise_id = e.id and f.figure_year = ?";

	private final JdbcClient jdbc;

	EnterpriseRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** An enterprise with its figures of one year, if it has any. */
	record Row(long id, String code, String name, long unitId, String industry, BigDecimal landArea, int version,
			Enterprise.Figures figures) {
	}

	boolean codeTaken(String code) {
		return this.jdbc.sql("select count(*) from enterprise where credit_code = ?")
			.param(code)
			.query(Long.class)
			.single() > 0;
	}

	long insert(NewEnterprise enterprise, String code, Instant now) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("insert into enterprise (credit_code, name, unit_id, industry, land_area, created_at) "
					+ "values (?, ?, ?, ?, ?, ?)")
			.params(code, enterprise.name().strip(), enterprise.unitId(), enterprise.industry(), enterprise.landArea(),
					Timestamp.from(now))
			.update(keys, "id");
		return keys.getKeyAs(Long.class);
	}

	Optional<Row> find(long id, int year) {
		return this.jdbc.sql(SELECT + " where e.id = ?").params(year, id).query(this::row).optional();
	}

	/** Every enterprise with its figures of the year (one query), in code order. */
	List<Row> all(int year) {
		return this.jdbc.sql(SELECT + " order by e.unit_id, e.name, e.id").param(year).query(this::row).list();
	}

	/** The enterprises that have figures for the year, with them (one query). */
	List<Row> withFigures(int year) {
		return this.jdbc.sql(SELECT + " where f.figure_year is not null").param(year).query(this::row).list();
	}

	void insertFigures(long enterpriseId, int year, FigureEntry figures, Long accountId, Instant now) {
		this.jdbc
			.sql("insert into enterprise_figures (enterprise_id, figure_year, tax_paid, output_value, energy_use, "
					+ "rd_spending, entered_by, entered_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
			.params(enterpriseId, year, figures.taxPaid(), figures.outputValue(), figures.energyUse(),
					figures.rdSpending(), accountId, Timestamp.from(now))
			.update();
	}

	int updateFigures(long enterpriseId, int year, FigureEntry figures, int version, Long accountId, Instant now) {
		return this.jdbc
			.sql("update enterprise_figures set tax_paid = ?, output_value = ?, energy_use = ?, rd_spending = ?, "
					+ "entered_by = ?, entered_at = ?, version = version + 1 "
					+ "where enterprise_id = ? and figure_year = ? and version = ?")
			.params(figures.taxPaid(), figures.outputValue(), figures.energyUse(), figures.rdSpending(), accountId,
					Timestamp.from(now), enterpriseId, year, version)
			.update();
	}

	private Row row(ResultSet rs, int n) throws SQLException {
		int year = rs.getInt("figure_year");
		Enterprise.Figures figures = rs.wasNull() ? null
				: new Enterprise.Figures(year, rs.getBigDecimal("tax_paid"), rs.getBigDecimal("output_value"),
						rs.getBigDecimal("energy_use"), rs.getBigDecimal("rd_spending"), rs.getInt("figures_version"));
		return new Row(rs.getLong("id"), rs.getString("credit_code"), rs.getString("name"), rs.getLong("unit_id"),
				rs.getString("industry"), rs.getBigDecimal("land_area"), rs.getInt("version"), figures);
	}

}
