package dev.luoshi.evaluation;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.luoshi.identity.CurrentUser;
import dev.luoshi.shared.Period;
import dev.luoshi.identity.DataScopes;
import dev.luoshi.identity.Role;
import dev.luoshi.indicator.Indicators;
import dev.luoshi.organization.Organization;
import dev.luoshi.shared.DomainException;
import dev.luoshi.shared.EntityChanged;
import dev.luoshi.shared.Texts;
import dev.luoshi.supervision.NoticeLevel;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Schemes and the assessors' scores. Only the office (SUPERVISOR, ADMIN) writes; every
 * signed-in user reads.
 */
@Service
@Transactional
public class Schemes {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private final JdbcClient jdbc;

	private final DataScopes scopes;

	private final Organization organization;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Indicators indicators;

	Schemes(JdbcClient jdbc, DataScopes scopes, Organization organization, ApplicationEventPublisher events,
			Clock clock, Indicators indicators) {
		this.indicators = indicators;
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.organization = organization;
		this.events = events;
		this.clock = clock;
	}

	public Scheme create(NewScheme command) {
		office();
		String code = Texts.required("code", command.code(), 64);
		Checked checked = check(command);
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		try {
			this.jdbc
				.sql("insert into scheme (code, name, cal_year, bonus_cap, penalty_cap, excellent_quota, good_floor, "
						+ "fair_floor, public_board, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
				.params(code, checked.name(), checked.year(), checked.bonusCap(), checked.penaltyCap(),
						checked.excellentQuota(), checked.goodFloor(), checked.fairFloor(), checked.publicBoard(),
						Timestamp.from(this.clock.instant()))
				.update(keys, "id");
		}
		catch (DuplicateKeyException ex) {
			throw DomainException.conflict("duplicate-code", "A scheme with code " + code + " exists", code);
		}
		long id = keys.getKeyAs(Long.class);
		writeParts(id, command, false);
		Scheme created = find(id);
		this.events.publishEvent(EntityChanged.created("scheme", id, created));
		return created;
	}

	/** Replaces a scheme's settings, groups and indicators; a stale version is 409. */
	public Scheme update(long id, NewScheme command) {
		office();
		Scheme before = scheme(id);
		if (command.version() == null) {
			throw DomainException.invalid("version", "required", "version is required");
		}
		Checked checked = check(command);
		boolean ranked = this.jdbc.sql("select count(*) from ranking where scheme_id = ?")
			.param(id)
			.query(Long.class)
			.single() > 0;
		if (ranked && checked.year() != before.year()) {
			throw DomainException.conflict("scheme-year-ranked",
					"The scheme has rankings of " + before.year() + "; its year stays", before.year());
		}
		int updated = this.jdbc
			.sql("update scheme set name = ?, cal_year = ?, bonus_cap = ?, penalty_cap = ?, excellent_quota = ?, "
					+ "good_floor = ?, fair_floor = ?, public_board = ?, version = version + 1 where id = ? and version = ?")
			.params(checked.name(), checked.year(), checked.bonusCap(), checked.penaltyCap(), checked.excellentQuota(),
					checked.goodFloor(), checked.fairFloor(), checked.publicBoard(), id, command.version())
			.update();
		if (updated == 0) {
			throw DomainException.staleVersion("scheme", id);
		}
		writeParts(id, command, true);
		Scheme after = find(id);
		this.events.publishEvent(EntityChanged.updated("scheme", id, before, after));
		return after;
	}

	@Transactional(readOnly = true)
	public Scheme scheme(long id) {
		return find(id);
	}

	@Transactional(readOnly = true)
	public List<Scheme> schemes(Integer year) {
		return this.jdbc.sql(
				"select id from scheme where (cast(:year as integer) is null or cal_year = :year) order by cal_year desc, id")
			.param("year", year)
			.query(Long.class)
			.list()
			.stream()
			.map(this::find)
			.toList();
	}

	/** Enters (or replaces) an assessor's score of a unit for a period. */
	public AssessorScore enterScore(long schemeId, String periodText, Long unitId, String indicatorCode,
			BigDecimal score) {
		CurrentUser user = office();
		Scheme scheme = scheme(schemeId);
		Period period = periodOf(scheme, "period", periodText);
		Scheme.Indicator indicator = scheme.indicator(Texts.required("indicator", indicatorCode, 64))
			.orElseThrow(() -> DomainException.invalid("indicator", "unknown-scheme-indicator",
					"The scheme has no indicator " + indicatorCode, indicatorCode));
		if (indicator.kind() != IndicatorKind.ASSESSOR_SCORE) {
			throw DomainException.invalid("indicator", "not-assessor-score",
					"Indicator " + indicatorCode + " is not scored by assessors", indicatorCode);
		}
		long unit = member(scheme, unitId);
		if (score == null || score.signum() < 0 || score.compareTo(HUNDRED) > 0) {
			throw DomainException.invalid("score", "score-range", "A score is between 0 and 100");
		}
		BigDecimal value = score.setScale(2, java.math.RoundingMode.HALF_UP);
		Timestamp now = Timestamp.from(this.clock.instant());
		int updated = this.jdbc
			.sql("update assessor_score set score = ?, entered_by = ?, entered_at = ? "
					+ "where indicator_id = ? and period = ? and unit_id = ?")
			.params(value, user.accountId(), now, indicator.id(), period.name(), unit)
			.update();
		if (updated == 0) {
			this.jdbc.sql(
					"insert into assessor_score (scheme_id, indicator_id, period, unit_id, score, entered_by, entered_at) "
							+ "values (?, ?, ?, ?, ?, ?, ?)")
				.params(schemeId, indicator.id(), period.name(), unit, value, user.accountId(), now)
				.update();
		}
		AssessorScore entered = new AssessorScore(schemeId, indicator.code(), period.name(), unit, value,
				user.accountId(), now.toInstant());
		this.events.publishEvent(EntityChanged.updated("scheme", schemeId, null, entered));
		return entered;
	}

	/**
	 * Enters several scores of a period at once (indicator code → unit → score): all of
	 * them or, if one is refused, none.
	 */
	public int enterScores(long schemeId, String period, Map<String, Map<Long, BigDecimal>> scores) {
		int entered = 0;
		for (Map.Entry<String, Map<Long, BigDecimal>> indicator : scores.entrySet()) {
			for (Map.Entry<Long, BigDecimal> unit : indicator.getValue().entrySet()) {
				enterScore(schemeId, period, unit.getKey(), indicator.getKey(), unit.getValue());
				entered++;
			}
		}
		return entered;
	}

	/** The units ranked by a scheme: those in its peer groups. */
	@Transactional(readOnly = true)
	public Map<Long, String> members(Scheme scheme) {
		Map<Long, String> members = new LinkedHashMap<>();
		this.jdbc.sql("select id, peer_group from unit where peer_group in (:groups) order by sort_order, id")
			.param("groups", scheme.peerGroups())
			.query((rs) -> {
				members.put(rs.getLong(1), rs.getString(2));
			});
		return members;
	}

	/** The peer groups that units belong to, for choosing a scheme's groups. */
	@Transactional(readOnly = true)
	public List<String> peerGroups() {
		return this.jdbc
			.sql("select distinct peer_group from unit where peer_group is not null and peer_group <> '' "
					+ "order by peer_group")
			.query(String.class)
			.list();
	}

	/**
	 * The assessors' scores of a period entered so far (office only): indicator code →
	 * unit → score.
	 */
	@Transactional(readOnly = true)
	public Map<String, Map<Long, BigDecimal>> scores(long schemeId, String periodText) {
		office();
		Period period = periodOf(scheme(schemeId), "period", periodText);
		Map<String, Map<Long, BigDecimal>> scores = new LinkedHashMap<>();
		this.jdbc.sql(
				"select i.code, s.unit_id, s.score from assessor_score s join scheme_indicator i on i.id = s.indicator_id "
						+ "where s.scheme_id = ? and s.period = ?")
			.params(schemeId, period.name())
			.query((rs) -> {
				scores.computeIfAbsent(rs.getString(1), (code) -> new LinkedHashMap<>())
					.put(rs.getLong(2), plain(rs.getBigDecimal(3)));
			});
		return scores;
	}

	/** Refuses (400) a unit the scheme does not rank. */
	long member(Scheme scheme, Long unitId) {
		if (unitId == null) {
			throw DomainException.invalid("unitId", "required", "unitId is required");
		}
		String group = this.organization.findUnit(unitId)
			.orElseThrow(() -> DomainException.invalid("unitId", "unknown-unit", "No unit " + unitId, unitId))
			.peerGroup();
		if (group == null || !scheme.peerGroups().contains(group)) {
			throw DomainException.invalid("unitId", "not-ranked", "The scheme does not rank unit " + unitId, unitId);
		}
		return unitId;
	}

	/** A period of the scheme's year: a quarter, a month or the year itself. */
	static Period periodOf(Scheme scheme, String field, String text) {
		Period period = Period.parse(field, text);
		if (period.year() != scheme.year()) {
			throw DomainException.invalid(field, "period-outside-year",
					"Period " + period + " is not in the scheme's year " + scheme.year(), period.name(), scheme.year());
		}
		return period;
	}

	CurrentUser office() {
		CurrentUser user = this.scopes.caller().orElseThrow(() -> DomainException.forbidden("Sign in first"));
		if (!user.hasAnyRole(Role.SUPERVISOR, Role.ADMIN)) {
			throw DomainException.forbidden("Only the supervision office may do this");
		}
		return user;
	}

	private Checked check(NewScheme command) {
		String name = Texts.required("name", command.name(), 200);
		if (command.year() == null || command.year() < 2000 || command.year() > 2100) {
			throw DomainException.invalid("year", "bad-year", "year is a calendar year such as 2026");
		}
		if (command.peerGroups() == null || command.peerGroups().isEmpty()) {
			throw DomainException.invalid("peerGroups", "required", "A scheme ranks at least one peer group");
		}
		Set<String> groups = new HashSet<>();
		for (String group : command.peerGroups()) {
			if (!groups.add(Texts.required("peerGroups", group, 64))) {
				throw DomainException.invalid("peerGroups", "duplicate", "Peer group " + group + " is listed twice");
			}
		}
		if (command.indicators() == null || command.indicators().isEmpty()) {
			throw DomainException.invalid("indicators", "no-indicators", "A scheme needs at least one indicator");
		}
		Set<String> codes = new HashSet<>();
		for (int i = 0; i < command.indicators().size(); i++) {
			checkIndicator("indicators[" + i + "]", command.indicators().get(i), codes);
		}
		BigDecimal quota = orDefault(command.excellentQuota(), "0.30");
		if (quota.signum() < 0 || quota.compareTo(BigDecimal.ONE) > 0) {
			throw DomainException.invalid("excellentQuota", "bad-quota", "The quota is a share between 0 and 1");
		}
		BigDecimal good = points("goodFloor", orDefault(command.goodFloor(), "80"));
		BigDecimal fair = points("fairFloor", orDefault(command.fairFloor(), "60"));
		if (fair.compareTo(good) > 0) {
			throw DomainException.invalid("fairFloor", "bad-floors", "The floor of 一般 is above the floor of 良好");
		}
		return new Checked(name, command.year(), points("bonusCap", orDefault(command.bonusCap(), "5")),
				points("penaltyCap", orDefault(command.penaltyCap(), "10")), quota, good, fair,
				Boolean.TRUE.equals(command.publicBoard()));
	}

	private void checkIndicator(String field, NewScheme.NewIndicator indicator, Set<String> codes) {
		if (indicator == null) {
			throw DomainException.invalid(field, "required", field + " is required");
		}
		String code = Texts.required(field + ".code", indicator.code(), 64);
		if (!codes.add(code)) {
			throw DomainException.invalid(field + ".code", "duplicate", "Indicator " + code + " is listed twice");
		}
		Texts.required(field + ".name", indicator.name(), 200);
		if (indicator.kind() == null) {
			throw DomainException.invalid(field + ".kind", "required", field + ".kind is required");
		}
		if (indicator.weight() == null || indicator.weight().signum() <= 0
				|| indicator.weight().compareTo(BigDecimal.valueOf(100000)) >= 0
				|| indicator.weight().stripTrailingZeros().scale() > 4) {
			throw DomainException.invalid(field + ".weight", "weight-not-positive", "A weight is a positive number");
		}
		Map<String, Object> rule = (indicator.rule() != null) ? indicator.rule() : Map.of();
		if (indicator.kind() == IndicatorKind.ECONOMIC_TARGET
				&& !(rule.get("indicator") instanceof String target && !target.isBlank())) {
			throw DomainException.invalid(field + ".rule", "rule-needs-indicator",
					"An ECONOMIC_TARGET indicator names the indicator it measures: rule {\"indicator\": \"GDP\"}");
		}
		if (indicator.kind() == IndicatorKind.ECONOMIC_TARGET) {
			try {
				this.indicators.indicator(String.valueOf(rule.get("indicator")));
			}
			catch (DomainException.NotFound ex) {
				throw DomainException.invalid(field + ".rule", "unknown-indicator",
						"There is no indicator " + rule.get("indicator"), rule.get("indicator"));
			}
		}
		if (indicator.kind() == IndicatorKind.SUPERVISION_DEDUCTION) {
			rule.forEach((level, points) -> {
				boolean known = java.util.Arrays.stream(NoticeLevel.values()).anyMatch((l) -> l.name().equals(level));
				if (!known || !(points instanceof Number number) || number.doubleValue() < 0
						|| number.doubleValue() > 100
						|| new BigDecimal(number.toString()).stripTrailingZeros().scale() > 2) {
					throw DomainException.invalid(field + ".rule", "bad-deduction-rule",
							"A deduction rule gives points (0–100) per notice level, e.g. {\"URGE\": 1}");
				}
			});
		}
		if (JSON.writeValueAsString(rule).length() > 2000) {
			throw DomainException.invalid(field + ".rule", "rule-too-long", "The rule is too long");
		}
	}

	private static BigDecimal points(String field, BigDecimal value) {
		if (value.signum() < 0 || value.compareTo(HUNDRED) > 0) {
			throw DomainException.invalid(field, "points-range", field + " is between 0 and 100");
		}
		return value;
	}

	private static BigDecimal orDefault(BigDecimal value, String fallback) {
		return (value != null) ? value : new BigDecimal(fallback);
	}

	private void writeParts(long id, NewScheme command, boolean replacing) {
		if (replacing) {
			this.jdbc.sql("delete from scheme_peer_group where scheme_id = ?").param(id).update();
		}
		for (int i = 0; i < command.peerGroups().size(); i++) {
			this.jdbc.sql("insert into scheme_peer_group (scheme_id, peer_group, position) values (?, ?, ?)")
				.params(id, command.peerGroups().get(i).strip(), i)
				.update();
		}
		Set<String> kept = new HashSet<>();
		for (int i = 0; i < command.indicators().size(); i++) {
			NewScheme.NewIndicator indicator = command.indicators().get(i);
			String code = indicator.code().strip();
			kept.add(code);
			String rule = JSON.writeValueAsString((indicator.rule() != null) ? indicator.rule() : Map.of());
			int updated = replacing ? this.jdbc
				.sql("update scheme_indicator set name = ?, kind = ?, weight = ?, rule = ?, position = ? "
						+ "where scheme_id = ? and code = ?")
				.params(indicator.name().strip(), indicator.kind().name(), indicator.weight(), rule, i, id, code)
				.update() : 0;
			if (updated == 0) {
				this.jdbc
					.sql("insert into scheme_indicator (scheme_id, code, name, kind, weight, rule, position) "
							+ "values (?, ?, ?, ?, ?, ?, ?)")
					.params(id, code, indicator.name().strip(), indicator.kind().name(), indicator.weight(), rule, i)
					.update();
			}
		}
		if (replacing) {
			List<Long> dropped = this.jdbc
				.sql("select id from scheme_indicator where scheme_id = :scheme and code not in (:kept)")
				.param("scheme", id)
				.param("kept", kept)
				.query(Long.class)
				.list();
			dropped.forEach((indicator) -> {
				this.jdbc.sql("delete from assessor_score where indicator_id = ?").param(indicator).update();
				this.jdbc.sql("delete from scheme_indicator where id = ?").param(indicator).update();
			});
		}
	}

	private Scheme find(long id) {
		SchemeRow row = this.jdbc
			.sql("select id, code, name, cal_year, bonus_cap, penalty_cap, excellent_quota, good_floor, fair_floor, "
					+ "public_board, version from scheme where id = ?")
			.param(id)
			.query((rs, n) -> new SchemeRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
					rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getBigDecimal(8),
					rs.getBigDecimal(9), rs.getBoolean(10), rs.getInt(11)))
			.optional()
			.orElseThrow(() -> DomainException.notFound("scheme", id));
		List<String> groups = this.jdbc
			.sql("select peer_group from scheme_peer_group where scheme_id = ? order by position")
			.param(id)
			.query(String.class)
			.list();
		List<Scheme.Indicator> indicators = new ArrayList<>(this.jdbc.sql(
				"select id, code, name, kind, weight, rule from scheme_indicator where scheme_id = ? order by position")
			.param(id)
			.query(Schemes::indicator)
			.list());
		return new Scheme(row.id(), row.code(), row.name(), row.year(), groups, indicators, row.bonusCap(),
				row.penaltyCap(), row.excellentQuota(), row.goodFloor(), row.fairFloor(), row.publicBoard(),
				row.version());
	}

	private static Scheme.Indicator indicator(ResultSet rs, int n) throws SQLException {
		String rule = rs.getString(6);
		Map<String, Object> parsed = (rule != null) ? JSON.readValue(rule, new TypeReference<Map<String, Object>>() {
		}) : Map.of();
		return new Scheme.Indicator(rs.getLong(1), rs.getString(2), rs.getString(3),
				IndicatorKind.valueOf(rs.getString(4)), plain(rs.getBigDecimal(5)), parsed);
	}

	/** A number without trailing zeros and never in exponent form (30.0000 → 30). */
	static BigDecimal plain(BigDecimal value) {
		BigDecimal stripped = value.stripTrailingZeros();
		return (stripped.scale() < 0) ? stripped.setScale(0) : stripped;
	}

	private record SchemeRow(long id, String code, String name, int year, BigDecimal bonusCap, BigDecimal penaltyCap,
			BigDecimal excellentQuota, BigDecimal goodFloor, BigDecimal fairFloor, boolean publicBoard, int version) {
	}

	private record Checked(String name, int year, BigDecimal bonusCap, BigDecimal penaltyCap, BigDecimal excellentQuota,
			BigDecimal goodFloor, BigDecimal fairFloor, boolean publicBoard) {
	}

}
