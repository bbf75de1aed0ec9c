package dev.luoshi.audit.web;

import dev.luoshi.audit.AuditEvent;
import dev.luoshi.audit.AuditTrail;
import dev.luoshi.audit.Verification;
import dev.luoshi.shared.Page;
import dev.luoshi.shared.PageRequest;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail over HTTP, for administrators and the supervision office. */
@RestController
@RequestMapping("/api/v1/audit")
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
class AuditController {

	private final AuditTrail trail;

	AuditController(AuditTrail trail) {
		this.trail = trail;
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

}
