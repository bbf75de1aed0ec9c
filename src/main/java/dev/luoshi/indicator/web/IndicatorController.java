package dev.luoshi.indicator.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import dev.luoshi.indicator.ImportResult;
import dev.luoshi.indicator.Indicator;
import dev.luoshi.indicator.IndicatorImports;
import dev.luoshi.indicator.IndicatorValue;
import dev.luoshi.indicator.Indicators;
import dev.luoshi.indicator.NewIndicator;
import dev.luoshi.indicator.ValueEntry;
import dev.luoshi.shared.Page;
import dev.luoshi.shared.PageRequest;
import dev.luoshi.shared.Spreadsheets;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The indicator catalogue and the values per region and period over HTTP. */
@RestController
@Tag(name = "Indicators", description = "经济社会发展指标: the catalogue, and target, actual and growth per region and period")
class IndicatorController {

	private final Indicators indicators;

	private final IndicatorImports imports;

	IndicatorController(Indicators indicators, IndicatorImports imports) {
		this.indicators = indicators;
		this.imports = imports;
	}

	@GetMapping("/api/v1/indicators")
	@Operation(summary = "The indicator catalogue, in its order")
	List<Indicator> catalogue() {
		return this.indicators.catalogue();
	}

	@GetMapping("/api/v1/indicators/{code}")
	@Operation(summary = "One indicator by its code (404 when none)")
	Indicator indicator(@PathVariable String code) {
		return this.indicators.indicator(code);
	}

	@PostMapping("/api/v1/indicators")
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
	@Operation(summary = "Adds an indicator to the catalogue (SUPERVISOR, ADMIN); a code in use is 409")
	ResponseEntity<Indicator> define(@Valid @RequestBody NewIndicator indicator) {
		Indicator created = this.indicators.define(indicator);
		return ResponseEntity.created(URI.create("/api/v1/indicators/" + created.code())).body(created);
	}

	@GetMapping("/api/v1/indicator-values")
	@Operation(summary = "Values by indicator, region and period, paged",
			description = "Growth is as entered, or else computed from the same period's actual a year earlier "
					+ "(growthComputed); completion is actual against target in percent.")
	Page<IndicatorValue> values(
			@Parameter(description = "indicator code") @RequestParam(required = false) String indicator,
			@RequestParam(required = false) Long regionId,
			@Parameter(description = "2026, 2026Q1 or 2026-01") @RequestParam(required = false) String period,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return this.indicators.values(indicator, regionId, period, PageRequest.of(page, size));
	}

	@PutMapping("/api/v1/indicator-values")
	@Operation(summary = "Enters a value (upsert) for an indicator, region and period",
			description = "SUPERVISOR and ADMIN anywhere; UNIT_HEAD and UNIT_OPERATOR for regions in their data "
					+ "scope (403 otherwise). Figures left out keep their stored value; leave growth out to have it "
					+ "computed. A malformed period or unknown indicator or region is 400; a stale version 409.")
	IndicatorValue enter(@Valid @RequestBody ValueEntry entry) {
		return this.indicators.enter(entry);
	}

	@PostMapping(path = "/api/v1/indicator-values/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize("hasAnyRole('UNIT_OPERATOR', 'UNIT_HEAD', 'SUPERVISOR', 'ADMIN')")
	@Operation(summary = "Imports values from an Excel ledger, all or nothing",
			description = "Columns 指标编码 or 指标, 地区, 期间, 目标值, 实际值, 同比增长%. A refused ledger is 400 with "
					+ "errors [{row, column, message}] and nothing is stored.")
	ImportResult importValues(@RequestPart("file") MultipartFile file)
			throws IOException, HttpMediaTypeNotSupportedException {
		Spreadsheets.requireSpreadsheet(file);
		try (InputStream input = file.getInputStream()) {
			return this.imports.importValues(input);
		}
	}

	@GetMapping("/api/v1/indicator-values/export")
	@Operation(summary = "The values as an Excel ledger with the import's columns")
	ResponseEntity<byte[]> export(@RequestParam(required = false) String indicator,
			@RequestParam(required = false) Long regionId, @RequestParam(required = false) String period) {
		return Spreadsheets.download("indicators.xlsx", this.imports.export(indicator, regionId, period));
	}

	@GetMapping("/api/v1/indicator-values/import-template")
	@Operation(summary = "An empty ledger with the columns the import reads")
	ResponseEntity<byte[]> template() {
		return Spreadsheets.download("indicator-template.xlsx", this.imports.template());
	}

}
