package dev.luoshi.project.web;

import java.io.IOException;
import java.io.InputStream;
import java.time.YearMonth;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import dev.luoshi.project.ProjectCategory;
import dev.luoshi.project.ProjectExports;
import dev.luoshi.project.ProjectImports;
import dev.luoshi.project.ProjectPhase;
import dev.luoshi.project.ProjectQuery;
import dev.luoshi.shared.Spreadsheets;
import dev.luoshi.work.ImportResult;
import dev.luoshi.work.Light;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Project ledgers in and out as Excel workbooks. */
@RestController
class ProjectLedgerController {

	private final ProjectImports imports;

	private final ProjectExports exports;

	ProjectLedgerController(ProjectImports imports, ProjectExports exports) {
		this.imports = imports;
		this.exports = exports;
	}

	@PostMapping(path = "/api/v1/projects/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
	ImportResult importProjects(@RequestPart("file") MultipartFile file, @RequestParam @Min(2000) @Max(2099) int year)
			throws IOException, HttpMediaTypeNotSupportedException {
		Spreadsheets.requireSpreadsheet(file);
		try (InputStream input = file.getInputStream()) {
			return this.imports.importProjects(input, year);
		}
	}

	@PostMapping(path = "/api/v1/projects/investment-reports/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize("hasAnyRole('UNIT_OPERATOR', 'UNIT_HEAD', 'SUPERVISOR', 'ADMIN')")
	ImportResult importFigures(@RequestPart("file") MultipartFile file, @RequestParam YearMonth month)
			throws IOException, HttpMediaTypeNotSupportedException {
		Spreadsheets.requireSpreadsheet(file);
		try (InputStream input = file.getInputStream()) {
			return this.imports.importFigures(input, month);
		}
	}

	@GetMapping("/api/v1/projects/export")
	ResponseEntity<byte[]> export(@RequestParam(required = false) Long headquartersId,
			@RequestParam(required = false) Long unitId, @RequestParam(required = false) ProjectCategory category,
			@RequestParam(required = false) ProjectPhase phase, @RequestParam(required = false) Light light,
			@RequestParam(required = false) Integer year) {
		return Spreadsheets.download("projects.xlsx",
				this.exports.ledger(new ProjectQuery(headquartersId, unitId, category, phase, light, null), year));
	}

	@GetMapping("/api/v1/projects/import-template")
	ResponseEntity<byte[]> template() {
		return Spreadsheets.download("project-ledger-template.xlsx", this.exports.template());
	}

}
