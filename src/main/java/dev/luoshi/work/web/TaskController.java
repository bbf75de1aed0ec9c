package dev.luoshi.work.web;

import java.net.URI;
import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import dev.luoshi.shared.Page;
import dev.luoshi.shared.PageRequest;
import dev.luoshi.work.Light;
import dev.luoshi.work.Milestone;
import dev.luoshi.work.NewReport;
import dev.luoshi.work.ProgressReports;
import dev.luoshi.work.Report;
import dev.luoshi.work.ReportStatus;
import dev.luoshi.work.Task;
import dev.luoshi.work.TaskBook;
import dev.luoshi.work.TaskChanges;
import dev.luoshi.work.TaskQuery;
import dev.luoshi.work.TaskStatus;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Tasks, their milestones and progress reports over HTTP. */
@RestController
class TaskController {

	private final TaskBook taskBook;

	private final ProgressReports reports;

	TaskController(TaskBook taskBook, ProgressReports reports) {
		this.taskBook = taskBook;
		this.reports = reports;
	}

	@GetMapping("/api/v1/tasks")
	Page<Task> list(@RequestParam(required = false) Light light, @RequestParam(required = false) Long unitId,
			@RequestParam(required = false) Long campaignId, @RequestParam(required = false) TaskStatus status,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return this.taskBook.tasks(new TaskQuery(light, unitId, campaignId, status), PageRequest.of(page, size));
	}

	@GetMapping("/api/v1/tasks/{id}")
	Task get(@PathVariable long id) {
		return this.taskBook.task(id);
	}

	@PatchMapping("/api/v1/tasks/{id}")
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
	Task change(@PathVariable long id, @Valid @RequestBody TaskChanges changes) {
		return this.taskBook.change(id, changes);
	}

	@PostMapping("/api/v1/tasks/{id}/move")
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
	Task move(@PathVariable long id, @Valid @RequestBody Move move) {
		return this.taskBook.move(id, move.parentId(), move.position());
	}

	@PostMapping("/api/v1/milestones/{id}/complete")
	Milestone complete(@PathVariable long id, @Valid @RequestBody Completion completion) {
		return this.taskBook.completeMilestone(id, completion.completedOn(), completion.note());
	}

	@GetMapping("/api/v1/tasks/{id}/reports")
	Page<Report> reports(@PathVariable long id, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return this.reports.ofTask(id, PageRequest.of(page, size));
	}

	@PostMapping("/api/v1/tasks/{id}/reports")
	@PreAuthorize("hasAnyRole('UNIT_OPERATOR', 'UNIT_HEAD')")
	ResponseEntity<Report> file(@PathVariable long id, @Valid @RequestBody NewReport report) {
		Report filed = this.reports.file(id, report);
		return ResponseEntity.created(URI.create("/api/v1/reports/" + filed.id())).body(filed);
	}

	@PostMapping("/api/v1/reports/{id}/review")
	@PreAuthorize("hasRole('SUPERVISOR')")
	Report review(@PathVariable long id, @Valid @RequestBody Review review) {
		ReportStatus decision = (review.decision() == Decision.ACCEPT) ? ReportStatus.ACCEPTED : ReportStatus.RETURNED;
		return this.reports.review(id, decision, review.comment());
	}

	record Move(Long parentId, @Min(1) Integer position) {
	}

	record Completion(@NotNull LocalDate completedOn, @Size(max = 1000) String note) {
	}

	enum Decision {

		ACCEPT, RETURN

	}

	record Review(@NotNull Decision decision, @Size(max = 2000) String comment) {
	}

}
