package dev.luoshi.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.luoshi.evaluation.Exemption;
import dev.luoshi.evaluation.IndicatorKind;
import dev.luoshi.evaluation.NewScheme;
import dev.luoshi.shared.Period;
import dev.luoshi.evaluation.Ranking;
import dev.luoshi.evaluation.Rankings;
import dev.luoshi.evaluation.Scheme;
import dev.luoshi.evaluation.ScoreAdjustment;
import dev.luoshi.evaluation.ScoreAdjustments;
import dev.luoshi.evaluation.Schemes;
import dev.luoshi.identity.CurrentUser;
import dev.luoshi.organization.Unit;

import org.springframework.stereotype.Component;

/**
 * The year's horse race in the demo district: a scheme for the streets and towns and one
 * for the departments, the past quarters of this year ranked and published, the current
 * one computed but not yet published, assessors' scores, bonus and penalty items, an
 * exemption approved (it restored 区文化和旅游局's place before publication) and one awaiting
 * its decision.
 */
@Component
class DemoEvaluation {

	static final List<String> STREETS = List.of("LJ-JB", "LJ-LC", "LJ-XQ", "LJ-QS", "LJ-TY");

	private final Schemes schemes;

	private final Rankings rankings;

	private final ScoreAdjustments adjustments;

	private final DemoUsers users;

	private final Clock clock;

	DemoEvaluation(Schemes schemes, Rankings rankings, ScoreAdjustments adjustments, DemoUsers users, Clock clock) {
		this.schemes = schemes;
		this.rankings = rankings;
		this.adjustments = adjustments;
		this.users = users;
		this.clock = clock;
	}

	void load(Map<String, Unit> units) {
		CurrentUser supervisor = this.users.user("supervisor");
		CurrentUser head = this.users.user("head.wenlv");
		LocalDate today = LocalDate.now(this.clock);
		int year = today.getYear();
		int current = (today.getMonthValue() + 2) / 3;
		List<Period> quarters = new ArrayList<>();
		for (int quarter = Math.max(1, current - 2); quarter <= current; quarter++) {
			quarters.add(Period.quarter(year, quarter));
		}
		Scheme streets = DemoUsers.as(supervisor, () -> this.schemes
			.create(new NewScheme("KP-" + year + "-JD", year + "年度街道（镇）综合考评", year, List.of("STREETS"), List.of(
					indicator("RWWC", "重点任务完成率", IndicatorKind.TASK_COMPLETION, 25),
					indicator("JDAS", "节点按时完成率", IndicatorKind.ON_TIME_MILESTONES, 15),
					indicator("TZWC", "项目投资完成率", IndicatorKind.INVESTMENT_COMPLETION, 20),
					new NewScheme.NewIndicator("DBKF", "督查督办扣分", IndicatorKind.SUPERVISION_DEDUCTION, BigDecimal.TEN,
							Map.of("REMINDER", 0.5, "URGE", 1, "SUPERVISE", 3, "BULLETIN", 5, "INTERVIEW", 8)),
					indicator("PY", "区领导和群众评议", IndicatorKind.ASSESSOR_SCORE, 30)), new BigDecimal("5"),
					new BigDecimal("10"), null, null, null, true, null)));
		Scheme departments = DemoUsers.as(supervisor,
				() -> this.schemes
					.create(new NewScheme("KP-" + year + "-BM", year + "年度区直部门绩效考评", year, List.of("DEPARTMENTS"),
							List.of(indicator("RWWC", "重点任务完成率", IndicatorKind.TASK_COMPLETION, 30),
									indicator("JDAS", "节点按时完成率", IndicatorKind.ON_TIME_MILESTONES, 20),
									indicator("TZWC", "项目投资完成率", IndicatorKind.INVESTMENT_COMPLETION, 10),
									indicator("DBKF", "督查督办扣分", IndicatorKind.SUPERVISION_DEDUCTION, 15),
									indicator("PY", "服务对象满意度评议", IndicatorKind.ASSESSOR_SCORE, 25)),
							new BigDecimal("5"), new BigDecimal("10"), null, null, null, true, null)));
		for (int i = 0; i < quarters.size(); i++) {
			Period quarter = quarters.get(i);
			boolean past = quarter.end().isBefore(today);
			scores(supervisor, streets, units, STREETS, quarter, i);
			scores(supervisor, departments, units, departmentCodes(), quarter, i);
			items(supervisor, head, streets, departments, units, quarter, i, past);
			publishIfPast(supervisor, streets, quarter, past);
			publishIfPast(supervisor, departments, quarter, past);
		}
	}

