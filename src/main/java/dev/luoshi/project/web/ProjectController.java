package dev.luoshi.project.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import dev.luoshi.project.AnnualPlan;
import dev.luoshi.project.CoordinationProblem;
import dev.luoshi.project.CoordinationProblems;
import dev.luoshi.project.FigureStatus;
import dev.luoshi.project.InvestmentReport;
import dev.luoshi.project.InvestmentReports;
import dev.luoshi.project.InvestmentSummary;
import dev.luoshi.project.NewInvestmentReport;
import dev.luoshi.project.NewProject;
import dev.luoshi.project.Project;
import dev.luoshi.project.ProjectCategory;
import dev.luoshi.project.ProjectChanges;
import dev.luoshi.project.ProjectPhase;
import dev.luoshi.project.ProjectQuery;
import dev.luoshi.project.ProjectSummaries;
import dev.luoshi.project.Projects;
import dev.luoshi.shared.Page;
import dev.luoshi.shared.PageRequest;
import dev.luoshi.work.Light;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Key projects, their plans, phase milestones, problems and monthly figures over HTTP.
 */
@RestController
class ProjectController {

	private final Projects projects;

	private final ProjectSummaries summaries;

	private final InvestmentReports reports;

	private final CoordinationProblems problems;

	ProjectController(Projects projects, ProjectSummaries summaries, InvestmentReports reports,
			CoordinationProblems problems) {
		this.projects = projects;
		this.summaries = summaries;
		this.reports = reports;
		this.problems = problems;
	}

	@PostMapping("/api/v1/projects")
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
	ResponseEntity<Project> register(@Valid @RequestBody NewProject project) {
		Project created = this.projects.register(project);
		return ResponseEntity.created(URI.create("/api/v1/projects/" + created.id())).body(created);
	}

	@GetMapping("/api/v1/projects")
	Page<Project> list(@RequestParam(required = false) Long headquartersId, @RequestParam(required = false) Long unitId,
			@RequestParam(required = false) ProjectCategory category,
			@RequestParam(required = false) ProjectPhase phase, @RequestParam(required = false) Light light,
			@RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return this.projects.projects(new ProjectQuery(headquartersId, unitId, category, phase, light, q),
				PageRequest.of(page, size));
	}

	@GetMapping("/api/v1/projects/summary")
	InvestmentSummary summary(@RequestParam(required = false) @Min(2000) @Max(2099) Integer year,
			@RequestParam(required = false) Long headquartersId, @RequestParam(required = false) Long unitId,
			@RequestParam(required = false) ProjectCategory category) {
		return this.summaries.summary((year != null) ? year : this.summaries.currentYear(),
				new ProjectQuery(headquartersId, unitId, category, null, null, null));
	}

	@GetMapping("/api/v1/projects/figures")
	List<FigureStatus> figures(@RequestParam YearMonth month, @RequestParam(required = false) Long headquartersId,
			@RequestParam(required = false) Long unitId) {
		return this.reports.month(month, new ProjectQuery(headquartersId, unitId, null, null, null, null));
	}

	@GetMapping("/api/v1/projects/{id}")
	Project get(@PathVariable long id) {
		return this.projects.project(id);
	}

	@PatchMapping("/api/v1/projects/{id}")
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
	Project change(@PathVariable long id, @Valid @RequestBody ProjectChanges changes) {
		return this.projects.change(id, changes);
	}

	@PutMapping("/api/v1/projects/{id}/plans/{year}")
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
	Project plan(@PathVariable long id, @PathVariable @Min(2000) @Max(2099) int year,
			@Valid @RequestBody YearPlan plan) {
		return this.projects.plan(id, new AnnualPlan(year, plan.amount(), plan.monthly(), null));
	}

	record YearPlan(@NotNull @DecimalMin("0") @Digits(integer = 16, fraction = 2) BigDecimal amount, @Size(min = 12,
			max = 12) List<@NotNull @DecimalMin("0") @Digits(integer = 16, fraction = 2) BigDecimal> monthly) {
	}

	@PostMapping("/api/v1/project-milestones/{id}/complete")
	Project.PhaseMilestone completeMilestone(@PathVariable long id, @Valid @RequestBody Completion completion) {
		return this.projects.completeMilestone(id, completion.completedOn(), completion.note());
	}

	record Completion(@NotNull LocalDate completedOn, @Size(max = 1000) String note) {
	}

	@PatchMapping("/api/v1/project-milestones/{id}")
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
	Project.PhaseMilestone reschedule(@PathVariable long id, @Valid @RequestBody Rescheduling rescheduling) {
		return this.projects.reschedule(id, rescheduling.plannedDate());
	}

	record Rescheduling(@NotNull LocalDate plannedDate) {
	}

	@PostMapping("/api/v1/projects/{id}/problems")
	ResponseEntity<CoordinationProblem> raise(@PathVariable long id, @Valid @RequestBody NewProblem problem) {
		CoordinationProblem raised = this.problems.raise(id, problem.description(), problem.solverUnitId(),
				problem.dueDate());
		return ResponseEntity.created(URI.create("/api/v1/project-problems/" + raised.id())).body(raised);
	}

	record NewProblem(@NotBlank @Size(max = 2000) String description, @NotNull Long solverUnitId,
			@NotNull LocalDate dueDate) {
	}

	@GetMapping("/api/v1/projects/{id}/problems")
	List<CoordinationProblem> problems(@PathVariable long id) {
		this.projects.project(id);
		return this.problems.ofProject(id);
	}

	@PostMapping("/api/v1/project-problems/{id}/solve")
	CoordinationProblem solve(@PathVariable long id, @Valid @RequestBody Solution solution) {
		return this.problems.solve(id, solution.solvedOn(), solution.resolution());
	}

	record Solution(@NotNull LocalDate solvedOn, @NotBlank @Size(max = 2000) String resolution) {
	}

	@PostMapping("/api/v1/projects/{id}/investment-reports")
	ResponseEntity<InvestmentReport> file(@PathVariable long id, @Valid @RequestBody NewInvestmentReport report) {
		InvestmentReport filed = this.reports.file(id, report);
		if (report.version() != null) {
			return ResponseEntity.ok(filed);
		}
		return ResponseEntity.created(URI.create("/api/v1/investment-reports/" + filed.id())).body(filed);
	}

	@GetMapping("/api/v1/projects/{id}/investment-reports")
	Page<InvestmentReport> figures(@PathVariable long id, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return this.reports.ofProject(id, PageRequest.of(page, size));
	}

}
