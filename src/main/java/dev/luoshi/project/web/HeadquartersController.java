package dev.luoshi.project.web;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;

import dev.luoshi.project.Headquarters;
import dev.luoshi.project.HeadquartersTree;
import dev.luoshi.project.NewHeadquarters;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Command headquarters over HTTP. */
@RestController
@RequestMapping("/api/v1/headquarters")
class HeadquartersController {

	private final HeadquartersTree headquarters;

	HeadquartersController(HeadquartersTree headquarters) {
		this.headquarters = headquarters;
	}

	@PostMapping
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
	ResponseEntity<Headquarters> create(@Valid @RequestBody NewHeadquarters headquarters) {
		Headquarters created = this.headquarters.create(headquarters);
		return ResponseEntity.created(URI.create("/api/v1/headquarters/" + created.id())).body(created);
	}

	@GetMapping
	List<Headquarters> list() {
		return this.headquarters.all();
	}

	@GetMapping("/{id}")
	Headquarters get(@PathVariable long id) {
		return this.headquarters.headquarters(id);
	}

}
