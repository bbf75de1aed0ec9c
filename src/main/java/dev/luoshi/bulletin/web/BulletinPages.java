package dev.luoshi.bulletin.web;

import dev.luoshi.bulletin.Bulletins;
import dev.luoshi.bulletin.ReportBooks;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The same downloads for a signed-in browser (the page links of the supervision desk and
 * the ranking page, and the links of report-book messages in the inbox).
 */
@Controller
class BulletinPages {

	private final Bulletins bulletins;

	private final ReportBooks books;

	BulletinPages(Bulletins bulletins, ReportBooks books) {
		this.bulletins = bulletins;
		this.books = books;
	}

	@GetMapping("/bulletins/supervision")
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN', 'LEADER')")
	ResponseEntity<byte[]> supervision(@RequestParam(required = false) String month) {
		return Downloads.of(this.bulletins.supervision(month));
	}

	@GetMapping("/bulletins/ranking")
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN', 'LEADER', 'VIEWER')")
	ResponseEntity<byte[]> ranking(@RequestParam(required = false) Long schemeId,
			@RequestParam(required = false) String period) {
		return Downloads.of(this.bulletins.ranking(schemeId, period));
	}

	@GetMapping("/bulletins/{id}/document")
	ResponseEntity<byte[]> stored(@PathVariable long id) {
		return Downloads.of(this.bulletins.stored(id, this.books.recipientsOf(id)));
	}

}
