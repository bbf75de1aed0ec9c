package dev.luoshi.project;

import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import dev.luoshi.identity.CurrentUser;
import dev.luoshi.identity.DataScopes;
import dev.luoshi.organization.Organization;
import dev.luoshi.organization.People;
import dev.luoshi.organization.Person;
import dev.luoshi.organization.Unit;
import dev.luoshi.shared.DomainException;
import dev.luoshi.shared.EntityChanged;
import dev.luoshi.shared.LedgerDates;
import dev.luoshi.shared.LedgerSheet;
import dev.luoshi.shared.PageRequest;
import dev.luoshi.work.ImportResult;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Project ledgers in: the project list with its year's plan, and a month's figures for
 * many projects. All or nothing: every row is checked first, and refused rows are named
 * by their spreadsheet row number and column heading.
 */
@Service
@Transactional
public class ProjectImports {

	private static final Pattern SEPARATORS = Pattern.compile("[、，,;；/]+");

	private final Projects projects;

	private final ProjectRepository repository;

	private final HeadquartersTree headquarters;

	private final InvestmentReports reports;

	private final ProjectLights lights;

	private final Organization organization;

	private final People people;

	private final DataScopes scopes;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ProjectImports(Projects projects, ProjectRepository repository, HeadquartersTree headquarters,
			InvestmentReports reports, ProjectLights lights, Organization organization, People people,
			DataScopes scopes, JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
		this.projects = projects;
		this.repository = repository;
		this.headquarters = headquarters;
		this.reports = reports;
		this.lights = lights;
		this.organization = organization;
		this.people = people;
		this.scopes = scopes;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	/** A month's figure for one project, as a ledger row gives it. */
	public record Figure(long projectId, BigDecimal amount, String narrative) {
	}

	/** Imports a project list; the year's plan comes from 年度计划投资 and 1月…12月. */
	public ImportResult importProjects(InputStream input, int year) {
		LedgerSheet.Parsed<ProjectLedger.Column> ledger = LedgerSheet.read(input, ProjectLedger.Column.class,
				ProjectLedger.Column.NAME, 3);
		if (!ledger.columns().containsKey(ProjectLedger.Column.LEAD)
				|| !ledger.columns().containsKey(ProjectLedger.Column.TOTAL)) {
			throw DomainException.invalid("file", "project-ledger-header",
					"No header row with 项目名称, 牵头单位 and 总投资 among the first rows");
		}
		ProjectRows rows = new ProjectRows(ledger, year);
		ledger.lines().forEach(rows::resolve);
		if (!rows.errors.isEmpty()) {
			throw DomainException.invalidRows("ledger-rows",
					rows.errors.size() + " errors in the ledger; nothing was imported", rows.errors);
		}
		rows.planned.forEach(this.projects::register);
		return new ImportResult(rows.planned.size(), List.of());
	}

	/** Imports a month's figures for the projects of the caller's unit. */
	public ImportResult importFigures(InputStream input, YearMonth month) {
		if (month.isAfter(YearMonth.now(this.clock))) {
			throw DomainException.invalid("month", "future-month", "The month " + month + " has not begun", month);
		}
		LedgerSheet.Parsed<ProjectLedger.Column> ledger = LedgerSheet.read(input, ProjectLedger.Column.class,
				ProjectLedger.Column.AMOUNT, 2);
		if (!ledger.columns().containsKey(ProjectLedger.Column.CODE)
				&& !ledger.columns().containsKey(ProjectLedger.Column.NAME)) {
			throw DomainException.invalid("file", "figure-ledger-header",
					"No header row with 项目编号 or 项目名称 and 本月完成投资 among the first rows");
		}
		BigDecimal scale = ProjectLedger.scale(ledger, ProjectLedger.Column.AMOUNT);
		List<DomainException.RowError> errors = new ArrayList<>();
		List<Figure> figures = new ArrayList<>();
		Set<Long> seen = new HashSet<>();
		for (LedgerSheet.Line<ProjectLedger.Column> line : ledger.lines()) {
			int before = errors.size();
			Optional<ProjectRepository.Row> project = project(line, errors);
			Optional<BigDecimal> amount = line.number(ProjectLedger.Column.AMOUNT);
			if (amount.isEmpty() || amount.get().signum() < 0) {
				errors.add(error(line, ProjectLedger.Column.AMOUNT,
						"本月完成投资“" + line.text(ProjectLedger.Column.AMOUNT) + "”不是非负金额"));
			}
			if (project.isPresent()) {
				if (!seen.add(project.get().id())) {
					errors.add(error(line, ProjectLedger.Column.CODE, "项目 " + project.get().code() + " 重复填报"));
				}
				else if (!mayFile(project.get())) {
					errors.add(error(line, ProjectLedger.Column.CODE, "项目 " + project.get().code() + " 不由本单位牵头"));
				}
			}
			if (errors.size() == before) {
				figures.add(new Figure(project.get().id(), money(amount.get().multiply(scale)),
						line.text(ProjectLedger.Column.NARRATIVE)));
			}
		}
		if (!errors.isEmpty()) {
			throw DomainException.invalidRows("ledger-rows",
					errors.size() + " errors in the ledger; nothing was imported", errors);
		}
		return new ImportResult(record(month, figures), List.of());
	}

	/**
	 * Records a month's figures for many projects at once (a ledger imported, or figures
	 * carried over from before the system): new ones filed, existing ones corrected, one
	 * audit event for the batch.
	 */
	public int record(YearMonth month, List<Figure> figures) {
		CurrentUser user = this.scopes.caller().orElseThrow(() -> DomainException.forbidden("Sign in first"));
		Timestamp at = Timestamp.from(this.clock.instant());
		boolean late = LocalDate.now(this.clock).isAfter(this.reports.dueDate(month));
		// the projects before their figures, as a single figure and the lights take them
		this.repository.lock(figures.stream().map(Figure::projectId).toList());
		for (Figure figure : figures) {
			ProjectRepository.Row project = this.repository.find(figure.projectId())
				.orElseThrow(() -> DomainException.notFound("project", figure.projectId()));
			int updated = this.jdbc
				.sql("update investment_report set amount = ?, narrative = ?, filed_by = ?, filed_at = ?, "
						+ "version = version + 1 where project_id = ? and report_year = ? and report_month = ?")
				.params(figure.amount(), blankToNull(figure.narrative()), user.accountId(), at, figure.projectId(),
						month.getYear(), month.getMonthValue())
				.update();
			if (updated == 0) {
				this.jdbc
					.sql("insert into investment_report (project_id, report_year, report_month, amount, narrative, "
							+ "unit_id, filed_by, filed_at, late) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
					.params(figure.projectId(), month.getYear(), month.getMonthValue(), figure.amount(),
							blankToNull(figure.narrative()), project.leadUnitId(), user.accountId(), at, late)
					.update();
			}
		}
		this.lights.refresh(figures.stream().map(Figure::projectId).toList());
		this.events.publishEvent(new EntityChanged("investment-month", month.toString(), "FIGURES_RECORDED", null,
				Map.of("count", figures.size(), "figures", figures)));
		return figures.size();
	}

	private boolean mayFile(ProjectRepository.Row project) {
		try {
			Access.requireUnitOrSupervisor(this.scopes, this.organization, project.leadUnitId());
			return true;
		}
		catch (DomainException.Forbidden ex) {
			return false;
		}
	}

	private Optional<ProjectRepository.Row> project(LedgerSheet.Line<ProjectLedger.Column> line,
			List<DomainException.RowError> errors) {
		String code = line.text(ProjectLedger.Column.CODE);
		if (!code.isEmpty()) {
			Optional<ProjectRepository.Row> found = this.repository.findByCode(code);
			if (found.isEmpty()) {
				errors.add(error(line, ProjectLedger.Column.CODE, "项目编号“" + code + "”不存在"));
			}
			return found;
		}
		String name = line.text(ProjectLedger.Column.NAME);
		List<ProjectRepository.Row> found = this.repository.findByName(name);
		if (found.size() != 1) {
			errors.add(error(line, ProjectLedger.Column.NAME,
					found.isEmpty() ? "项目“" + name + "”不存在" : "项目名称“" + name + "”不唯一，请填写项目编号"));
			return Optional.empty();
		}
		return Optional.of(found.get(0));
	}

	/**
	 * Checks each project row against the organisation, the headquarters and the rows
	 * before it.
	 */
	private final class ProjectRows {

		private final LedgerSheet.Parsed<ProjectLedger.Column> ledger;

		private final int year;

		private final Map<String, Long> headquartersByName;

		private final Set<String> codes = new HashSet<>();

		/**
		 * Rows without a code get the next XM-year-NNNN after those given before, so that
		 * a second ledger of the year does not collide with the first.
		 */
		private int lastNumber;

		private final List<NewProject> planned = new ArrayList<>();

		private final List<DomainException.RowError> errors = new ArrayList<>();

		ProjectRows(LedgerSheet.Parsed<ProjectLedger.Column> ledger, int year) {
			this.ledger = ledger;
			this.year = year;
			this.headquartersByName = ProjectImports.this.headquarters.byNameAndCode();
			this.lastNumber = ProjectImports.this.repository.lastNumberedCode("XM-" + year + "-");
		}

		void resolve(LedgerSheet.Line<ProjectLedger.Column> line) {
			int before = this.errors.size();
			String name = line.text(ProjectLedger.Column.NAME);
			if (name.isEmpty()) {
				error(line, ProjectLedger.Column.NAME, "项目名称为空");
			}
			String code = line.text(ProjectLedger.Column.CODE);
			if (code.isEmpty() || code.matches("\\d{1,4}")) {
				code = "XM-" + this.year + "-" + String.format("%04d", ++this.lastNumber);
			}
			if (!this.codes.add(code)) {
				error(line, ProjectLedger.Column.CODE, "项目编号 " + code + " 重复");
			}
			else if (ProjectImports.this.repository.codeTaken(code)) {
				error(line, ProjectLedger.Column.CODE, "项目编号 " + code + " 已存在");
			}
			ProjectCategory category = ProjectCategory.OTHER;
			String categoryText = line.text(ProjectLedger.Column.CATEGORY);
			if (!categoryText.isEmpty()) {
				category = ProjectCategory.parse(categoryText).orElse(null);
				if (category == null) {
					error(line, ProjectLedger.Column.CATEGORY, "项目类别“" + categoryText + "”无法识别");
				}
			}
			Long hq = null;
			String hqText = line.text(ProjectLedger.Column.HEADQUARTERS);
			if (!hqText.isEmpty()) {
				hq = this.headquartersByName.get(hqText);
				if (hq == null) {
					error(line, ProjectLedger.Column.HEADQUARTERS, "指挥部“" + hqText + "”不存在");
				}
			}
			Long lead = lead(line);
			Long leader = leader(line);
			BigDecimal total = amount(line, ProjectLedger.Column.TOTAL, true);
			LocalDate start = date(line, ProjectLedger.Column.START, LocalDate.of(this.year, 1, 1));
			LocalDate completion = date(line, ProjectLedger.Column.COMPLETION, null);
			if (start != null && completion != null && completion.isBefore(start)) {
				error(line, ProjectLedger.Column.COMPLETION, "计划竣工早于开工时间");
			}
			ProjectPhase phase = ProjectPhase.PREPARATION;
			String phaseText = line.text(ProjectLedger.Column.PHASE);
			if (!phaseText.isEmpty()) {
				phase = ProjectPhase.parse(phaseText).orElse(null);
				if (phase == null) {
					error(line, ProjectLedger.Column.PHASE, "建设阶段“" + phaseText + "”无法识别");
				}
			}
			String registered = line.text(ProjectLedger.Column.REGISTERED);
			AnnualPlan plan = plan(line);
			if (this.errors.size() == before) {
				this.planned.add(new NewProject(code, name, category, hq, null, null, List.of(this.year), lead, leader,
						blankToNull(line.text(ProjectLedger.Column.ADDRESS)), null, null, total, start, completion,
						phase, registered.matches("是|已入库|已纳统|√|Y|y|yes|true"), null,
						(plan != null) ? List.of(plan) : List.of(), List.of()));
			}
		}

		private AnnualPlan plan(LedgerSheet.Line<ProjectLedger.Column> line) {
			BigDecimal annual = amount(line, ProjectLedger.Column.ANNUAL, false);
			List<BigDecimal> months = new ArrayList<>();
			boolean anyMonth = false;
			for (ProjectLedger.Column column : ProjectLedger.Column.MONTHS) {
				anyMonth |= !line.text(column).isEmpty();
				BigDecimal amount = line.text(column).isEmpty() ? BigDecimal.ZERO.setScale(2)
						: amount(line, column, false);
				months.add(amount);
			}
			if (annual == null || months.contains(null)) {
				return null;
			}
			AnnualPlan plan = new AnnualPlan(this.year, annual, anyMonth ? months : null, null);
			if (!plan.balanced()) {
				BigDecimal sum = months.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
				error(line, ProjectLedger.Column.ANNUAL,
						"1—12月计划合计 " + sum.toPlainString() + " 元，与年度计划 " + annual.toPlainString() + " 元不符");
				return null;
			}
			return plan;
		}

		private Long lead(LedgerSheet.Line<ProjectLedger.Column> line) {
			List<String> names = SEPARATORS.splitAsStream(line.text(ProjectLedger.Column.LEAD))
				.map(String::strip)
				.filter((part) -> !part.isEmpty())
				.toList();
			if (names.isEmpty()) {
				error(line, ProjectLedger.Column.LEAD, "牵头单位为空");
				return null;
			}
			Optional<Unit> unit = ProjectImports.this.organization.findUnitByCodeOrName(names.get(0));
			if (unit.isEmpty()) {
				error(line, ProjectLedger.Column.LEAD, "单位“" + names.get(0) + "”不存在");
				return null;
			}
			return unit.get().id();
		}

		private Long leader(LedgerSheet.Line<ProjectLedger.Column> line) {
			String name = line.text(ProjectLedger.Column.LEADER);
			if (name.isEmpty()) {
				return null;
			}
			Optional<Person> person = ProjectImports.this.people.people(null, name, PageRequest.of(0, 50))
				.items()
				.stream()
				.filter((candidate) -> candidate.name().equals(name))
				.findFirst();
			if (person.isEmpty()) {
				error(line, ProjectLedger.Column.LEADER, "人员“" + name + "”不存在");
				return null;
			}
			return person.get().id();
		}

		private BigDecimal amount(LedgerSheet.Line<ProjectLedger.Column> line, ProjectLedger.Column column,
				boolean required) {
			String text = line.text(column);
			if (text.isEmpty()) {
				if (required) {
					error(line, column, column.heading() + "为空");
				}
				return null;
			}
			Optional<BigDecimal> amount = line.number(column);
			if (amount.isEmpty() || amount.get().signum() < 0) {
				error(line, column, column.heading() + "“" + text + "”不是非负金额");
				return null;
			}
			BigDecimal scale = ProjectLedger.scale(this.ledger, column);
			if (scale.equals(BigDecimal.ONE) && ProjectLedger.Column.MONTHS.contains(column)) {
				scale = ProjectLedger.scale(this.ledger, ProjectLedger.Column.ANNUAL);
			}
			return money(amount.get().multiply(scale));
		}

		private LocalDate date(LedgerSheet.Line<ProjectLedger.Column> line, ProjectLedger.Column column,
				LocalDate otherwise) {
			Optional<LocalDate> cell = line.date(column);
			if (cell.isPresent()) {
				return cell.get();
			}
			String text = line.text(column);
			if (text.isEmpty()) {
				if (otherwise == null) {
					error(line, column, column.heading() + "为空");
				}
				return otherwise;
			}
			Optional<LocalDate> parsed = LedgerDates.parse(text, this.year, LocalDate.of(this.year, 12, 31));
			if (parsed.isEmpty()) {
				error(line, column, column.heading() + "“" + text + "”无法识别");
				return null;
			}
			return parsed.get();
		}

		private void error(LedgerSheet.Line<ProjectLedger.Column> line, ProjectLedger.Column column, String message) {
			this.errors.add(ProjectImports.error(line, column, message));
		}

	}

	private static DomainException.RowError error(LedgerSheet.Line<ProjectLedger.Column> line,
			ProjectLedger.Column column, String message) {
		return new DomainException.RowError(line.row(), column.heading(), message);
	}

	/**
	 * An amount to the fen: ledgers in 万元 may carry more decimals than a yuan amount can.
	 */
	private static BigDecimal money(BigDecimal amount) {
		return amount.setScale(2, RoundingMode.HALF_UP);
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text;
	}

}
