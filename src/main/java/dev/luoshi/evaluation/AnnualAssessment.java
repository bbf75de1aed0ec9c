package dev.luoshi.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.luoshi.identity.DataScope;
import dev.luoshi.identity.DataScopes;
import dev.luoshi.identity.Role;
import dev.luoshi.shared.DomainException;
import dev.luoshi.shared.EntityChanged;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The annual assessment (年终总考核): each unit's published quarterly scores of the year
 * averaged, annual items added (capped like a quarter's), ranked per peer group with ties
 * broken by the latest quarter, and graded: 优秀 within the scheme's quota, then 良好 and 一般
 * by the floors, 较差 below.
 */
@Service
@Transactional
public class AnnualAssessment {

	private final JdbcClient jdbc;

	private final Schemes schemes;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final DataScopes scopes;

	AnnualAssessment(JdbcClient jdbc, Schemes schemes, DataScopes scopes, ApplicationEventPublisher events,
			Clock clock) {
		this.scopes = scopes;
		this.jdbc = jdbc;
		this.schemes = schemes;
		this.events = events;
		this.clock = clock;
	}

	public List<AnnualResult> assess(long schemeId, Integer year) {
		this.schemes.office();
		Scheme scheme = this.schemes.scheme(schemeId);
		if (year == null || year != scheme.year()) {
			throw DomainException.invalid("year", "period-outside-year", "The scheme is for " + scheme.year(),
					String.valueOf(year), scheme.year());
		}
		Map<Long, Quarters> units = new LinkedHashMap<>();
		String[] latestPeriod = { null };
		this.jdbc
			.sql("select e.unit_id, u.name, e.peer_group, r.period, e.score from ranking_entry e "
					+ "join ranking r on r.id = e.ranking_id join unit u on u.id = e.unit_id "
					+ "where r.scheme_id = ? and r.period like ? and r.status = 'PUBLISHED' "
					+ "order by u.sort_order, u.id, r.period")
			.params(schemeId, year + "Q%")
			.query((rs) -> {
				String name = rs.getString(2);
				String group = rs.getString(3);
				Quarters quarters = units.computeIfAbsent(rs.getLong(1),
						(unit) -> new Quarters(name, group, new ArrayList<>(), new ArrayList<>()));
				quarters.scores().add(rs.getBigDecimal(5));
				quarters.periods().add(rs.getString(4));
				latestPeriod[0] = (latestPeriod[0] == null || rs.getString(4).compareTo(latestPeriod[0]) > 0)
						? rs.getString(4) : latestPeriod[0];
			});
		if (units.isEmpty()) {
			throw DomainException.conflict("no-quarterly-rankings",
					"The scheme has no published quarterly ranking in " + year + " yet", year);
		}
		Map<Long, BigDecimal[]> items = new HashMap<>();
		this.jdbc.sql(
				"select unit_id, kind, sum(points) from adjustment where scheme_id = ? and period = ? and not exempted "
						+ "group by unit_id, kind")
			.params(schemeId, String.valueOf(year))
			.query((rs) -> {
				BigDecimal[] sums = items.computeIfAbsent(rs.getLong(1),
						(unit) -> new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO });
				sums["BONUS".equals(rs.getString(2)) ? 0 : 1] = rs.getBigDecimal(3);
			});
		Map<String, List<AnnualResult>> groups = new LinkedHashMap<>();
		units.forEach((unit, quarters) -> {
			BigDecimal mean = quarters.scores()
				.stream()
				.reduce(BigDecimal.ZERO, BigDecimal::add)
				.divide(BigDecimal.valueOf(quarters.scores().size()), 2, RoundingMode.HALF_UP);
			BigDecimal[] sums = items.getOrDefault(unit, new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO });
			BigDecimal annual = Scoring.capped(sums[0], scheme.bonusCap())
				.subtract(Scoring.capped(sums[1], scheme.penaltyCap()));
			// the tie-break compares everyone on the same, latest published quarter
			int at = quarters.periods().indexOf(latestPeriod[0]);
			BigDecimal latest = (at >= 0) ? quarters.scores().get(at) : BigDecimal.ZERO.setScale(2);
			groups.computeIfAbsent(quarters.peerGroup(), (key) -> new ArrayList<>())
				.add(new AnnualResult(unit, quarters.name(), quarters.peerGroup(), mean, annual,
						Scoring.total(mean, annual, BigDecimal.ZERO), latest, 0, null));
		});
		List<AnnualResult> results = new ArrayList<>();
		Comparator<AnnualResult> order = Comparator.comparing(AnnualResult::score)
			.thenComparing(AnnualResult::latestQuarter)
			.reversed();
		groups.values().forEach((group) -> {
			List<Scoring.Ranked<AnnualResult>> ranked = Scoring.rank(group, order);
			List<String> grades = Scoring.grades(ranked, AnnualResult::score,
					Scoring.excellentCount(group.size(), scheme.excellentQuota()), scheme.goodFloor(),
					scheme.fairFloor());
			for (int i = 0; i < ranked.size(); i++) {
				AnnualResult each = ranked.get(i).item();
				results.add(new AnnualResult(each.unitId(), each.unitName(), each.peerGroup(), each.quarterMean(),
						each.annualItems(), each.score(), each.latestQuarter(), ranked.get(i).rank(),
						AnnualResult.Grade.valueOf(grades.get(i))));
			}
		});
		store(schemeId, year, results);
		this.events.publishEvent(new EntityChanged("scheme", String.valueOf(schemeId), "ASSESSED", null,
				Map.of("year", year, "units", results.size())));
		return results;
	}

	/** The stored result of a year, as last assessed. */
	@Transactional(readOnly = true)
	public List<AnnualResult> results(long schemeId, int year) {
		this.schemes.scheme(schemeId);
		DataScope scope = this.scopes.current();
		boolean all = scope.all() || this.scopes.caller().map((user) -> user.hasRole(Role.LEADER)).orElse(false);
		return this.jdbc
			.sql("select a.unit_id, u.name, a.peer_group, a.quarter_mean, a.annual_items, a.score, a.latest_quarter, "
					+ "a.rank_no, a.grade from annual_result a join unit u on u.id = a.unit_id "
					+ "where a.scheme_id = ? and a.cal_year = ? order by a.peer_group, a.rank_no, u.sort_order, u.id")
			.params(schemeId, year)
			.query((rs, n) -> new AnnualResult(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4),
					rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getInt(8),
					AnnualResult.Grade.valueOf(rs.getString(9))))
			.list()
			.stream()
			// the office and leaders see every unit's grade, a unit its own
			.filter((result) -> all || scope.includesUnit(result.unitId()))
			.toList();
	}

	private void store(long schemeId, int year, List<AnnualResult> results) {
		this.jdbc.sql("delete from annual_result where scheme_id = ? and cal_year = ?").params(schemeId, year).update();
		Timestamp now = Timestamp.from(this.clock.instant());
		for (AnnualResult each : results) {
			this.jdbc
				.sql("insert into annual_result (scheme_id, cal_year, unit_id, peer_group, quarter_mean, annual_items, "
						+ "score, latest_quarter, rank_no, grade, computed_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
				.params(schemeId, year, each.unitId(), each.peerGroup(), each.quarterMean(), each.annualItems(),
						each.score(), each.latestQuarter(), each.rank(), each.grade().name(), now)
				.update();
		}
	}

	private record Quarters(String name, String peerGroup, List<BigDecimal> scores, List<String> periods) {
	}

}
