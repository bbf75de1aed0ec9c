package dev.luoshi.work.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import dev.luoshi.work.Adjustment;
import dev.luoshi.work.TaskAdjustments;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Requests to change a task's plan, and their decisions. */
@RestController
class AdjustmentController {

	private final TaskAdjustments adjustments;

	AdjustmentController(TaskAdjustments adjustments) {
		this.adjustments = adjustments;
	}

	@PostMapping("/api/v1/tasks/{id}/adjustments")
	@PreAuthorize("hasAnyRole('UNIT_OPERATOR', 'UNIT_HEAD', 'SUPERVISOR')")
	ResponseEntity<Adjustment> request(@PathVariable long id, @Valid @RequestBody Request request) {
		Adjustment created = this.adjustments.request(id, request.kind(), request.reason(), request.newDeadline(),
				request.newTargetValue());
		return ResponseEntity.created(URI.create("/api/v1/task-adjustments/" + created.id())).body(created);
	}

	@GetMapping("/api/v1/tasks/{id}/adjustments")
	List<Adjustment> list(@PathVariable long id) {
		return this.adjustments.ofTask(id);
	}

	@PostMapping("/api/v1/task-adjustments/{id}/decide")
	@PreAuthorize("hasRole('SUPERVISOR')")
	Adjustment decide(@PathVariable long id, @Valid @RequestBody Decision decision) {
		return this.adjustments.decide(id, decision.approved(), decision.comment());
	}

	record Request(@NotNull Adjustment.Kind kind, @NotBlank @Size(max = 2000) String reason, LocalDate newDeadline,
			BigDecimal newTargetValue) {
	}

	record Decision(@NotNull Boolean approved, @Size(max = 2000) String comment) {
	}

}
