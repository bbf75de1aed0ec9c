package dev.luoshi.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import dev.luoshi.calendar.Calendar;
import dev.luoshi.identity.CurrentUser;
import dev.luoshi.organization.Person;
import dev.luoshi.organization.Unit;
import dev.luoshi.project.AnnualPlan;
import dev.luoshi.project.CoordinationProblems;
import dev.luoshi.project.Headquarters;
import dev.luoshi.project.HeadquartersTree;
import dev.luoshi.project.InvestmentReports;
import dev.luoshi.project.NewHeadquarters;
import dev.luoshi.project.NewInvestmentReport;
import dev.luoshi.project.NewProject;
import dev.luoshi.project.ProjectCategory;
import dev.luoshi.project.ProjectImports;
import dev.luoshi.project.ProjectPhase;
import dev.luoshi.project.Projects;

import org.springframework.stereotype.Component;

/**
 * The district's key projects, modelled on the seeds (179 projects worth 37.2 bn yuan
 * under a command headquarters with eight specialised ones): about 180 projects whose
 * totals come to about 37.2 bn yuan, this year's plans with their 开门红 targets, the
 * figures of the months before the last three carried over from the ledger, the last
 * three months filed by the units' liaisons (some behind plan, one month missing here and
 * there), phase milestones reached, due and missed, and problems needing coordination.
 */
@Component
class DemoProjects {

	/** The seeds' total: 37.2 bn yuan. */
	private static final BigDecimal TOTAL = new BigDecimal("37200000000");

	private static final int PROJECTS = 180;

	private static final List<String> PLACES = List.of("江滨", "老城", "新区", "青山", "桃源", "临江", "滨河", "望江", "锦绣", "东门", "文庙",
			"柳湾", "石桥");

	/**
	 * A specialised headquarters: its commander, the units leading its projects, and what
	 * they build.
	 */
	private record HeadquartersSpec(String code, String name, String commander, ProjectCategory category,
			List<String> units, List<String> subjects, String campaign) {
	}

	private static final List<HeadquartersSpec> SPECIALISED = List.of(
			new HeadquartersSpec("HQ-CY", "产业项目专项指挥部", "刘振华", ProjectCategory.INDUSTRY, List.of("LJ-FGJ", "LJ-GXJ"),
					List.of("智能制造产业园", "新能源汽车零部件项目", "生物医药产业基地", "新材料产业园", "电子信息产业园", "高端装备制造项目", "绿色食品加工园"), "GJ-CY"),
			new HeadquartersSpec("HQ-SZ", "数字经济和招商引资专项指挥部", "郑晓东", ProjectCategory.INDUSTRY,
					List.of("LJ-SWJ", "LJ-GXJ"), List.of("数字经济产业园", "大数据中心", "跨境电商产业园", "总部经济大楼", "现代物流园", "商贸综合体"),
					"GJ-CY"),
			new HeadquartersSpec("HQ-GX", "城市更新专项指挥部", "孙海燕", ProjectCategory.URBAN_RENEWAL, List.of("LJ-ZJJ"),
					List.of("片区城市更新项目", "棚户区改造项目", "老旧小区改造项目", "历史街区保护更新", "城中村改造项目"), "GJ-PG"),
			new HeadquartersSpec("HQ-JC", "交通和市政基础设施专项指挥部", "孙海燕", ProjectCategory.INFRASTRUCTURE,
					List.of("LJ-JTJ", "LJ-CGJ"),
					List.of("快速路建设工程", "主干道提升改造工程", "雨污分流管网工程", "综合管廊工程", "跨江大桥工程", "停车场建设项目"), "GJ-CS"),
			new HeadquartersSpec("HQ-WL", "文旅项目专项指挥部", "周明", ProjectCategory.TOURISM, List.of("LJ-WLJ"),
					List.of("文旅小镇", "滨江文化公园", "全域旅游集散中心", "非遗文化街区", "乡村旅游示范区", "温泉康养度假区"), "GJ-LY"),
			new HeadquartersSpec("HQ-MS", "民生和社会事业专项指挥部", "王建国", ProjectCategory.LIVELIHOOD,
					List.of("LJ-ZFB", "LJ-ZJJ"),
					List.of("九年一贯制学校", "社区卫生服务中心", "养老服务中心", "保障性租赁住房", "全民健身中心", "人民医院新院区"), null),
			new HeadquartersSpec("HQ-ST", "生态环保专项指挥部", "赵志刚", ProjectCategory.ECOLOGY, List.of("LJ-STHJ", "LJ-CGJ"),
					List.of("河道综合治理工程", "污水处理厂提标改造", "生态湿地公园", "垃圾分类处理中心", "山体生态修复工程"), null),
			new HeadquartersSpec("HQ-XC", "乡村振兴专项指挥部", "赵志刚", ProjectCategory.AGRICULTURE,
					List.of("LJ-NYJ", "LJ-QS", "LJ-TY"), List.of("高标准农田建设", "现代农业产业园", "冷链物流中心", "美丽乡村示范片", "农产品加工园"),
					"GJ-CJ"));

