package dev.luoshi.organization.web;

import java.net.URI;

import jakarta.validation.Valid;

import dev.luoshi.organization.NewUnit;
import dev.luoshi.organization.Organization;
import dev.luoshi.organization.Unit;
import dev.luoshi.organization.UnitChanges;
import dev.luoshi.organization.UnitKind;
import dev.luoshi.shared.Page;
import dev.luoshi.shared.PageRequest;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The unit tree over HTTP: every signed-in user reads it, administrators change it. */
@RestController
@RequestMapping("/api/v1/units")
class UnitController {

	private final Organization organization;

	UnitController(Organization organization) {
		this.organization = organization;
	}

	@PostMapping
	@PreAuthorize("hasRole('ADMIN')")
	ResponseEntity<Unit> create(@Valid @RequestBody NewUnit unit) {
		Unit created = this.organization.createUnit(unit);
		return ResponseEntity.created(URI.create("/api/v1/units/" + created.id())).body(created);
	}

	@GetMapping
	Page<Unit> list(@RequestParam(required = false) Long parentId, @RequestParam(required = false) UnitKind kind,
			@RequestParam(required = false) String q, @RequestParam(required = false) String peerGroup,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return this.organization.units(parentId, kind, q, peerGroup, PageRequest.of(page, size));
	}

	@GetMapping("/{id}")
	Unit get(@PathVariable long id) {
		return this.organization.unit(id);
	}

	@PatchMapping("/{id}")
	@PreAuthorize("hasRole('ADMIN')")
	Unit update(@PathVariable long id, @Valid @RequestBody UnitChanges changes) {
		return this.organization.updateUnit(id, changes);
	}

}
