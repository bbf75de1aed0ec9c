package dev.luoshi.shared;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.multipart.MultipartFile;

/** Excel workbooks over HTTP: what an upload must be, and how a download is sent. */
public final class Spreadsheets {

	public static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private static final Set<String> ACCEPTED = Set.of(XLSX.toString(), "application/vnd.ms-excel",
			MediaType.APPLICATION_OCTET_STREAM_VALUE);

	private Spreadsheets() {
	}

	/**
	 * Refuses (415) an upload whose declared type is no spreadsheet, or no media type at
	 * all; whether its content is one is for the reader to find out (400).
	 */
	public static void requireSpreadsheet(MultipartFile file) throws HttpMediaTypeNotSupportedException {
		String declared = (file.getContentType() != null) ? file.getContentType()
				: MediaType.APPLICATION_OCTET_STREAM_VALUE;
		MediaType type;
		try {
			type = MediaType.parseMediaType(declared);
		}
		catch (InvalidMediaTypeException ex) {
			throw new HttpMediaTypeNotSupportedException(declared);
		}
		if (!ACCEPTED.contains(type.getType() + "/" + type.getSubtype())) {
			throw new HttpMediaTypeNotSupportedException(type, List.of(XLSX));
		}
	}

	public static ResponseEntity<byte[]> download(String filename, byte[] content) {
		return ResponseEntity.ok()
			.contentType(XLSX)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString())
			.body(content);
	}

}
