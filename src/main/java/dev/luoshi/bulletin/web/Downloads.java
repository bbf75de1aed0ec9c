package dev.luoshi.bulletin.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import dev.luoshi.bulletin.Bulletin;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A bulletin as a download: the Word document under its Chinese name, UTF-8 encoded. */
final class Downloads {

	private Downloads() {
	}

	static ResponseEntity<byte[]> of(Bulletin bulletin) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(Bulletin.CONTENT_TYPE))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(bulletin.fileName(), StandardCharsets.UTF_8)
						.build()
						.toString())
			.header("X-Document-Number", URLEncoder.encode(bulletin.number(), StandardCharsets.UTF_8))
			.body(bulletin.content());
	}

}