	private final HeadquartersTree headquarters;

	private final Projects projects;

	private final InvestmentReports reports;

	private final ProjectImports imports;

	private final CoordinationProblems problems;

	private final DemoUsers users;

	private final Calendar calendar;

	private final Clock clock;

	DemoProjects(HeadquartersTree headquarters, Projects projects, InvestmentReports reports, ProjectImports imports,
			CoordinationProblems problems, DemoUsers users, Calendar calendar, Clock clock) {
		this.headquarters = headquarters;
		this.projects = projects;
		this.reports = reports;
		this.imports = imports;
		this.problems = problems;
		this.users = users;
		this.calendar = calendar;
		this.clock = clock;
	}

	void load(Map<String, Unit> units, Map<String, Person> leaders, Map<String, Person> liaisons,
			Map<String, Long> campaigns, String password) {
		CurrentUser supervisor = this.users.user("supervisor");
		LocalDate today = LocalDate.now(this.clock);
		YearMonth thisMonth = YearMonth.from(today);
		Random random = new Random(372);
		List<Plan> plans = new ArrayList<>();
		DemoUsers.as(supervisor, () -> {
			Headquarters main = this.headquarters.create(new NewHeadquarters("HQ-ZB", "临江区重点项目建设总指挥部", null,
					leaders.get("王建国").id(), List.of(leaders.get("陈立群").id(), leaders.get("刘振华").id())));
			BigDecimal weights = BigDecimal.ZERO;
			List<BigDecimal> sizes = new ArrayList<>();
			for (int i = 0; i < PROJECTS; i++) {
				BigDecimal size = BigDecimal.valueOf(0.2 + Math.pow(random.nextDouble(), 3) * 6);
				sizes.add(size);
				weights = weights.add(size);
			}
			int index = 0;
			for (int h = 0; h < SPECIALISED.size(); h++) {
				HeadquartersSpec spec = SPECIALISED.get(h);
				Headquarters hq = this.headquarters.create(new NewHeadquarters(spec.code(), spec.name(), main.id(),
						leaders.get(spec.commander()).id(), List.of()));
				int count = PROJECTS / SPECIALISED.size() + ((h < PROJECTS % SPECIALISED.size()) ? 1 : 0);
				for (int i = 0; i < count; i++, index++) {
					BigDecimal total = TOTAL.multiply(sizes.get(index))
						.divide(weights, -4, RoundingMode.HALF_UP)
						.setScale(2);
					plans.add(project(spec, hq, index, total, units, leaders, campaigns, random, today));
				}
			}
			return null;
		});
		List<Long> ids = DemoUsers.as(supervisor,
				() -> plans.stream().map((plan) -> this.projects.register(plan.project()).id()).toList());
		carryOver(plans, ids, thisMonth.minusMonths(4), supervisor);
		fileLastMonths(plans, ids, thisMonth, liaisons, password);
		raiseProblems(plans, ids, units, liaisons, password, today);
	}

	/** What a demo project is, and how its figures go against its plan. */
	private record Plan(NewProject project, String unitCode, double pace, boolean skipsLastMonth) {
	}

