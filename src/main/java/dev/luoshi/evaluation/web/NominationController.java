package dev.luoshi.evaluation.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import dev.luoshi.evaluation.Nomination;
import dev.luoshi.evaluation.NominationFile;
import dev.luoshi.evaluation.NominationFiles;
import dev.luoshi.evaluation.NominationRound;
import dev.luoshi.evaluation.NominationRounds;
import dev.luoshi.evaluation.Nominations;
import dev.luoshi.shared.FileStore;

import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Selection rounds of exemplary cadres (担当者评选) and their nominations over HTTP. */
@RestController
class NominationController {

	private final NominationRounds rounds;

	private final Nominations nominations;

	private final NominationFiles files;

	NominationController(NominationRounds rounds, Nominations nominations, NominationFiles files) {
		this.rounds = rounds;
		this.nominations = nominations;
		this.files = files;
	}

	/** Opens a round (SUPERVISOR, ADMIN). */
	@PostMapping("/api/v1/nomination-rounds")
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
	ResponseEntity<NominationRound> open(@Valid @RequestBody NewRound round) {
		NominationRound opened = this.rounds.open(round.year(), round.name(), round.deadline(), round.quota());
		return ResponseEntity.created(URI.create("/api/v1/nomination-rounds/" + opened.id())).body(opened);
	}

	record NewRound(@NotNull Integer year, @NotBlank @Size(max = 200) String name, @NotNull LocalDate deadline,
			@NotNull Integer quota) {
	}

	/** The rounds, newest first, optionally of one year. */
	@GetMapping("/api/v1/nomination-rounds")
	List<NominationRound> rounds(@RequestParam(required = false) Integer year) {
		return this.rounds.rounds(year);
	}

	@GetMapping("/api/v1/nomination-rounds/{id}")
	NominationRound round(@PathVariable long id) {
		return this.rounds.round(id);
	}

	/** OPEN → CLOSED: nominations end, the office decides. */
	@PostMapping("/api/v1/nomination-rounds/{id}/close")
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
	NominationRound close(@PathVariable long id) {
		return this.rounds.close(id);
	}

	/** CLOSED → PUBLISHED, once every nomination is decided. */
	@PostMapping("/api/v1/nomination-rounds/{id}/publish")
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
	NominationRound publish(@PathVariable long id) {
		return this.rounds.publish(id);
	}

	/** Nominates a person of a unit in the caller's scope (UNIT_HEAD, SUPERVISOR). */
	@PostMapping("/api/v1/nominations")
	@PreAuthorize("hasAnyRole('UNIT_HEAD', 'SUPERVISOR')")
	ResponseEntity<Nomination> nominate(@Valid @RequestBody NewNomination nomination) {
		Nomination created = this.nominations.nominate(nomination.roundId(), nomination.personId(), nomination.deeds());
		return ResponseEntity.created(URI.create("/api/v1/nominations/" + created.id())).body(created);
	}

	record NewNomination(@NotNull Long roundId, @NotNull Long personId, @NotBlank @Size(max = 8000) String deeds) {
	}

	/** The nominations of a round the caller may see. */
	@GetMapping("/api/v1/nominations")
	List<Nomination> nominations(@RequestParam long roundId) {
		return this.nominations.nominations(roundId);
	}

	@GetMapping("/api/v1/nominations/{id}")
	Nomination nomination(@PathVariable long id) {
		return this.nominations.nomination(id);
	}

	/** Selected or not, with a comment (SUPERVISOR, ADMIN; the round must be CLOSED). */
	@PostMapping("/api/v1/nominations/{id}/decide")
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
	Nomination decide(@PathVariable long id, @Valid @RequestBody Decision decision) {
		return this.nominations.decide(id, decision.selected(), decision.comment());
	}

	record Decision(@NotNull Boolean selected, @Size(max = 2000) String comment) {
	}

	/** Adds an evidence file (JPEG, PNG, PDF, DOCX, XLSX) while the round is open. */
	@PostMapping(path = "/api/v1/nominations/{id}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize("hasAnyRole('UNIT_HEAD', 'SUPERVISOR', 'ADMIN')")
	ResponseEntity<NominationFile> attach(@PathVariable long id, @RequestPart("file") MultipartFile file) {
		NominationFile attached = this.files.attach(id, upload(file));
		return ResponseEntity.created(URI.create("/api/v1/nomination-files/" + attached.id())).body(attached);
	}

	@GetMapping("/api/v1/nominations/{id}/evidence")
	List<NominationFile> evidence(@PathVariable long id) {
		return this.files.of(id);
	}

	/** The file itself, for the API and (under the pages' sign-in) for the pages. */
	@GetMapping({ "/api/v1/nomination-files/{id}", "/nomination-files/{id}" })
	ResponseEntity<Resource> download(@PathVariable long id) {
		NominationFile file = this.files.file(id);
		return FileStore.serve(this.files.content(id), file.fileName(), file.contentType(), true);
	}

	static NominationFiles.Upload upload(MultipartFile file) {
		return new NominationFiles.Upload(file.getOriginalFilename(), file.getContentType(), file.getSize(), file);
	}

}
