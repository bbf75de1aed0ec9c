package dev.luoshi.work.web;

import java.io.IOException;
import java.io.InputStream;

import dev.luoshi.shared.Spreadsheets;
import dev.luoshi.work.ImportResult;
import dev.luoshi.work.Light;
import dev.luoshi.work.TaskExports;
import dev.luoshi.work.TaskImports;
import dev.luoshi.work.TaskQuery;
import dev.luoshi.work.TaskStatus;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Task ledgers in and out as Excel workbooks. */
@RestController
class LedgerController {

	private final TaskImports imports;

	private final TaskExports exports;

	LedgerController(TaskImports imports, TaskExports exports) {
		this.imports = imports;
		this.exports = exports;
	}

	@PostMapping(path = "/api/v1/campaigns/{id}/tasks/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
	ImportResult importLedger(@PathVariable long id, @RequestPart("file") MultipartFile file)
			throws IOException, HttpMediaTypeNotSupportedException {
		Spreadsheets.requireSpreadsheet(file);
		try (InputStream input = file.getInputStream()) {
			return this.imports.importLedger(id, input);
		}
	}

	@GetMapping("/api/v1/campaigns/{id}/tasks/export")
	ResponseEntity<byte[]> exportCampaign(@PathVariable long id) {
		return Spreadsheets.download("task-book-" + id + ".xlsx", this.exports.campaignLedger(id));
	}

	@GetMapping("/api/v1/tasks/export")
	ResponseEntity<byte[]> exportList(@RequestParam(required = false) Light light,
			@RequestParam(required = false) Long unitId, @RequestParam(required = false) Long campaignId,
			@RequestParam(required = false) TaskStatus status) {
		return Spreadsheets.download("tasks.xlsx",
				this.exports.taskList(new TaskQuery(light, unitId, campaignId, status)));
	}

	@GetMapping("/api/v1/tasks/import-template")
	ResponseEntity<byte[]> template() {
		return Spreadsheets.download("task-ledger-template.xlsx", this.exports.template());
	}

}
