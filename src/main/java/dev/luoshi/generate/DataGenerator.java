package dev.luoshi.generate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.SecureRandom;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.luoshi.identity.Account;
import dev.luoshi.identity.Accounts;
import dev.luoshi.identity.NewAccount;
import dev.luoshi.identity.Passwords;
import dev.luoshi.identity.Role;
import dev.luoshi.organization.Organization;
import dev.luoshi.supervision.NoticeLevel;
import dev.luoshi.supervision.SupervisionProperties;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills an empty database with a generated data set when {@code luoshi.generate.scale} is
 * set, before the demo (which then finds the database taken) and before the lights are
 * brought up to date at start-up (which computes every light of the new data).
 */
@Component
@Order(40)
class DataGenerator implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DataGenerator.class);

	private static final String[] CITIES = { "江州", "云州", "临川", "青阳", "白沙", "南浦", "东陵", "西岭", "北原", "安平", "永宁", "清河",
			"长丰", "宁远" };

	private static final String[] DEPARTMENTS = { "发展和改革局", "教育局", "科学技术局", "工业和信息化局", "公安局", "民政局", "司法局", "财政局",
			"人力资源和社会保障局", "自然资源局", "生态环境局", "住房和城乡建设局", "交通运输局", "水利局", "农业农村局", "商务局", "文化和旅游局", "卫生健康局", "退役军人事务局",
			"应急管理局", "审计局", "市场监督管理局", "统计局", "医疗保障局", "城市管理局", "林业局", "数据资源局", "信访局", "投资促进局", "行政审批局", "机关事务管理局",
			"乡村振兴局", "粮食和物资储备局", "体育局", "残疾人联合会", "总工会", "团委", "妇联", "科协", "工商联" };

	private static final String[] PLACES = { "东城", "西城", "南湖", "北山", "中心", "新桥", "柳湾", "青山", "河口", "白鹭", "金沙", "桃源",
			"石门", "龙泉", "梅岭", "云台", "花园", "滨江", "古镇", "望江" };

	private static final String[] WORKS = { "老旧小区改造", "背街小巷提升", "污水管网建设", "高标准农田建设", "招商引资签约", "营商环境优化", "垃圾分类示范",
			"安置房建设", "工业技改投资", "乡村旅游提升", "河道综合治理", "智慧城市建设", "农村道路硬化", "社区养老服务", "中小学扩容", "医疗服务提升", "文明城市创建", "安全生产整治",
			"森林防火", "产业园区建设" };

	private static final String[] PROJECT_KINDS = { "产业园", "污水处理厂", "安置小区", "综合管廊", "物流中心", "中学", "医院", "文化公园", "农业产业园",
			"快速路" };

	private static final String[] CATEGORIES = { "INDUSTRY", "INFRASTRUCTURE", "URBAN_RENEWAL", "LIVELIHOOD", "TOURISM",
			"ECOLOGY", "AGRICULTURE" };

	private final GenerateProperties properties;

	private final Organization organization;

	private final Accounts accounts;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final String password;

	private final LockProvider locks;

	private final SupervisionProperties numbering;

	private final GeneratedRankings rankings;

	DataGenerator(GenerateProperties properties, Organization organization, Accounts accounts, JdbcTemplate jdbc,
			TransactionTemplate transaction, LockProvider locks, SupervisionProperties numbering, Clock clock,
			GeneratedRankings rankings, @Value("${luoshi.demo.password:}") String password) {
		this.rankings = rankings;
		this.locks = locks;
		this.numbering = numbering;
		this.properties = properties;
		this.organization = organization;
		this.accounts = accounts;
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.clock = clock;
		this.password = password;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.properties.scale() == null) {
			return;
		}
		if (this.organization.unitCount() > 0) {
			log.info("The database holds data already; nothing generated");
			return;
		}
		boolean chosen = this.password != null && !this.password.isBlank();
		String secret = chosen ? this.password : Passwords.generate(new SecureRandom());
		Instant began = this.clock.instant();
		Run run = new Run(this.properties.scale(), new Random(this.properties.seed()), secret);
		List<SimpleLock> held = holdScheduledJobs();
		try {
			run.all();
			run.counts.put("rankedUnits", this.rankings.rank(run.supervisorAccount, run.random));
		}
		finally {
			held.forEach(SimpleLock::unlock);
		}
		log.info("Generated the {} data set in {} s: {}", this.properties.scale(),
				Duration.between(began, this.clock.instant()).toSeconds(), run.counts);
		if (!chosen) {
			log.warn(
					"\n\n    Generated accounts (supervisor, leader, observer, op.<unit code>) share the password: {}\n"
							+ "    It is shown only this once; set LUOSHI_DEMO_PASSWORD to choose it.\n",
					secret);
		}
	}

	/**
	 * The scheduled jobs (escalations, lights, deliveries) wait while the data is half
	 * written: their locks are taken for the time of the generation.
	 */
	private List<SimpleLock> holdScheduledJobs() {
		List<SimpleLock> held = new ArrayList<>();
		for (String job : List.of("escalations", "task-lights", "project-lights", "deliveries")) {
			this.locks.lock(new LockConfiguration(this.clock.instant(), job, Duration.ofHours(2), Duration.ZERO))
				.ifPresent(held::add);
		}
		return held;
	}

	/** One generation: the ids handed out so far and what was made. */
	private final class Run {

		private final Scale scale;

		private final Random random;

		private final String secret;

		private final LocalDate today;

		private final ZoneId zone;

		private final Timestamp now;

		private final Map<String, Long> counts = new java.util.LinkedHashMap<>();

		private final Map<String, Long> nextIds = new HashMap<>();

		private final List<County> counties = new ArrayList<>();

		private final List<Leaf> leaves = new ArrayList<>();

		private long supervisorAccount;

		private long rootUnit;

		Run(Scale scale, Random random, String secret) {
			this.scale = scale;
			this.random = random;
			this.secret = secret;
			this.today = LocalDate.now(DataGenerator.this.clock);
			this.zone = DataGenerator.this.clock.getZone();
			this.now = Timestamp.from(DataGenerator.this.clock.instant());
		}

		/** Each part restarts the identities of its tables as soon as it is written. */
		void all() {
			units();
			restartIdentity("unit");
			people();
			restartIdentity("person");
			restartIdentity("account");
			campaigns();
			List.of("campaign", "task", "milestone", "progress_report").forEach(this::restartIdentity);
			projects();
			List.of("headquarters", "project", "investment_report").forEach(this::restartIdentity);
			notices();
		}

		private void units() {
			try (Batch units = batch("insert into unit (id, code, name, kind, parent_id, id_path, depth, peer_group, "
					+ "sort_order, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
				String rootName = (this.scale.cities > 0) ? "江南省" : "江州市";
				this.rootUnit = id("unit");
				units.add(this.rootUnit, "G", rootName, "REGION", null, "/" + this.rootUnit + "/", 0, null, 0,
						this.now);
				List<long[]> parents = new ArrayList<>();
				if (this.scale.cities > 0) {
					for (int c = 0; c < this.scale.cities; c++) {
						long city = id("unit");
						units.add(city, "G" + (c + 1), CITIES[c % CITIES.length] + "市", "REGION", this.rootUnit,
								"/" + this.rootUnit + "/" + city + "/", 1, "CITY", c, this.now);
						for (int k = 0; k < this.scale.counties; k++) {
							parents.add(new long[] { city, c, k });
						}
					}
				}
				else {
					for (int k = 0; k < this.scale.counties; k++) {
						parents.add(new long[] { this.rootUnit, 0, k });
					}
				}
				for (long[] parent : parents) {
					County county = new County(id("unit"), this.counties.size());
					String path = pathOf(parent[0]) + county.id + "/";
					int depth = (this.scale.cities > 0) ? 2 : 1;
					String code = "G" + ((this.scale.cities > 0) ? (parent[1] + 1) + "-" : "") + (parent[2] + 1);
					String cityName = CITIES[(int) parent[1] % CITIES.length];
					county.name = cityName + PLACES[(int) parent[2] % PLACES.length]
							+ ((parent[2] % 3 == 0) ? "县" : "区")
							+ ((parent[2] >= PLACES.length) ? String.valueOf(parent[2]) : "");
					units.add(county.id, code, county.name, "REGION", parent[0], path, depth, "COUNTY", (int) parent[2],
							this.now);
					for (int d = 0; d < this.scale.departments; d++) {
						long unit = id("unit");
						county.departments.add(unit);
						units.add(unit, code + "-D" + (d + 1),
								county.name + DEPARTMENTS[d % DEPARTMENTS.length]
										+ ((d >= DEPARTMENTS.length) ? String.valueOf(d) : ""),
								"DEPARTMENT", county.id, path + unit + "/", depth + 1, "DEPARTMENT", d, this.now);
					}
					for (int s = 0; s < this.scale.streets; s++) {
						long street = id("unit");
						county.streets.add(street);
						boolean town = s % 2 == 1;
						String place = PLACES[s % PLACES.length] + ((s >= PLACES.length) ? String.valueOf(s) : "");
						units.add(street, code + "-S" + (s + 1), county.name + place + (town ? "镇" : "街道"),
								town ? "TOWN" : "STREET", county.id, path + street + "/", depth + 1, "STREET", 100 + s,
								this.now);
						for (int v = 0; v < this.scale.communities; v++) {
							long village = id("unit");
							units.add(village, code + "-S" + (s + 1) + "-" + (v + 1),
									place + (town ? "第" + (v + 1) + "村" : "第" + (v + 1) + "社区"),
									town ? "VILLAGE" : "COMMUNITY", street, path + street + "/" + village + "/",
									depth + 2, town ? "VILLAGE" : "COMMUNITY", v, this.now);
						}
					}
					this.counties.add(county);
				}
				this.counts.put("units", units.count());
			}
		}

		private String pathOf(long unit) {
			if (unit == this.rootUnit) {
				return "/" + this.rootUnit + "/";
			}
			return "/" + this.rootUnit + "/" + unit + "/";
		}

		private void people() {
			Account supervisor = DataGenerator.this.accounts.create(new NewAccount("supervisor", this.secret, "督查室",
					this.rootUnit, null, List.of(Role.SUPERVISOR), null));
			this.supervisorAccount = supervisor.id();
			DataGenerator.this.accounts
				.create(new NewAccount("leader", this.secret, "分管领导", this.rootUnit, null, List.of(Role.LEADER), null));
			DataGenerator.this.accounts.create(
					new NewAccount("observer", this.secret, "观察员", this.rootUnit, null, List.of(Role.VIEWER), null));
			String hash = DataGenerator.this.jdbc.queryForObject("select password_hash from account where id = ?",
					String.class, supervisor.id());
			try (Batch people = batch(
					"insert into person (id, name, unit_id, title, created_at) values (?, ?, ?, ?, ?)");
					Batch accounts = batch("insert into account (id, username, password_hash, person_id, unit_id, "
							+ "display_name, password_changed_at, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
						.after(people)) {
				for (County county : this.counties) {
					county.leader = id("person");
					people.add(county.leader, surname() + "县长", county.id, "副县长", this.now);
					List<Long> units = new ArrayList<>(county.departments);
					units.addAll(county.streets);
					for (long unit : units) {
						long person = id("person");
						people.add(person, surname() + "联络员", unit, "联络员", this.now);
						long account = id("account");
						county.operators.put(unit, account);
						accounts.add(account, "op." + account, hash, person, unit, "联络员" + account, this.now, this.now);
					}
				}
				this.counts.put("people", people.count());
				this.counts.put("accounts", accounts.count() + 3);
			}
			try (Batch roles = batch("insert into account_role (account_id, role_name) values (?, ?)")) {
				this.counties.forEach((county) -> county.operators.values()
					.forEach((account) -> roles.add(account, Role.UNIT_OPERATOR.name())));
			}
		}

		private void campaigns() {
			LocalDate start = this.today.minusMonths(22).withDayOfMonth(1);
			LocalDate end = LocalDate.of(this.today.getYear() + 1, 12, 31);
			try (Batch campaigns = batch("insert into campaign (id, code, name, cal_year, category, lead_leader_id, "
					+ "lead_unit_id, start_date, end_date, reporting_cycle, report_due_day, created_at) "
					+ "values (?, ?, ?, ?, 'CAMPAIGN', ?, ?, ?, ?, 'MONTHLY', 25, ?)");
					Batch tasks = batch(
							"insert into task (id, campaign_id, parent_id, position, outline, id_path, title, "
									+ "lead_unit_id, responsible_leader_id, start_date, deadline, weight, status, progress, "
									+ "own_light, light, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, 'GREEN', "
									+ "'GREEN', ?)")
						.after(campaigns)) {
				for (County county : this.counties) {
					for (int c = 0; c < this.scale.campaigns; c++) {
						long campaign = id("campaign");
						String work = WORKS[(county.index + c) % WORKS.length];
						campaigns.add(campaign, "GJ-" + campaign, county.name + work + "攻坚行动", start.getYear(),
								county.leader, county.departments.get(c % county.departments.size()),
								Date.valueOf(start), Date.valueOf(end), this.now);
						List<Long> leads = new ArrayList<>(county.departments);
						leads.addAll(county.streets);
						for (int s = 0; s < this.scale.sections; s++) {
							long section = id("task");
							String sectionPath = "/" + section + "/";
							tasks.add(section, campaign, null, s, String.valueOf(s + 1), sectionPath,
									work + "第" + (s + 1) + "项重点工作", county.departments.get(0), county.leader,
									Date.valueOf(start), Date.valueOf(end), "OPEN", BigDecimal.ZERO, this.now);
							for (int l = 0; l < this.scale.leaves; l++) {
								long unit = leads.get(this.random.nextInt(leads.size()));
								Leaf leaf = leaf(id("task"), unit, county.operators.get(unit), start);
								this.leaves.add(leaf);
								tasks.add(leaf.id, campaign, section, l, (s + 1) + "." + (l + 1),
										sectionPath + leaf.id + "/",
										PLACES[this.random.nextInt(PLACES.length)] + work + "任务" + (l + 1), unit,
										county.leader, Date.valueOf(start), Date.valueOf(leaf.deadline),
										leaf.done ? "DONE" : "OPEN", leaf.accepted(this.scale.reports), this.now);
							}
						}
					}
				}
				this.counts.put("campaigns", campaigns.count());
				this.counts.put("tasks", tasks.count());
			}
			try (Batch units = batch("insert into task_unit (task_id, unit_id, unit_role) values (?, ?, 'LEAD')")) {
				this.leaves.forEach((leaf) -> units.add(leaf.id, leaf.unit));
			}
			milestonesAndReports(start);
		}

		/** A leaf task's fate: done, overdue, far or a little behind, or on track. */
		private Leaf leaf(long id, long unit, long operator, LocalDate start) {
			int fate = this.random.nextInt(20);
			LocalDate deadline;
			BigDecimal progress;
			long span;
			if (fate < 2) {
				deadline = this.today.minusDays(10 + this.random.nextInt(120));
				return new Leaf(id, unit, operator, start, deadline, new BigDecimal("100.00"), true, -1, false);
			}
			if (fate < 4) {
				deadline = this.today.minusDays(3 + this.random.nextInt(60));
				progress = BigDecimal.valueOf(60 + this.random.nextInt(35));
				return new Leaf(id, unit, operator, start, deadline, scaled(progress), false, 2, pending());
			}
			deadline = this.today.plusDays(30 + this.random.nextInt(400));
			span = ChronoUnit.DAYS.between(start, deadline);
			double elapsed = 100.0 * ChronoUnit.DAYS.between(start, this.today) / span;
			double behind = (fate < 6) ? 35 + this.random.nextInt(15)
					: (fate < 9) ? 12 + this.random.nextInt(10) : this.random.nextInt(8) - 4;
			progress = BigDecimal.valueOf(Math.max(1, Math.min(99, elapsed - behind)));
			return new Leaf(id, unit, operator, start, deadline, scaled(progress), false, (fate == 9) ? 0 : -1,
					pending());
		}

		private boolean pending() {
			return this.random.nextInt(7) == 0;
		}

		private void milestonesAndReports(LocalDate start) {
			String[] names = { "完成实施方案", "完成前期手续", "完成主体工程", "完成阶段验收", "完成年度目标" };
			try (Batch milestones = batch("insert into milestone (id, task_id, name, due_date, completed_on, position) "
					+ "values (?, ?, ?, ?, ?, ?)")) {
				for (Leaf leaf : this.leaves) {
					long span = ChronoUnit.DAYS.between(start, leaf.deadline);
					for (int m = 0; m < this.scale.milestones; m++) {
						boolean last = m == this.scale.milestones - 1;
						LocalDate due = (leaf.missedMilestone == 0 && last) ? this.today.plusDays(1)
								: start.plusDays(span * (m + 1) / this.scale.milestones);
						boolean missed = leaf.missedMilestone == 2 && last;
						LocalDate completed = (leaf.done || (due.isBefore(this.today) && !missed))
								? due.minusDays(this.random.nextInt(5)) : null;
						milestones.add(id("milestone"), leaf.id, names[m % names.length], Date.valueOf(due),
								(completed != null) ? Date.valueOf(completed) : null, m);
					}
				}
				this.counts.put("milestones", milestones.count());
			}
			YearMonth current = YearMonth.from(this.today);
			try (Batch reports = batch("insert into progress_report (id, task_id, unit_id, period, percent, narrative, "
					+ "status, submitted_by, submitted_at, reviewed_by, reviewed_at) "
					+ "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
				for (Leaf leaf : this.leaves) {
					int count = this.scale.reports;
					for (int r = 0; r < count; r++) {
						YearMonth period = current.minusMonths(2L * (count - 1 - r));
						BigDecimal percent = scaled(leaf.progress.multiply(BigDecimal.valueOf(r + 1))
							.divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP));
						boolean last = r == count - 1;
						LocalDate day = period.atDay(Math.min(20, period.lengthOfMonth()));
						Timestamp at = Timestamp.from(earlier(day.atTime(10, 0).atZone(this.zone).toInstant()));
						boolean accepted = !(last && leaf.pending);
						reports.add(id("progress_report"), leaf.id, leaf.unit, period.toString(), percent,
								"本期完成进度 " + percent + "%，按倒排工期推进。", accepted ? "ACCEPTED" : "SUBMITTED", leaf.operator,
								at, accepted ? this.supervisorAccount : null, accepted ? at : null);
					}
				}
				this.counts.put("reports", reports.count());
			}
		}

		private void projects() {
			long hq = id("headquarters");
			DataGenerator.this.jdbc.update(
					"insert into headquarters (id, code, name, position, created_at) values (?, 'HQ', '重点项目建设总指挥部', 0, ?)",
					hq, this.now);
			YearMonth last = YearMonth.from(this.today).minusMonths(1);
			YearMonth first = last.minusMonths(this.scale.figureMonths - 1L);
			List<long[]> projects = new ArrayList<>();
			try (Batch rows = batch(
					"insert into project (id, code, name, category, lead_unit_id, responsible_leader_id, "
							+ "total_investment, start_date, planned_completion, phase, registered, light, created_at) "
							+ "values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'CONSTRUCTION', ?, 'GREEN', ?)");
					Batch links = batch(
							"insert into project_headquarters (project_id, headquarters_id, primary_hq) values (?, ?, true)")
						.after(rows)) {
				for (int p = 0; p < this.scale.projects; p++) {
					County county = this.counties.get(p % this.counties.size());
					long project = id("project");
					long yearly = 20_000_000L + this.random.nextInt(200) * 1_000_000L;
					long total = yearly * (this.scale.figureMonths / 12 + 2);
					long unit = county.departments.get(this.random.nextInt(county.departments.size()));
					rows.add(project, "XM-" + project,
							county.name + PLACES[p % PLACES.length] + PROJECT_KINDS[p % PROJECT_KINDS.length] + "项目"
									+ p,
							CATEGORIES[p % CATEGORIES.length], unit, county.leader, BigDecimal.valueOf(total),
							Date.valueOf(first.atDay(1)), Date.valueOf(this.today.plusYears(2)), p % 4 != 0, this.now);
					links.add(project, hq);
					projects.add(new long[] { project, yearly, unit, county.index });
				}
				this.counts.put("projects", rows.count());
			}
			try (Batch plans = batch("insert into investment_plan (project_id, plan_year, amount) values (?, ?, ?)");
					Batch months = batch(
							"insert into investment_plan_month (project_id, plan_year, plan_month, amount) "
									+ "values (?, ?, ?, ?)");
					Batch figures = batch("insert into investment_report (id, project_id, report_year, report_month, "
							+ "amount, narrative, unit_id, filed_by, filed_at, late) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
				for (long[] project : projects) {
					County county = this.counties.get((int) project[3]);
					long yearly = project[1];
					BigDecimal monthly = BigDecimal.valueOf(yearly)
						.divide(BigDecimal.valueOf(12), 2, RoundingMode.DOWN);
					BigDecimal december = BigDecimal.valueOf(yearly).subtract(monthly.multiply(BigDecimal.valueOf(11)));
					double pace = 0.55 + this.random.nextDouble() * 0.6;
					for (int year = first.getYear(); year <= this.today.getYear(); year++) {
						plans.add(project[0], year, BigDecimal.valueOf(yearly));
						for (int m = 1; m <= 12; m++) {
							months.add(project[0], year, m, (m == 12) ? december : monthly);
						}
					}
					for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
						BigDecimal amount = monthly.multiply(BigDecimal.valueOf(pace))
							.setScale(2, RoundingMode.HALF_UP);
						boolean late = this.random.nextInt(10) == 0;
						LocalDate filed = month.plusMonths(1).atDay(late ? 9 : 3);
						figures.add(id("investment_report"), project[0], month.getYear(), month.getMonthValue(), amount,
								"按计划推进", project[2], county.operators.get(project[2]),
								Timestamp.from(filed.atTime(16, 0).atZone(this.zone).toInstant()), late);
					}
				}
				this.counts.put("figures", figures.count());
			}
		}

		private void notices() {
			NoticeLevel[] ladder = { NoticeLevel.REMINDER, NoticeLevel.REMINDER, NoticeLevel.REMINDER, NoticeLevel.URGE,
					NoticeLevel.URGE, NoticeLevel.SUPERVISE, NoticeLevel.BULLETIN, NoticeLevel.INTERVIEW };
			Map<Integer, Map<NoticeLevel, Integer>> numbers = new HashMap<>();
			try (Batch notices = batch("insert into notice (id, number, level, unit_id, subject, body, issued_by, "
					+ "issued_at, due_at, status, responded_at, response) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
				for (int n = 0; n < this.scale.notices; n++) {
					County county = this.counties.get(this.random.nextInt(this.counties.size()));
					List<Long> units = this.random.nextBoolean() ? county.departments : county.streets;
					long unit = units.get(this.random.nextInt(units.size()));
					NoticeLevel level = ladder[this.random.nextInt(ladder.length)];
					LocalDate issued = this.today.minusDays(this.random.nextInt(365));
					Instant at = earlier(issued.atTime(9 + this.random.nextInt(8), 0).atZone(this.zone).toInstant());
					Instant due = at.plus(Duration.ofDays(2));
					Map<NoticeLevel, Integer> levels = numbers.computeIfAbsent(issued.getYear(),
							(year) -> new EnumMap<>(NoticeLevel.class));
					int number = (levels.containsKey(level) ? levels.get(level) : lastNumber(issued.getYear(), level))
							+ 1;
					levels.put(level, number);
					boolean recent = issued.isAfter(this.today.minusDays(5));
					// OVERDUE is not stored: an OPEN notice past its deadline is overdue
					String status = (recent || this.random.nextInt(12) == 0) ? "OPEN"
							: (this.random.nextInt(3) == 0) ? "RESPONDED" : "CLOSED";
					boolean answered = status.equals("RESPONDED") || status.equals("CLOSED");
					notices.add(id("notice"), DataGenerator.this.numbering.number(level, issued.getYear(), number),
							level.name(), unit, WORKS[this.random.nextInt(WORKS.length)] + "进度滞后", "请说明情况并加快推进。",
							this.supervisorAccount, Timestamp.from(at), Timestamp.from(due), status,
							answered ? Timestamp.from(at.plus(Duration.ofDays(1))) : null,
							answered ? "已制定整改措施，按期推进。" : null);
				}
				this.counts.put("notices", notices.count());
			}
			numbers.forEach((year, levels) -> levels.forEach((level, last) -> {
				if (DataGenerator.this.jdbc.update(
						"update notice_sequence set last_number = ? where cal_year = ? and level = ?", last, year,
						level.name()) == 0) {
					DataGenerator.this.jdbc.update(
							"insert into notice_sequence (cal_year, level, last_number) values (?, ?, ?)", year,
							level.name(), last);
				}
			}));
			restartIdentity("notice");
		}

		/** An instant that is not after now (today's later hours have not come yet). */
		private Instant earlier(Instant instant) {
			Instant now = this.now.toInstant();
			return instant.isAfter(now) ? now : instant;
		}

		/**
		 * The last number given to a level's notices in a year, before this generation.
		 */
		private int lastNumber(int year, NoticeLevel level) {
			List<Integer> last = DataGenerator.this.jdbc.queryForList(
					"select last_number from notice_sequence where cal_year = ? and level = ?", Integer.class, year,
					level.name());
			return last.isEmpty() ? 0 : last.get(0);
		}

		private Batch batch(String sql) {
			return new Batch(DataGenerator.this.jdbc, DataGenerator.this.transaction, sql);
		}

		/**
		 * The next id of a table: ids are handed out here, and the identity restarted
		 * after.
		 */
		private long id(String table) {
			long next = this.nextIds.computeIfAbsent(table, this::maxId) + 1;
			this.nextIds.put(table, next);
			return next;
		}

		private long maxId(String table) {
			Long max = DataGenerator.this.jdbc.queryForObject("select max(id) from " + table, Long.class);
			return (max != null) ? max : 0;
		}

		/** Identity columns continue after the ids handed out here. */
		private void restartIdentity(String table) {
			long next = maxId(table) + 1;
			DataGenerator.this.jdbc.execute("alter table " + table + " alter column id restart with " + next);
		}

		private String surname() {
			String[] names = { "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林" };
			return names[this.random.nextInt(names.length)];
		}

		private static BigDecimal scaled(BigDecimal value) {
			return value.setScale(2, RoundingMode.HALF_UP);
		}

	}

	/** A county and what the generator needs of it later. */
	private static final class County {

		final long id;

		final int index;

		String name;

		long leader;

		final List<Long> departments = new ArrayList<>();

		final List<Long> streets = new ArrayList<>();

		final Map<Long, Long> operators = new HashMap<>();

		County(long id, int index) {
			this.id = id;
			this.index = index;
		}

	}

	/**
	 * A leaf task as generated: its lead unit and that unit's liaison, dates, its latest
	 * reported progress, whether that report waits for review, and its milestones' fate:
	 * 2 the last is missed, 0 the last falls due tomorrow, -1 on schedule.
	 */
	private record Leaf(long id, long unit, long operator, LocalDate start, LocalDate deadline, BigDecimal progress,
			boolean done, int missedMilestone, boolean pending) {

		/**
		 * The task's progress: its latest accepted report (the one before the last when
		 * the last still waits for review).
		 */
		BigDecimal accepted(int reports) {
			if (!this.pending) {
				return this.progress;
			}
			return this.progress.multiply(BigDecimal.valueOf(reports - 1L))
				.divide(BigDecimal.valueOf(reports), 2, RoundingMode.HALF_UP);
		}

	}

}
