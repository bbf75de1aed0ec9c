package dev.luoshi.project.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.luoshi.project.InvestmentReports;
import dev.luoshi.project.Photo;
import dev.luoshi.shared.FileStore;

import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Site photos of monthly figures. */
@RestController
class PhotoController {

	private final InvestmentReports reports;

	PhotoController(InvestmentReports reports) {
		this.reports = reports;
	}

	@PostMapping(path = "/api/v1/investment-reports/{id}/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<Photo> attach(@PathVariable long id, @RequestPart("file") MultipartFile file) throws IOException {
		try (InputStream content = file.getInputStream()) {
			Photo photo = this.reports.attachPhoto(id, file.getOriginalFilename(), file.getContentType(),
					file.getSize(), content);
			return ResponseEntity.created(URI.create("/api/v1/investment-photos/" + photo.id())).body(photo);
		}
	}

	@GetMapping("/api/v1/investment-reports/{id}/photos")
	List<Photo> list(@PathVariable long id) {
		return this.reports.photos(id);
	}

	/** The photo itself, for the API and (under the pages' sign-in) for the pages. */
	@GetMapping({ "/api/v1/investment-photos/{id}", "/investment-photos/{id}" })
	ResponseEntity<Resource> download(@PathVariable long id) {
		Map.Entry<Photo, Path> photo = this.reports.photoFile(id);
		return FileStore.serve(photo.getValue(), photo.getKey().fileName(), photo.getKey().contentType(), true);
	}

}