	private Plan project(HeadquartersSpec spec, Headquarters hq, int index, BigDecimal total, Map<String, Unit> units,
			Map<String, Person> leaders, Map<String, Long> campaigns, Random random, LocalDate today) {
		int year = today.getYear();
		String unitCode = spec.units().get(index % spec.units().size());
		String place = PLACES.get((index * 7) % PLACES.size());
		String subject = spec.subjects().get(index % spec.subjects().size());
		String stage = (index % 5 == 3) ? "（二期）" : (index % 7 == 2) ? "（一期）" : "";
		ProjectPhase phase = phase(index);
		boolean newStart = phase.compareTo(ProjectPhase.GROUNDBREAKING) <= 0;
		LocalDate start = newStart ? LocalDate.of(year, 1 + (index % 9), 1)
				: LocalDate.of(year - 1 - index % 2, 3 + index % 8, 1);
		LocalDate completion = LocalDate.of(year + 1 + index % 3, 6 + index % 6, 30);
		BigDecimal share = BigDecimal.valueOf(phase.finished() ? 0.15 : 0.22 + random.nextDouble() * 0.13);
		BigDecimal annual = total.multiply(share).setScale(-4, RoundingMode.HALF_UP).setScale(2);
		List<BigDecimal> months = months(annual, newStart ? start.getMonthValue() : 1);
		List<NewProject.PlannedPhase> milestones = milestones(phase, start, completion, index, today);
		double pace = switch (index % 10) {
			case 3 -> 0.55;
			case 7 -> 0.78;
			default -> 0.92 + random.nextDouble() * 0.2;
		};
		BigDecimal latitude = BigDecimal.valueOf(30.52 + random.nextDouble() * 0.14).setScale(6, RoundingMode.HALF_UP);
		BigDecimal longitude = BigDecimal.valueOf(114.20 + random.nextDouble() * 0.18)
			.setScale(6, RoundingMode.HALF_UP);
		Long campaign = (spec.campaign() != null && index % 3 == 0) ? campaigns.get(spec.campaign()) : null;
		NewProject project = new NewProject(String.format("LJXM-%d-%03d", year, index + 1), place + subject + stage,
				spec.category(), hq.id(), null, (campaign != null) ? List.of(campaign) : List.of(), List.of(year),
				units.get(unitCode).id(), leaders.get(spec.commander()).id(), "临江区" + place + "片区", latitude, longitude,
				total, start, completion, phase, index % 5 != 4, null,
				List.of(new AnnualPlan(year, annual, months, null)), milestones);
		return new Plan(project, unitCode, pace, index % 23 == 5);
	}

	private static ProjectPhase phase(int index) {
		return switch (index % 12) {
			case 0 -> ProjectPhase.PREPARATION;
			case 1 -> ProjectPhase.RELOCATION;
			case 2, 5 -> ProjectPhase.GROUNDBREAKING;
			case 9 -> (index % 24 == 9) ? ProjectPhase.COMPLETED : ProjectPhase.OPERATING;
			default -> ProjectPhase.CONSTRUCTION;
		};
	}

	/**
	 * The year's months from the first month of work, rising towards the year's end as
	 * building seasons do; exact to the fen, the rest falling in December.
	 */
	private static List<BigDecimal> months(BigDecimal annual, int firstMonth) {
		List<BigDecimal> months = new ArrayList<>();
		int weights = 0;
		for (int month = firstMonth; month <= 12; month++) {
			weights += 8 + month;
		}
		BigDecimal sum = BigDecimal.ZERO;
		for (int month = 1; month <= 12; month++) {
			BigDecimal amount = (month < firstMonth) ? BigDecimal.ZERO : annual.multiply(BigDecimal.valueOf(8 + month))
				.divide(BigDecimal.valueOf(weights), 2, RoundingMode.DOWN);
			months.add(amount);
			sum = sum.add(amount);
		}
		months.set(11, months.get(11).add(annual.subtract(sum)));
		return months;
	}

	private List<NewProject.PlannedPhase> milestones(ProjectPhase phase, LocalDate start, LocalDate completion,
			int index, LocalDate today) {
		List<NewProject.PlannedPhase> milestones = new ArrayList<>();
		LocalDate next = switch (index % 17) {
			case 4 -> today.minusDays(10);
			case 8 -> this.calendar.shift(today, 2);
			default -> today.plusDays(40 + index % 60);
		};
		for (ProjectPhase later : ProjectPhase.values()) {
			if (later.compareTo(phase) > 0 && later.compareTo(ProjectPhase.CONSTRUCTION) != 0) {
				LocalDate planned = (later == ProjectPhase.COMPLETED) ? completion
						: (later == ProjectPhase.OPERATING) ? completion.plusMonths(3) : next;
				milestones.add(new NewProject.PlannedPhase(later, planned));
				next = next.plusMonths(2);
			}
		}
		return milestones;
	}

