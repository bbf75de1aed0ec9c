package dev.luoshi.generate;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.luoshi.evaluation.IndicatorKind;
import dev.luoshi.evaluation.NewScheme;
import dev.luoshi.shared.Period;
import dev.luoshi.evaluation.Ranking;
import dev.luoshi.evaluation.Rankings;
import dev.luoshi.evaluation.Scheme;
import dev.luoshi.evaluation.Schemes;
import dev.luoshi.identity.Accounts;
import dev.luoshi.identity.CurrentUser;
import dev.luoshi.identity.CurrentUsers;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The generated data set's horse race: one scheme over every peer group, the assessors'
 * scores in bulk, and the two quarters before the current one ranked through the
 * evaluation module itself (the older published), each timed in the log: this is the
 * "ranking 20,000 units" measurement.
 */
@Component
class GeneratedRankings {

	private static final Logger log = LoggerFactory.getLogger(GeneratedRankings.class);

	private final Schemes schemes;

	private final Rankings rankings;

	private final Accounts accounts;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	GeneratedRankings(Schemes schemes, Rankings rankings, Accounts accounts, JdbcTemplate jdbc, Clock clock) {
		this.schemes = schemes;
		this.rankings = rankings;
		this.accounts = accounts;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Creates the scheme and ranks two quarters; returns the number of units ranked. */
	long rank(long supervisorAccount, Random random) {
		CurrentUser supervisor = this.accounts.currentUser(supervisorAccount).orElseThrow();
		return CurrentUsers.actingAs(supervisor, () -> rankAs(supervisorAccount, random));
	}

	private long rankAs(long supervisorAccount, Random random) {
		LocalDate today = LocalDate.now(this.clock);
		Period last = Period.quarter(today.getYear(), (today.getMonthValue() + 2) / 3).previous();
		List<Period> quarters = List.of(last.previous(), last);
		List<String> groups = this.jdbc.queryForList(
				"select distinct peer_group from unit where peer_group is not null order by peer_group", String.class);
		Scheme scheme = this.schemes
			.create(new NewScheme("KP-GEN-" + last.year(), last.year() + "年度综合考评", last.year(), groups,
					List.of(indicator("RWWC", "重点任务完成率", IndicatorKind.TASK_COMPLETION, 30),
							indicator("JDAS", "节点按时完成率", IndicatorKind.ON_TIME_MILESTONES, 20),
							indicator("BSJS", "进度报送及时率", IndicatorKind.REPORT_TIMELINESS, 10),
							indicator("TZWC", "项目投资完成率", IndicatorKind.INVESTMENT_COMPLETION, 15),
							indicator("DBKF", "督查督办扣分", IndicatorKind.SUPERVISION_DEDUCTION, 10),
							indicator("PY", "评议打分", IndicatorKind.ASSESSOR_SCORE, 15)),
					null, null, null, null, null, true, null));
		if (scheme.year() != quarters.get(0).year()) {
			quarters = List.of(last);
		}
		long indicator = scheme.indicator("PY").orElseThrow().id();
		List<Long> units = this.jdbc.queryForList("select id from unit where peer_group is not null", Long.class);
		for (Period quarter : quarters) {
			List<Object[]> scores = new ArrayList<>(units.size());
			for (long unit : units) {
				scores.add(new Object[] { scheme.id(), indicator, quarter.name(), unit,
						BigDecimal.valueOf(6000 + random.nextInt(3900), 2), supervisorAccount,
						Timestamp.from(this.clock.instant()) });
			}
			this.jdbc.batchUpdate("insert into assessor_score (scheme_id, indicator_id, period, unit_id, score, "
					+ "entered_by, entered_at) values (?, ?, ?, ?, ?, ?, ?)", scores);
		}
		for (Period quarter : quarters) {
			long began = System.nanoTime();
			Ranking ranking = this.rankings.compute(scheme.id(), quarter.name());
			log.info("Ranked {} units of {} groups for {} in {} ms", units.size(), groups.size(), quarter,
					(System.nanoTime() - began) / 1_000_000);
			if (quarter != quarters.get(quarters.size() - 1)) {
				this.rankings.publish(ranking.id());
			}
		}
		return units.size();
	}

	private static NewScheme.NewIndicator indicator(String code, String name, IndicatorKind kind, int weight) {
		return new NewScheme.NewIndicator(code, name, kind, BigDecimal.valueOf(weight), Map.of());
	}

}
