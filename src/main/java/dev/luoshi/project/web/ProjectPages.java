package dev.luoshi.project.web;

import java.io.InputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.luoshi.identity.CurrentUser;
import dev.luoshi.identity.DataScopes;
import dev.luoshi.identity.Role;
import dev.luoshi.organization.Organization;
import dev.luoshi.organization.UnitKind;
import dev.luoshi.project.AnnualPlan;
import dev.luoshi.project.CoordinationProblems;
import dev.luoshi.project.FigureStatus;
import dev.luoshi.project.Headquarters;
import dev.luoshi.project.HeadquartersTree;
import dev.luoshi.project.InvestmentReport;
import dev.luoshi.project.InvestmentReports;
import dev.luoshi.project.InvestmentSummary;
import dev.luoshi.project.NewInvestmentReport;
import dev.luoshi.project.Project;
import dev.luoshi.project.ProjectCategory;
import dev.luoshi.project.ProjectExports;
import dev.luoshi.project.ProjectPhase;
import dev.luoshi.project.ProjectQuery;
import dev.luoshi.project.ProjectSummaries;
import dev.luoshi.project.Projects;
import dev.luoshi.shared.DomainException;
import dev.luoshi.shared.Page;
import dev.luoshi.shared.PageRequest;
import dev.luoshi.shared.Problems;
import dev.luoshi.shared.Spreadsheets;
import dev.luoshi.work.Light;

import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tools.jackson.databind.json.JsonMapper;

/**
 * The pages of key projects: the list with its totals and filters, one project with its
 * plan-against-actual chart and phase timeline, a unit's monthly filing form, and the
 * headquarters with their totals.
 */
@Controller
class ProjectPages {

