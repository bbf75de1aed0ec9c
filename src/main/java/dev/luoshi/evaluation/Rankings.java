package dev.luoshi.evaluation;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.luoshi.evaluation.Scoring.Measure;
import dev.luoshi.shared.Period;
import dev.luoshi.identity.CurrentUser;
import dev.luoshi.identity.DataScopes;
import dev.luoshi.identity.Role;
import dev.luoshi.shared.DomainException;
import dev.luoshi.shared.EntityChanged;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rankings as snapshots. Computing measures every indicator set-wise for all the scheme's
 * units, adds the period's items, ranks each peer group and stores the result; a
 * published ranking is not recomputed (409) until it is unpublished.
 */
@Service
@Transactional
public class Rankings {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Rankings.class);

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	private final Schemes schemes;

	private final Measurements measurements;

	private final DataScopes scopes;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Rankings(JdbcClient jdbc, JdbcTemplate batch, Schemes schemes, Measurements measurements, DataScopes scopes,
			ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.schemes = schemes;
		this.measurements = measurements;
		this.scopes = scopes;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Computes and stores the ranking of a scheme for a quarter or a month; the result
	 * says how many units were ranked (read the entries with {@link #entries}).
	 */
	public Ranking compute(long schemeId, String periodText) {
		CurrentUser user = this.schemes.office();
		Scheme scheme = this.schemes.scheme(schemeId);
		Period period = Schemes.periodOf(scheme, "period", periodText);
		if (period.kind() == Period.Kind.YEAR) {
			throw DomainException.invalid("period", "ranking-period",
					"Rankings are per quarter or month; the year is the annual assessment", period.name());
		}
		long id = store(scheme, period, user.accountId());
		Ranking computed = header(id).orElseThrow();
		this.events.publishEvent(new EntityChanged("ranking", String.valueOf(id), "COMPUTED", null,
				java.util.Map.of("scheme", schemeId, "period", period.name(), "units", computed.units())));
		return computed;
	}

	/**
	 * Recomputes the scheme's unpublished ranking of a period, if there is one: after an
	 * item or an exemption changed what it counts.
	 */
	void recomputeUnpublished(long schemeId, String period, long accountId) {
		// locked, so that a publication in between is waited for and then left alone
		String status = this.jdbc.sql("select status from ranking where scheme_id = ? and period = ? for update")
			.params(schemeId, period)
			.query(String.class)
			.optional()
			.orElse(null);
		if (Ranking.Status.COMPUTED.name().equals(status)) {
			Scheme scheme = this.schemes.scheme(schemeId);
			store(scheme, Period.parse("period", period), accountId);
		}
	}

	private long store(Scheme scheme, Period period, long accountId) {
		Timestamp now = Timestamp.from(this.clock.instant());
		this.jdbc
			.sql("insert into ranking (scheme_id, period, status, computed_at, computed_by) "
					+ "values (?, ?, 'COMPUTED', ?, ?) on conflict do nothing")
			.params(scheme.id(), period.name(), now, accountId)
			.update();
		RankingRow row = this.jdbc.sql("select id, status from ranking where scheme_id = ? and period = ? for update")
			.params(scheme.id(), period.name())
			.query((rs, n) -> new RankingRow(rs.getLong(1), Ranking.Status.valueOf(rs.getString(2))))
			.single();
		if (row.status() == Ranking.Status.PUBLISHED) {
			throw DomainException.conflict("ranking-published",
					"The ranking of " + period + " is published; unpublish it to recompute", period.name());
		}
		long began = System.nanoTime();
		List<Scored> scored = score(scheme, period);
		long measured = System.nanoTime();
		this.jdbc.sql("update ranking set computed_at = ?, computed_by = ?, version = version + 1 where id = ?")
			.params(now, accountId, row.id())
			.update();
		this.jdbc.sql("delete from ranking_entry where ranking_id = ?").param(row.id()).update();
		long deleted = System.nanoTime();
		List<Object[]> rows = new ArrayList<>(scored.size());
		for (Scored each : scored) {
			rows.add(new Object[] { row.id(), each.unitId(), each.peerGroup(), each.score(), each.weighted(),
					each.bonus(), each.penalty(), each.exempted(), each.rank(), each.previousRank(),
					Schemes.JSON.writeValueAsString(new Breakdown(each.parts(), each.items())) });
		}
		this.batch.batchUpdate("insert into ranking_entry (ranking_id, unit_id, peer_group, score, weighted, bonus, "
				+ "penalty, exempted, rank_no, previous_rank, breakdown) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
				rows);
		log.debug("Ranked {} units of {} for {}: scored in {} ms, old entries deleted in {} ms, stored in {} ms",
				scored.size(), scheme.code(), period, (measured - began) / 1_000_000, (deleted - measured) / 1_000_000,
				(System.nanoTime() - deleted) / 1_000_000);
		return row.id();
	}

	private List<Scored> score(Scheme scheme, Period period) {
		Map<Long, String> members = this.schemes.members(scheme);
		Map<String, Map<Long, Measure>> measures = new LinkedHashMap<>();
		Measurements.Members scope = this.measurements.members(members);
		for (Scheme.Indicator indicator : scheme.indicators()) {
			long began = System.nanoTime();
			measures.put(indicator.code(), this.measurements.measure(scheme, indicator, period, scope));
			log.trace("Measured {} ({}) of {} for {} in {} ms", indicator.code(), indicator.kind(), scheme.code(),
					period, (System.nanoTime() - began) / 1_000_000);
		}
		Map<Long, List<RankingEntry.Item>> items = new HashMap<>();
		this.jdbc.sql(
				"select id, unit_id, kind, points, reason, exempted from adjustment where scheme_id = ? and period = ? "
						+ "order by id")
			.params(scheme.id(), period.name())
			.query((rs) -> {
				items.computeIfAbsent(rs.getLong(2), (unit) -> new ArrayList<>())
					.add(new RankingEntry.Item(rs.getLong(1), rs.getString(3), Schemes.plain(rs.getBigDecimal(4)),
							rs.getString(5), rs.getBoolean(6)));
			});
		Map<Long, Integer> previous = new HashMap<>();
		this.jdbc
			.sql("select e.unit_id, e.rank_no, e.peer_group from ranking_entry e join ranking r on r.id = e.ranking_id "
					+ "where r.scheme_id = ? and r.period = ? and r.status = 'PUBLISHED'")
			.params(scheme.id(), period.previous().name())
			.query((rs) -> {
				// movement is against what was published, among the same peers
				if (rs.getString(3).equals(members.get(rs.getLong(1)))) {
					previous.put(rs.getLong(1), rs.getInt(2));
				}
			});
		Map<String, List<Scored>> groups = new LinkedHashMap<>();
		members.forEach((unit, group) -> {
			Map<String, Measure> own = new HashMap<>();
			List<RankingEntry.Part> parts = new ArrayList<>();
			for (Scheme.Indicator indicator : scheme.indicators()) {
				Measure measure = measures.get(indicator.code()).get(unit);
				if (measure != null) {
					own.put(indicator.code(), measure);
				}
				parts
					.add(new RankingEntry.Part(indicator.code(), indicator.name(), indicator.kind(), indicator.weight(),
							(measure != null) ? measure.raw() : null, (measure != null) ? measure.score() : null));
			}
			List<RankingEntry.Item> unitItems = items.getOrDefault(unit, List.of());
			BigDecimal bonus = sum(unitItems, "BONUS", false);
			BigDecimal penalty = sum(unitItems, "PENALTY", false);
			BigDecimal exempted = sum(unitItems, "PENALTY", true);
			BigDecimal weighted = Scoring.weighted(scheme.indicators(), own);
			BigDecimal cappedBonus = Scoring.capped(bonus, scheme.bonusCap());
			BigDecimal cappedPenalty = Scoring.capped(penalty, scheme.penaltyCap());
			groups.computeIfAbsent(group, (key) -> new ArrayList<>())
				.add(new Scored(unit, group, Scoring.total(weighted, cappedBonus, cappedPenalty), weighted, cappedBonus,
						cappedPenalty, exempted.setScale(2), 0, previous.get(unit), parts, unitItems));
		});
		List<Scored> ranked = new ArrayList<>();
		groups.values()
			.forEach((group) -> Scoring.rank(group, Comparator.comparing(Scored::score).reversed())
				.forEach((each) -> ranked.add(each.item().ranked(each.rank()))));
		return ranked;
	}

	private static BigDecimal sum(List<RankingEntry.Item> items, String kind, boolean exempted) {
		return items.stream()
			.filter((item) -> item.kind().equals(kind) && item.exempted() == exempted)
			.map(RankingEntry.Item::points)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	/** A stored ranking with its entries, if the caller may see it. */
	@Transactional(readOnly = true)
	public Ranking ranking(long id) {
		Ranking ranking = header(id).orElseThrow(() -> DomainException.notFound("ranking", id));
		requireVisible(ranking, () -> this.schemes.scheme(ranking.schemeId()).publicBoard());
		return withEntries(ranking, null);
	}

	/** The entries of a scheme's ranking of a period, optionally of one peer group. */
	@Transactional(readOnly = true)
	public List<RankingEntry> entries(long schemeId, String periodText, String peerGroup) {
		Scheme scheme = this.schemes.scheme(schemeId);
		Period period = Schemes.periodOf(scheme, "period", periodText);
		Ranking ranking = find(schemeId, period.name())
			.orElseThrow(() -> DomainException.notFound("ranking", scheme.code() + " " + period));
		requireVisible(ranking, scheme::publicBoard);
		return withEntries(ranking, peerGroup).entries();
	}

	/** The scheme's rankings the caller may see, latest period first, without entries. */
	@Transactional(readOnly = true)
	public List<Ranking> rankings(long schemeId) {
		Scheme scheme = this.schemes.scheme(schemeId);
		return this.jdbc.sql(HEADER + " where r.scheme_id = ? order by r.period desc")
			.param(schemeId)
			.query(Rankings::header)
			.list()
			.stream()
			.filter((ranking) -> visible(ranking, scheme::publicBoard))
			.toList();
	}

	public Ranking publish(long id) {
		return move(id, Ranking.Status.COMPUTED, Ranking.Status.PUBLISHED);
	}

	public Ranking unpublish(long id) {
		return move(id, Ranking.Status.PUBLISHED, Ranking.Status.COMPUTED);
	}

	private Ranking move(long id, Ranking.Status from, Ranking.Status to) {
		CurrentUser user = this.schemes.office();
		Ranking before = header(id).orElseThrow(() -> DomainException.notFound("ranking", id));
		boolean publishing = to == Ranking.Status.PUBLISHED;
		int updated = this.jdbc
			.sql("update ranking set status = ?, published_at = ?, published_by = ?, version = version + 1 "
					+ "where id = ? and status = ?")
			.params(to.name(), publishing ? Timestamp.from(this.clock.instant()) : null,
					publishing ? user.accountId() : null, id, from.name())
			.update();
		if (updated == 0) {
			throw DomainException.conflict("ranking-state", "The ranking is " + before.status(), before.status());
		}
		Ranking after = header(id).orElseThrow();
		this.events.publishEvent(new EntityChanged("ranking", String.valueOf(id), to.name(), before, after));
		return after;
	}

	private static final String HEADER = "select r.id, r.scheme_id, s.name, r.period, r.status, r.computed_at, "
			+ "r.published_at, r.version, (select count(*) from ranking_entry e where e.ranking_id = r.id) "
			+ "from ranking r join scheme s on s.id = r.scheme_id";

	Optional<Ranking> header(long id) {
		return this.jdbc.sql(HEADER + " where r.id = ?").param(id).query(Rankings::header).optional();
	}

	Optional<Ranking> find(long schemeId, String period) {
		return this.jdbc.sql(HEADER + " where r.scheme_id = ? and r.period = ?")
			.params(schemeId, period)
			.query(Rankings::header)
			.optional();
	}

	private static Ranking header(ResultSet rs, int n) throws SQLException {
		Timestamp published = rs.getTimestamp(7);
		return new Ranking(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
				Ranking.Status.valueOf(rs.getString(5)), rs.getTimestamp(6).toInstant(),
				(published != null) ? published.toInstant() : null, rs.getInt(8), rs.getInt(9), null);
	}

	Ranking withEntries(Ranking ranking, String peerGroup) {
		List<RankingEntry> entries = this.jdbc
			.sql("select e.unit_id, u.name, e.peer_group, e.score, e.rank_no, e.previous_rank, e.weighted, e.bonus, "
					+ "e.penalty, e.exempted, e.breakdown from ranking_entry e join unit u on u.id = e.unit_id "
					+ "where e.ranking_id = :ranking and (cast(:group as varchar(64)) is null or e.peer_group = :group) "
					+ "order by e.peer_group, e.rank_no, u.sort_order, u.id")
			.param("ranking", ranking.id())
			.param("group", peerGroup)
			.query(Rankings::entry)
			.list();
		return new Ranking(ranking.id(), ranking.schemeId(), ranking.schemeName(), ranking.period(), ranking.status(),
				ranking.computedAt(), ranking.publishedAt(), ranking.version(), ranking.units(), entries);
	}

	private static RankingEntry entry(ResultSet rs, int n) throws SQLException {
		int rank = rs.getInt(5);
		Integer previous = (Integer) rs.getObject(6, Integer.class);
		Breakdown breakdown = Schemes.JSON.readValue(rs.getString(11), Breakdown.class);
		return new RankingEntry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4), rank, previous,
				(previous != null) ? previous - rank : null, rs.getBigDecimal(7), rs.getBigDecimal(8),
				rs.getBigDecimal(9), rs.getBigDecimal(10), breakdown.parts(), breakdown.items());
	}

	/**
	 * Refuses a ranking the caller may not see; whether the board is public is asked only
	 * if needed.
	 */
	private void requireVisible(Ranking ranking, java.util.function.BooleanSupplier publicBoard) {
		Optional<CurrentUser> user = this.scopes.caller();
		if (office(user)) {
			return;
		}
		if (ranking.status() != Ranking.Status.PUBLISHED) {
			throw DomainException.notFound("ranking", ranking.schemeName() + " " + ranking.period());
		}
		if (user.isEmpty() || user.get()
			.roles()
			.stream()
			.noneMatch((role) -> role == Role.UNIT_HEAD || role == Role.UNIT_OPERATOR)) {
			if (!publicBoard.getAsBoolean()) {
				throw DomainException.forbidden("The board of this scheme is not public");
			}
		}
	}

	private boolean visible(Ranking ranking, java.util.function.BooleanSupplier publicBoard) {
		try {
			requireVisible(ranking, publicBoard);
			return true;
		}
		catch (DomainException ex) {
			return false;
		}
	}

	private static boolean office(Optional<CurrentUser> user) {
		return user.isPresent() && user.get().hasAnyRole(Role.SUPERVISOR, Role.ADMIN, Role.LEADER);
	}

	private record RankingRow(long id, Ranking.Status status) {
	}

	record Breakdown(List<RankingEntry.Part> parts, List<RankingEntry.Item> items) {
	}

	private record Scored(long unitId, String peerGroup, BigDecimal score, BigDecimal weighted, BigDecimal bonus,
			BigDecimal penalty, BigDecimal exempted, int rank, Integer previousRank, List<RankingEntry.Part> parts,
			List<RankingEntry.Item> items) {

		Scored ranked(int rank) {
			return new Scored(this.unitId, this.peerGroup, this.score, this.weighted, this.bonus, this.penalty,
					this.exempted, rank, this.previousRank, this.parts, this.items);
		}

	}

}
