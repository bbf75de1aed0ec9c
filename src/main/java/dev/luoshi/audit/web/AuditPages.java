package dev.luoshi.audit.web;

import dev.luoshi.audit.AuditTrail;
import dev.luoshi.shared.PageRequest;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit trail page: the latest changes, filterable, and the chain's verification on
 * request.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
class AuditPages {

	private final AuditTrail trail;

	AuditPages(AuditTrail trail) {
		this.trail = trail;
	}

	@GetMapping("/audit")
	String events(@RequestParam(required = false) String entityType, @RequestParam(required = false) String entityId,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "false") boolean verify,
			Model model) {
		model.addAttribute("events", this.trail.events(entityType, entityId, PageRequest.of(page, 50)));
		model.addAttribute("entityType", entityType);
		model.addAttribute("entityId", entityId);
		if (verify) {
			model.addAttribute("verification", this.trail.verify());
		}
		return "audit";
	}

}
