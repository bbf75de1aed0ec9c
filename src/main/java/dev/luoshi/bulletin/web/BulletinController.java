package dev.luoshi.bulletin.web;

import java.net.URI;
import java.util.List;

import dev.luoshi.bulletin.Bulletin;
import dev.luoshi.bulletin.BulletinSchedule;
import dev.luoshi.bulletin.Bulletins;
import dev.luoshi.bulletin.ReportBooks;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Bulletins as Word documents, and the report books that generate them every month, over
 * HTTP. The parameters are checked by the service so that a missing or malformed one is a
 * problem naming the field.
 */
@RestController
class BulletinController {

	private final Bulletins bulletins;

	private final ReportBooks books;

	BulletinController(Bulletins bulletins, ReportBooks books) {
		this.bulletins = bulletins;
		this.books = books;
	}

	@GetMapping("/api/v1/bulletins/supervision")
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN', 'LEADER')")
	ResponseEntity<byte[]> supervision(@RequestParam(required = false) String month) {
		return Downloads.of(this.bulletins.supervision(month));
	}

	@GetMapping("/api/v1/bulletins/ranking")
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN', 'LEADER', 'VIEWER')")
	ResponseEntity<byte[]> ranking(@RequestParam(required = false) Long schemeId,
			@RequestParam(required = false) String period) {
		return Downloads.of(this.bulletins.ranking(schemeId, period));
	}

	@GetMapping("/api/v1/bulletins/{id}/document")
	ResponseEntity<byte[]> stored(@PathVariable long id) {
		return Downloads.of(this.bulletins.stored(id, this.books.recipientsOf(id)));
	}

	@PostMapping("/api/v1/bulletin-schedules")
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
	ResponseEntity<BulletinSchedule> schedule(@RequestBody BulletinSchedule.NewSchedule command) {
		BulletinSchedule created = this.books.create(command);
		return ResponseEntity.created(URI.create("/api/v1/bulletin-schedules/" + created.id())).body(created);
	}

	@GetMapping("/api/v1/bulletin-schedules")
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
	List<BulletinSchedule> schedules() {
		return this.books.schedules();
	}

	@PostMapping("/api/v1/bulletin-schedules/{id}/run")
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
	Bulletin run(@PathVariable long id) {
		return this.books.run(id);
	}

}