	/** Assessors' scores that move a few units up and down from quarter to quarter. */
	private void scores(CurrentUser supervisor, Scheme scheme, Map<String, Unit> units, List<String> codes,
			Period quarter, int index) {
		for (int i = 0; i < codes.size(); i++) {
			int base = 72 + (i * 7) % 19;
			int swing = ((i + index) % 3 == 0) ? 9 : ((i + index) % 3 == 1) ? -4 : 2;
			BigDecimal score = BigDecimal.valueOf(Math.min(98, base + swing + index));
			long unit = units.get(codes.get(i)).id();
			DemoUsers.as(supervisor,
					() -> this.schemes.enterScore(scheme.id(), quarter.name(), unit,
							scheme.indicators()
								.stream()
								.filter((each) -> each.kind() == IndicatorKind.ASSESSOR_SCORE)
								.findFirst()
								.orElseThrow()
								.code(),
							score));
		}
	}

	private void items(CurrentUser supervisor, CurrentUser head, Scheme streets, Scheme departments,
			Map<String, Unit> units, Period quarter, int index, boolean past) {
		DemoUsers.as(supervisor, () -> this.rankings.compute(streets.id(), quarter.name()));
		DemoUsers.as(supervisor, () -> this.rankings.compute(departments.id(), quarter.name()));
		if (index == 0) {
			record(supervisor, streets, units.get("LJ-JB"), quarter, ScoreAdjustment.Kind.BONUS, "3", "获评省级文明街道，按方案加分");
			record(supervisor, streets, units.get("LJ-XQ"), quarter, ScoreAdjustment.Kind.PENALTY, "4",
					"辖区发生一般安全生产事故，被市安委办通报");
		}
		if (index == 1 || (index == 0 && !past)) {
			ScoreAdjustment penalty = record(supervisor, departments, units.get("LJ-WLJ"), quarter,
					ScoreAdjustment.Kind.PENALTY, "3", "旅游集散中心项目延期开工，被市督查室通报");
			Exemption asked = DemoUsers.as(head,
					() -> this.adjustments.request(penalty.id(), "延期系市级规划调整、项目选址变更所致，单位已及时报告并调整方案，符合《容错纠错实施办法》第五条情形。"));
			DemoUsers.as(supervisor, () -> this.adjustments.decide(asked.id(), true, "经核实，属上级政策调整导致，予以免责。"));
		}
		if (index == 2 || (!past && index > 0)) {
			ScoreAdjustment late = record(supervisor, departments, units.get("LJ-WLJ"), quarter,
					ScoreAdjustment.Kind.PENALTY, "1", "月度进度迟报两次");
			DemoUsers.as(head, () -> this.adjustments.request(late.id(), "迟报系系统升级期间无法登录所致，已线下报送。"));
			record(supervisor, departments, units.get("LJ-GXJ"), quarter, ScoreAdjustment.Kind.BONUS, "2",
					"招商引资工作获市政府通报表扬");
		}
	}

	private ScoreAdjustment record(CurrentUser supervisor, Scheme scheme, Unit unit, Period quarter,
			ScoreAdjustment.Kind kind, String points, String reason) {
		return DemoUsers.as(supervisor, () -> this.adjustments.record(scheme.id(), unit.id(), quarter.name(), kind,
				new BigDecimal(points), reason, null));
	}

	private void publishIfPast(CurrentUser supervisor, Scheme scheme, Period quarter, boolean past) {
		if (past) {
			DemoUsers.as(supervisor, () -> {
				Ranking ranking = this.rankings.compute(scheme.id(), quarter.name());
				return this.rankings.publish(ranking.id());
			});
		}
	}

	private static List<String> departmentCodes() {
		return DemoDistrict.UNITS.stream()
			.filter((unit) -> "DEPARTMENTS".equals(unit.peerGroup()))
			.map(DemoDistrict.UnitSpec::code)
			.toList();
	}

	private static NewScheme.NewIndicator indicator(String code, String name, IndicatorKind kind, int weight) {
		return new NewScheme.NewIndicator(code, name, kind, BigDecimal.valueOf(weight), null);
	}

}
