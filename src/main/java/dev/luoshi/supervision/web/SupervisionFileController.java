package dev.luoshi.supervision.web;

import java.net.URI;
import java.util.List;

import dev.luoshi.shared.FileStore;
import dev.luoshi.supervision.SupervisionFile;
import dev.luoshi.supervision.SupervisionFile.Owner;
import dev.luoshi.supervision.SupervisionFiles;

import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Rectification evidence and inspection photos over HTTP. */
@RestController
class SupervisionFileController {

	private final SupervisionFiles files;

	SupervisionFileController(SupervisionFiles files) {
		this.files = files;
	}

	@PostMapping(path = "/api/v1/rectifications/{id}/files", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize("hasAnyRole('UNIT_OPERATOR', 'UNIT_HEAD')")
	ResponseEntity<SupervisionFile> attachEvidence(@PathVariable long id, @RequestPart("file") MultipartFile file) {
		return created(this.files.attachEvidence(id, upload(file)));
	}

	@GetMapping("/api/v1/rectifications/{id}/files")
	List<SupervisionFile> evidence(@PathVariable long id) {
		return this.files.of(Owner.RECTIFICATION, id);
	}

	@PostMapping(path = "/api/v1/inspections/{id}/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
	ResponseEntity<SupervisionFile> attachPhoto(@PathVariable long id, @RequestPart("file") MultipartFile file) {
		return created(this.files.attachPhoto(id, upload(file)));
	}

	@GetMapping("/api/v1/inspections/{id}/photos")
	List<SupervisionFile> photos(@PathVariable long id) {
		return this.files.of(Owner.INSPECTION, id);
	}

	/** The file itself, for the API and (under the pages' sign-in) for the pages. */
	@GetMapping({ "/api/v1/supervision-files/{id}", "/supervision-files/{id}" })
	ResponseEntity<Resource> download(@PathVariable long id) {
		SupervisionFile file = this.files.file(id);
		return FileStore.serve(this.files.content(id), file.fileName(), file.contentType(), true);
	}

	static SupervisionFiles.Upload upload(MultipartFile file) {
		return new SupervisionFiles.Upload(file.getOriginalFilename(), file.getContentType(), file.getSize(), file);
	}

	private static ResponseEntity<SupervisionFile> created(SupervisionFile file) {
		return ResponseEntity.created(URI.create("/api/v1/supervision-files/" + file.id())).body(file);
	}

}
