package dev.luoshi.work.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;

import dev.luoshi.shared.FileStore;
import dev.luoshi.work.Attachment;
import dev.luoshi.work.CampaignAttachments;

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

/** The files of campaigns' implementation plans. */
@RestController
class AttachmentController {

	private final CampaignAttachments attachments;

	AttachmentController(CampaignAttachments attachments) {
		this.attachments = attachments;
	}

	@PostMapping(path = "/api/v1/campaigns/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
	ResponseEntity<Attachment> attach(@PathVariable long id, @RequestPart("file") MultipartFile file)
			throws IOException {
		try (InputStream content = file.getInputStream()) {
			Attachment attached = this.attachments.attach(id, file.getOriginalFilename(), file.getContentType(),
					file.getSize(), content);
			return ResponseEntity.created(URI.create("/api/v1/campaign-attachments/" + attached.id())).body(attached);
		}
	}

	@GetMapping("/api/v1/campaigns/{id}/attachments")
	List<Attachment> list(@PathVariable long id) {
		return this.attachments.ofCampaign(id);
	}

	@GetMapping("/api/v1/campaign-attachments/{id}")
	ResponseEntity<Resource> download(@PathVariable long id) {
		Attachment attachment = this.attachments.attachment(id);
		return FileStore.serve(this.attachments.file(id), attachment.fileName(), attachment.contentType(), false);
	}

}
