package dev.luoshi.work.web;

import java.util.List;

import dev.luoshi.work.Letter;
import dev.luoshi.work.ResponsibilityLetters;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Responsibility letters over HTTP. */
@RestController
class LetterController {

	private final ResponsibilityLetters letters;

	LetterController(ResponsibilityLetters letters) {
		this.letters = letters;
	}

	@PostMapping("/api/v1/campaigns/{id}/letters")
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
	List<Letter> issue(@PathVariable long id) {
		return this.letters.issue(id);
	}

	@GetMapping("/api/v1/campaigns/{id}/letters")
	List<Letter> list(@PathVariable long id) {
		return this.letters.letters(id);
	}

	@PostMapping("/api/v1/letters/{id}/sign")
	@PreAuthorize("hasRole('UNIT_HEAD')")
	Letter sign(@PathVariable long id) {
		return this.letters.sign(id);
	}

}
