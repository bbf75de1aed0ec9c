package dev.luoshi.indicator.web;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import dev.luoshi.indicator.Enterprise;
import dev.luoshi.indicator.EnterpriseList;
import dev.luoshi.indicator.Enterprises;
import dev.luoshi.indicator.FigureEntry;
import dev.luoshi.indicator.Grade;
import dev.luoshi.indicator.NewEnterprise;
import dev.luoshi.shared.PageRequest;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Enterprises and their land efficiency (亩均论英雄) over HTTP. */
@RestController
@Tag(name = "Land efficiency", description = "亩均论英雄: enterprises, their yearly figures, per-亩 values, score and class")
class EnterpriseController {

	private final Enterprises enterprises;

	EnterpriseController(Enterprises enterprises) {
		this.enterprises = enterprises;
	}

	@PostMapping("/api/v1/enterprises")
	@PreAuthorize("hasAnyRole('UNIT_OPERATOR', 'UNIT_HEAD', 'SUPERVISOR', 'ADMIN')")
	@Operation(summary = "Registers an enterprise",
			description = "code is the unified social credit code; landArea in 亩 must be more than zero (400). "
					+ "UNIT_HEAD and UNIT_OPERATOR only for units in their data scope.")
	ResponseEntity<Enterprise> register(@Valid @RequestBody NewEnterprise enterprise) {
		Enterprise created = this.enterprises.register(enterprise);
		return ResponseEntity.created(URI.create("/api/v1/enterprises/" + created.id())).body(created);
	}

	@GetMapping("/api/v1/enterprises")
	@Operation(summary = "Enterprises with per-亩 tax and output, score and class for a year",
			description = "year defaults to last year; unitId takes the unit's subtree; grade is A, B, C or D. "
					+ "Best score first; grades counts each class before the grade filter.")
	EnterpriseList list(@RequestParam(required = false) @Min(2000) @Max(2099) Integer year,
			@RequestParam(required = false) Long unitId, @RequestParam(required = false) Grade grade,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return this.enterprises.list((year != null) ? year : this.enterprises.defaultYear(), unitId, grade,
				PageRequest.of(page, size));
	}

	@GetMapping("/api/v1/enterprises/{id}")
	@Operation(summary = "One enterprise with its figures of a year (default last year)")
	Enterprise get(@PathVariable long id, @RequestParam(required = false) @Min(2000) @Max(2099) Integer year) {
		return this.enterprises.enterprise(id, (year != null) ? year : this.enterprises.defaultYear());
	}

	@PutMapping("/api/v1/enterprises/{id}/figures/{year}")
	@PreAuthorize("hasAnyRole('UNIT_OPERATOR', 'UNIT_HEAD', 'SUPERVISOR', 'ADMIN')")
	@Operation(summary = "Enters or corrects a year's figures: tax paid and output value in yuan, energy use in "
			+ "tonnes of standard coal; a stale version is 409")
	Enterprise figures(@PathVariable long id, @PathVariable @Min(2000) @Max(2099) int year,
			@Valid @RequestBody FigureEntry figures) {
		return this.enterprises.recordFigures(id, year, figures);
	}

}
