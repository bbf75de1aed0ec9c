package dev.luoshi.audit.web;

import java.io.IOException;
import java.time.LocalDate;

import jakarta.servlet.http.HttpServletResponse;

import dev.luoshi.audit.AuditTrail;
import dev.luoshi.shared.PageRequest;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit trail page: the latest changes, filterable, the chain's verification on
 * request, its head to copy as an anchor, and for the auditor the export.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'AUDITOR')")
class AuditPages {

	private final AuditTrail trail;

	private final AuditExports exports;

	AuditPages(AuditTrail trail, AuditExports exports) {
		this.trail = trail;
		this.exports = exports;
	}

	@GetMapping("/audit")
	String events(@RequestParam(required = false) String entityType, @RequestParam(required = false) String entityId,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "false") boolean verify,
			Model model) {
		model.addAttribute("events", this.trail.events(entityType, entityId, PageRequest.of(page, 50)));
		model.addAttribute("entityType", entityType);
		model.addAttribute("entityId", entityId);
		model.addAttribute("head", this.trail.head());
		if (verify) {
			model.addAttribute("verification", this.trail.verify());
		}
		return "audit";
	}

	@GetMapping("/audit/export")
	@PreAuthorize("hasRole('AUDITOR')")
	void export(@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
			@RequestParam(defaultValue = AuditExports.CSV) String format, HttpServletResponse response)
			throws IOException {
		this.exports.write(from, to, format, response);
	}

}