	private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10000);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Projects projects;

	private final ProjectSummaries summaries;

	private final InvestmentReports reports;

	private final HeadquartersTree headquarters;

	private final CoordinationProblems problems;

	private final DataScopes scopes;

	private final Organization organization;

	private final ProjectExports exports;

	private final MessageSource messages;

	private final Clock clock;

	ProjectPages(Projects projects, ProjectSummaries summaries, InvestmentReports reports,
			HeadquartersTree headquarters, CoordinationProblems problems, DataScopes scopes, Organization organization,
			ProjectExports exports, MessageSource messages, Clock clock) {
		this.exports = exports;
		this.organization = organization;
		this.problems = problems;
		this.projects = projects;
		this.summaries = summaries;
		this.reports = reports;
		this.headquarters = headquarters;
		this.scopes = scopes;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/projects")
	String list(@RequestParam(required = false) Long headquartersId, @RequestParam(required = false) Long unitId,
			@RequestParam(required = false) ProjectCategory category,
			@RequestParam(required = false) ProjectPhase phase, @RequestParam(required = false) Light light,
			@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model,
			Locale locale) {
		ProjectQuery query = new ProjectQuery(headquartersId, unitId, category, phase, light, q);
		Page<Project> found = this.projects.projects(query, PageRequest.of(page, 50));
		InvestmentSummary summary = this.summaries.summary(this.summaries.currentYear(), query);
		model.addAttribute("projects", found);
		model.addAttribute("summary", summary);
		model.addAttribute("query", query);
		model.addAttribute("headquarters", this.headquarters.all());
		model.addAttribute("units",
				this.organization.allUnits()
					.stream()
					.filter((unit) -> unit.kind() == UnitKind.DEPARTMENT || unit.kind() == UnitKind.STREET
							|| unit.kind() == UnitKind.TOWN)
					.toList());
		model.addAttribute("categories", ProjectCategory.values());
		model.addAttribute("phases", ProjectPhase.values());
		model.addAttribute("lights", Light.values());
		model.addAttribute("charts", true);
		model.addAttribute("monthChart", monthChart(summary.byMonth(), locale));
		return "project/projects";
	}

	/** The filtered list as the project ledger, for the page's export link. */
	@GetMapping("/projects/ledger.xlsx")
	ResponseEntity<byte[]> ledger(@RequestParam(required = false) Long headquartersId,
			@RequestParam(required = false) Long unitId, @RequestParam(required = false) ProjectCategory category,
			@RequestParam(required = false) ProjectPhase phase, @RequestParam(required = false) Light light) {
		return Spreadsheets.download("projects.xlsx",
				this.exports.ledger(new ProjectQuery(headquartersId, unitId, category, phase, light, null), null));
	}

	@GetMapping("/projects/{id:\\d+}")
	String project(@PathVariable long id, Model model, Locale locale) {
		Project project = this.projects.project(id);
		int year = project.progress().year();
		List<InvestmentReport> figures = this.reports.ofProject(id, PageRequest.of(0, 60)).items();
		AnnualPlan plan = project.annualPlans().stream().filter((p) -> p.year() == year).findFirst().orElse(null);
		BigDecimal[] actual = new BigDecimal[12];
		figures.stream()
			.filter((figure) -> figure.month().getYear() == year)
			.forEach((figure) -> actual[figure.month().getMonthValue() - 1] = figure.amount());
		List<InvestmentSummary.MonthFigures> months = new ArrayList<>();
		for (int month = 1; month <= 12; month++) {
			months.add(new InvestmentSummary.MonthFigures(YearMonth.of(year, month),
					(plan != null) ? plan.monthly().get(month - 1) : BigDecimal.ZERO, actual[month - 1]));
		}
		model.addAttribute("project", project);
		model.addAttribute("figures", figures);
		model.addAttribute("photos", this.reports.photosOfProject(id));
		model.addAttribute("plan", plan);
		model.addAttribute("months", months);
		model.addAttribute("phases", ProjectPhase.values());
		model.addAttribute("milestones", milestonesByPhase(project));
		model.addAttribute("charts", true);
		model.addAttribute("monthChart", monthChart(months, locale));
		model.addAttribute("today", LocalDate.now(this.clock));
		return "project/project";
	}

	/** 月度填报: the month's figures of the caller's unit's projects, in one form. */
	@GetMapping("/projects/filing")
	@PreAuthorize("hasAnyRole('UNIT_OPERATOR', 'UNIT_HEAD', 'SUPERVISOR', 'ADMIN')")
	String filing(@RequestParam(required = false) YearMonth month, Model model) {
		CurrentUser user = this.scopes.caller().orElseThrow();
		YearMonth shown = (month != null) ? month : YearMonth.now(this.clock).minusMonths(1);
		boolean office = user.roles()
			.stream()
			.anyMatch((role) -> role.name().equals("SUPERVISOR") || role.name().equals("ADMIN"));
		List<FigureStatus> statuses = this.reports.month(shown,
				new ProjectQuery(null, office ? null : user.unitId(), null, null, null, null));
		model.addAttribute("month", shown);
		model.addAttribute("months", List.of(YearMonth.now(this.clock), YearMonth.now(this.clock).minusMonths(1),
				YearMonth.now(this.clock).minusMonths(2)));
		model.addAttribute("statuses", statuses);
		model.addAttribute("dueDate", this.reports.dueDate(shown));
		return "project/filing";
	}

	@PostMapping("/projects/filing")
	@PreAuthorize("hasAnyRole('UNIT_OPERATOR', 'UNIT_HEAD', 'SUPERVISOR', 'ADMIN')")
	String file(@RequestParam YearMonth month, @RequestParam Map<String, String> form, RedirectAttributes redirect,
			Locale locale) {
		Map<Long, NewInvestmentReport> figures = new LinkedHashMap<>();
		try {
			for (Map.Entry<String, String> field : form.entrySet()) {
				if (!field.getKey().startsWith("amount-") || field.getValue().isBlank()) {
					continue;
				}
				long project = Long.parseLong(field.getKey().substring("amount-".length()));
				BigDecimal amount = amount(field.getValue());
				String version = form.get("version-" + project);
				String narrative = form.get("narrative-" + project);
				figures.put(project,
						new NewInvestmentReport(month, amount.multiply(TEN_THOUSAND).setScale(2, RoundingMode.HALF_UP),
								(narrative != null && !narrative.isBlank()) ? narrative : null,
								(version != null && !version.isBlank()) ? Long.valueOf(version) : null));
			}
			if (figures.isEmpty()) {
				redirect.addFlashAttribute("error", this.messages.getMessage("project.nothingFiled", null, locale));
			}
			else {
				this.reports.fileAll(figures);
				redirect.addFlashAttribute("notice",
						this.messages.getMessage("project.filed", new Object[] { figures.size() }, locale));
			}
		}
		catch (DomainException ex) {
			redirect.addFlashAttribute("error", Problems.message(this.messages, ex, locale));
		}
		return "redirect:/projects/filing?month=" + month;
	}

	/** A site photo for a month's figure, from the project page. */
	@PostMapping("/investment-reports/{id}/photos")
	@PreAuthorize("hasAnyRole('UNIT_OPERATOR', 'UNIT_HEAD', 'SUPERVISOR', 'ADMIN')")
	String addPhoto(@PathVariable long id, @RequestParam long projectId, @RequestParam MultipartFile file,
			RedirectAttributes redirect, Locale locale) throws IOException {
		try (InputStream content = file.getInputStream()) {
			Problems.attempt(redirect, this.messages, locale, "project.photoAdded", () -> this.reports.attachPhoto(id,
					file.getOriginalFilename(), file.getContentType(), file.getSize(), content));
		}
		return "redirect:/projects/" + projectId;
	}

	@PostMapping("/project-milestones/{id}/complete")
	String reach(@PathVariable long id, @RequestParam long projectId, @RequestParam LocalDate completedOn,
			RedirectAttributes redirect, Locale locale) {
		Problems.attempt(redirect, this.messages, locale, "project.reached",
				() -> this.projects.completeMilestone(id, completedOn, null));
		return "redirect:/projects/" + projectId;
	}

	@PostMapping("/project-problems/{id}/solve")
	String solve(@PathVariable long id, @RequestParam long projectId, @RequestParam String resolution,
			RedirectAttributes redirect, Locale locale) {
		Problems.attempt(redirect, this.messages, locale, "project.solved",
				() -> this.problems.solve(id, LocalDate.now(this.clock), resolution));
		return "redirect:/projects/" + projectId;
	}

	@GetMapping("/headquarters")
	String headquarters(Model model) {
		int year = this.summaries.currentYear();
		Map<Headquarters, InvestmentSummary> totals = new LinkedHashMap<>();
		for (Headquarters hq : this.headquarters.all()) {
			totals.put(hq, this.summaries.summary(year, new ProjectQuery(hq.id(), null, null, null, null, null)));
		}
		model.addAttribute("totals", totals);
		model.addAttribute("year", year);
		return "project/headquarters";
	}

	/** An amount typed in 万元, with or without thousands separators. */
	private static BigDecimal amount(String text) {
		String value = text.strip().replace(",", "").replace("，", "");
		if (!value.matches("\\d+(\\.\\d{1,6})?")) {
			throw DomainException.invalid("amount", "amount-format", "“" + text + "” is not an amount", text);
		}
		return new BigDecimal(value);
	}

	private static Map<ProjectPhase, Project.PhaseMilestone> milestonesByPhase(Project project) {
		Map<ProjectPhase, Project.PhaseMilestone> found = new LinkedHashMap<>();
		project.milestones().forEach((milestone) -> found.put(milestone.phase(), milestone));
		return found;
	}

	/**
	 * A chart of months, in 万元: planned and completed by month, and both cumulated, as
	 * the page's script draws it with ECharts.
	 */
	private String monthChart(List<InvestmentSummary.MonthFigures> months, Locale locale) {
		List<String> labels = new ArrayList<>();
		List<BigDecimal> planned = new ArrayList<>();
		List<BigDecimal> completed = new ArrayList<>();
		List<BigDecimal> plannedSum = new ArrayList<>();
		List<BigDecimal> completedSum = new ArrayList<>();
		BigDecimal plannedTotal = BigDecimal.ZERO;
		BigDecimal completedTotal = BigDecimal.ZERO;
		YearMonth now = YearMonth.now(this.clock);
		for (InvestmentSummary.MonthFigures month : months) {
			labels.add(this.messages.getMessage("project.monthLabel", new Object[] { month.month().getMonthValue() },
					locale));
			planned.add(wan(month.planned()));
			plannedTotal = plannedTotal.add(month.planned());
			plannedSum.add(wan(plannedTotal));
			completed.add((month.completed() != null) ? wan(month.completed()) : null);
			if (month.completed() != null) {
				completedTotal = completedTotal.add(month.completed());
			}
			completedSum.add(month.month().isAfter(now) ? null : wan(completedTotal));
		}
		Map<String, Object> chart = new LinkedHashMap<>();
		chart.put("x", labels);
		chart.put("unit", this.messages.getMessage("project.tenThousandYuan", null, locale));
		chart.put("series", List.of(series(this.messages.getMessage("project.planned", null, locale), "bar", planned),
				series(this.messages.getMessage("project.completed", null, locale), "bar", completed),
				series(this.messages.getMessage("project.plannedCumulative", null, locale), "line", plannedSum),
				series(this.messages.getMessage("project.completedCumulative", null, locale), "line", completedSum)));
		return JSON.writeValueAsString(chart);
	}

	private static Map<String, Object> series(String name, String type, List<BigDecimal> data) {
		Map<String, Object> series = new LinkedHashMap<>();
		series.put("name", name);
		series.put("type", type);
		series.put("data", data);
		return series;
	}

	private static BigDecimal wan(BigDecimal yuan) {
		return (yuan != null) ? yuan.divide(TEN_THOUSAND, 2, RoundingMode.HALF_UP) : null;
	}

}
