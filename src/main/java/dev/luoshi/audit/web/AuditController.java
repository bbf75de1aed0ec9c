package dev.luoshi.audit.web;

import java.io.IOException;
import java.time.LocalDate;

import jakarta.servlet.http.HttpServletResponse;

import dev.luoshi.audit.AuditAnchor;
import dev.luoshi.audit.AuditEvent;
import dev.luoshi.audit.AuditTrail;
import dev.luoshi.audit.Verification;
import dev.luoshi.shared.DomainException;
import dev.luoshi.shared.Page;
import dev.luoshi.shared.PageRequest;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit trail over HTTP, read-only: for the auditor (审计员), administrators and the
 * supervision office; exported only by the auditor. There is no way to change or delete
 * an event.
 */
@RestController
@RequestMapping("/api/v1/audit")
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'AUDITOR')")
class AuditController {

	private final AuditTrail trail;

	private final AuditExports exports;

	AuditController(AuditTrail trail, AuditExports exports) {
		this.trail = trail;
		this.exports = exports;
	}

	@GetMapping
	Page<AuditEvent> events(@RequestParam(required = false) String entityType,
			@RequestParam(required = false) String entityId, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return this.trail.events(entityType, entityId, PageRequest.of(page, size));
	}

	@GetMapping("/verify")
	Verification verify() {
		return this.trail.verify();
	}

	/**
	 * The head of the chain to copy somewhere safe, or with {@code seq} the digest stored
	 * for that event, to compare with a copy made earlier.
	 */
	@GetMapping("/anchor")
	AuditAnchor anchor(@RequestParam(required = false) Long seq) {
		if (seq == null) {
			return this.trail.head();
		}
		return this.trail.at(seq).orElseThrow(() -> DomainException.notFound("audit event", seq));
	}

	/**
	 * The events of the days {@code from} to {@code to} (inclusive; open when left out)
	 * as CSV or JSON lines ({@code format=csv|jsonl}), streamed; the export is itself
	 * audited.
	 */
	@GetMapping("/export")
	@PreAuthorize("hasRole('AUDITOR')")
	void export(@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
			@RequestParam(defaultValue = AuditExports.CSV) String format, HttpServletResponse response)
			throws IOException {
		this.exports.write(from, to, format, response);
	}

}
