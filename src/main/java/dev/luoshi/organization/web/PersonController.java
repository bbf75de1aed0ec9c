package dev.luoshi.organization.web;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import dev.luoshi.organization.NewPerson;
import dev.luoshi.organization.People;
import dev.luoshi.organization.Person;
import dev.luoshi.organization.PersonChanges;
import dev.luoshi.shared.Page;
import dev.luoshi.shared.PageRequest;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * People over HTTP: administrators and the supervision office record them, everyone
 * signed in reads them.
 */
@RestController
@RequestMapping("/api/v1/people")
class PersonController {

	private final People people;

	PersonController(People people) {
		this.people = people;
	}

	@PostMapping
	@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
	ResponseEntity<Person> create(@Valid @RequestBody NewPerson person) {
		Person created = this.people.create(person);
		return ResponseEntity.created(URI.create("/api/v1/people/" + created.id())).body(created);
	}

	@GetMapping
	Page<Person> list(@RequestParam(required = false) Long unitId, @RequestParam(required = false) String q,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return this.people.people(unitId, q, PageRequest.of(page, size));
	}

	@GetMapping("/{id}")
	Person get(@PathVariable long id) {
		return this.people.person(id);
	}

	@PatchMapping("/{id}")
	@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
	Person update(@PathVariable long id, @Valid @RequestBody PersonChanges changes) {
		return this.people.update(id, changes);
	}

	@PostMapping("/{id}/positions")
	@PreAuthorize("hasRole('ADMIN')")
	Person addPosition(@PathVariable long id, @Valid @RequestBody NewPosition position) {
		return this.people.addPosition(id, position.unitId(), position.title());
	}

	@PutMapping("/{id}/portfolio")
	@PreAuthorize("hasRole('ADMIN')")
	Person assignPortfolio(@PathVariable long id, @Valid @RequestBody Portfolio portfolio) {
		return this.people.assignPortfolio(id, portfolio.unitIds());
	}

	record NewPosition(@NotNull Long unitId, @NotBlank @Size(max = 200) String title) {
	}

	record Portfolio(@NotNull List<@NotNull Long> unitIds) {
	}

}
