package dev.luoshi.evaluation.web;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;

import dev.luoshi.evaluation.Exemption;
import dev.luoshi.evaluation.ScoreAdjustment;
import dev.luoshi.evaluation.ScoreAdjustments;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Bonus and penalty items and their exemptions (容错免责) over HTTP. */
@RestController
class ExemptionController {

	private final ScoreAdjustments adjustments;

	ExemptionController(ScoreAdjustments adjustments) {
		this.adjustments = adjustments;
	}

	@PostMapping("/api/v1/adjustments")
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
	ResponseEntity<ScoreAdjustment> record(@RequestBody NewItem item) {
		ScoreAdjustment created = this.adjustments.record(item.schemeId(), item.unitId(), item.period(), item.kind(),
				item.points(), item.reason(), item.evidence());
		return ResponseEntity.created(URI.create("/api/v1/adjustments/" + created.id())).body(created);
	}

	@GetMapping("/api/v1/adjustments")
	List<ScoreAdjustment> items(@RequestParam long schemeId, @RequestParam(required = false) Long unitId,
			@RequestParam(required = false) String period) {
		return this.adjustments.items(schemeId, unitId, period);
	}

	@PostMapping("/api/v1/exemptions")
	@PreAuthorize("hasAnyRole('UNIT_HEAD', 'SUPERVISOR', 'ADMIN')")
	ResponseEntity<Exemption> request(@RequestBody NewExemption request) {
		Exemption created = this.adjustments.request(request.adjustmentId(), request.reason());
		return ResponseEntity.created(URI.create("/api/v1/exemptions/" + created.id())).body(created);
	}

	@GetMapping("/api/v1/exemptions")
	List<Exemption> exemptions(@RequestParam(required = false) Long schemeId,
			@RequestParam(required = false) Exemption.Status status) {
		return this.adjustments.exemptions(schemeId, status);
	}

	@PostMapping("/api/v1/exemptions/{id}/decide")
	@PreAuthorize("hasRole('SUPERVISOR')")
	Exemption decide(@PathVariable long id, @RequestBody Decision decision) {
		return this.adjustments.decide(id, decision.approved(), decision.comment());
	}

	record NewItem(Long schemeId, Long unitId, String period, ScoreAdjustment.Kind kind, BigDecimal points,
			String reason, String evidence) {
	}

	record NewExemption(Long adjustmentId, String reason) {
	}

	record Decision(Boolean approved, String comment) {
	}

}
