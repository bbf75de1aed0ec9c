package dev.luoshi.work.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;

import dev.luoshi.shared.FileStore;
import dev.luoshi.work.Evidence;
import dev.luoshi.work.EvidenceFiles;

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

/** Evidence files of progress reports. */
@RestController
class EvidenceController {

	private final EvidenceFiles evidence;

	EvidenceController(EvidenceFiles evidence) {
		this.evidence = evidence;
	}

	@PostMapping(path = "/api/v1/reports/{id}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize("hasAnyRole('UNIT_OPERATOR', 'UNIT_HEAD')")
	ResponseEntity<Evidence> attach(@PathVariable long id, @RequestPart("file") MultipartFile file) throws IOException {
		try (InputStream content = file.getInputStream()) {
			Evidence attached = this.evidence.attach(id, file.getOriginalFilename(), file.getContentType(),
					file.getSize(), content);
			return ResponseEntity.created(URI.create("/api/v1/evidence/" + attached.id())).body(attached);
		}
	}

	@GetMapping("/api/v1/reports/{id}/evidence")
	List<Evidence> list(@PathVariable long id) {
		return this.evidence.ofReport(id);
	}

	@GetMapping("/api/v1/evidence/{id}")
	ResponseEntity<Resource> download(@PathVariable long id) {
		Evidence evidence = this.evidence.evidence(id);
		return FileStore.serve(this.evidence.file(id), evidence.fileName(), evidence.contentType(), false);
	}

}
