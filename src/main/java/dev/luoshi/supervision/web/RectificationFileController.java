package dev.luoshi.supervision.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;

import dev.luoshi.shared.FileStore;
import dev.luoshi.supervision.RectificationFile;
import dev.luoshi.supervision.RectificationFiles;

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

/** Evidence files of rectifications over HTTP. */
@RestController
class RectificationFileController {

	private final RectificationFiles files;

	RectificationFileController(RectificationFiles files) {
		this.files = files;
	}

	@PostMapping(path = "/api/v1/rectifications/{id}/files", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize("hasAnyRole('UNIT_OPERATOR', 'UNIT_HEAD')")
	ResponseEntity<RectificationFile> attach(@PathVariable long id, @RequestPart("file") MultipartFile file)
			throws IOException {
		try (InputStream content = file.getInputStream()) {
			RectificationFile attached = this.files.attach(id, file.getOriginalFilename(), file.getContentType(),
					file.getSize(), content);
			return ResponseEntity.created(URI.create("/api/v1/rectification-files/" + attached.id())).body(attached);
		}
	}

	@GetMapping("/api/v1/rectifications/{id}/files")
	List<RectificationFile> list(@PathVariable long id) {
		return this.files.of(id);
	}

	/** The file itself, for the API and (under the pages' sign-in) for the pages. */
	@GetMapping({ "/api/v1/rectification-files/{id}", "/rectification-files/{id}" })
	ResponseEntity<Resource> download(@PathVariable long id) {
		RectificationFile file = this.files.file(id);
		return FileStore.serve(this.files.content(id), file.fileName(), file.contentType(), true);
	}

}