	/**
	 * The months before the last three, carried over from the ledger kept before the
	 * system.
	 */
	private void carryOver(List<Plan> plans, List<Long> ids, YearMonth until, CurrentUser supervisor) {
		for (YearMonth month = YearMonth.of(until.getYear(), 1); !month.isAfter(until); month = month.plusMonths(1)) {
			List<ProjectImports.Figure> figures = new ArrayList<>();
			for (int i = 0; i < plans.size(); i++) {
				BigDecimal amount = figure(plans.get(i), month);
				if (amount != null) {
					figures.add(new ProjectImports.Figure(ids.get(i), amount, null));
				}
			}
			YearMonth current = month;
			DemoUsers.as(supervisor, () -> this.imports.record(current, figures));
		}
	}

	/**
	 * The last three months, filed by each unit's liaison; a few projects miss the last
	 * one.
	 */
	private void fileLastMonths(List<Plan> plans, List<Long> ids, YearMonth thisMonth, Map<String, Person> liaisons,
			String password) {
		for (int back = 3; back >= 1; back--) {
			YearMonth month = thisMonth.minusMonths(back);
			for (int i = 0; i < plans.size(); i++) {
				Plan plan = plans.get(i);
				BigDecimal amount = figure(plan, month);
				if (amount == null || (back == 1 && plan.skipsLastMonth())) {
					continue;
				}
				long id = ids.get(i);
				String narrative = (plan.pace() < 0.8) ? "受征迁和要素保障影响，投资进度滞后，正在协调推进。" : "按计划推进，现场施工有序。";
				CurrentUser operator = this.users.operatorOf(plan.unitCode(), liaisons, password);
				DemoUsers.as(operator,
						() -> this.reports.file(id, new NewInvestmentReport(month, amount, narrative, null)));
			}
		}
	}

	/**
	 * A month's completed investment: the month's plan at the project's pace, none before
	 * the start.
	 */
	private static BigDecimal figure(Plan plan, YearMonth month) {
		AnnualPlan annual = plan.project().annualPlans().get(0);
		if (month.getYear() != annual.year() || plan.project().phase().finished() && month.getMonthValue() > 6) {
			return null;
		}
		BigDecimal planned = annual.monthly().get(month.getMonthValue() - 1);
		if (planned.signum() == 0) {
			return null;
		}
		return planned.multiply(BigDecimal.valueOf(plan.pace())).setScale(-2, RoundingMode.HALF_UP).setScale(2);
	}

	private void raiseProblems(List<Plan> plans, List<Long> ids, Map<String, Unit> units, Map<String, Person> liaisons,
			String password, LocalDate today) {
		List<String> issues = List.of("项目用地指标尚未落实，需区自然资源局协调", "地块内尚有3户未签订征收协议，需属地街道加快推进", "施工临时用电接入需区发展和改革局协调供电公司",
				"专项债资金拨付滞后，需区财政局协调", "环评批复尚未取得，需区生态环境分局提前介入");
		List<String> solvers = List.of("LJ-ZRZY", "LJ-JB", "LJ-FGJ", "LJ-CZJ", "LJ-STHJ");
		int raised = 0;
		for (int i = 0; i < plans.size() && raised < 15; i++) {
			Plan plan = plans.get(i);
			if (plan.pace() >= 0.8 && i % 11 != 0 || plan.project().phase().finished()) {
				continue;
			}
			long id = ids.get(i);
			int which = raised % issues.size();
			LocalDate due = (raised % 3 == 0) ? today.minusDays(6) : today.plusDays(10 + raised);
			CurrentUser operator = this.users.operatorOf(plan.unitCode(), liaisons, password);
			var problem = DemoUsers.as(operator,
					() -> this.problems.raise(id, issues.get(which), units.get(solvers.get(which)).id(), due));
			if (raised % 4 == 1) {
				CurrentUser solver = this.users.operatorOf(solvers.get(which), liaisons, password);
				DemoUsers.as(solver, () -> this.problems.solve(problem.id(), today.minusDays(1), "已召开专题协调会，问题已解决。"));
			}
			raised++;
		}
	}

}
