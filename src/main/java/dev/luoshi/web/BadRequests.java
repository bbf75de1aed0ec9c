package dev.luoshi.web;

import java.util.Optional;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.apache.tomcat.util.http.fileupload.FileUploadException;
import org.apache.tomcat.util.http.fileupload.InvalidFileNameException;
import org.apache.tomcat.util.http.fileupload.impl.SizeException;

import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * Exceptions that mean the request itself could not be read, wherever they are raised (in
 * a controller, or already in a filter such as the CSRF check that reads a form's
 * fields), and how to answer them.
 */
final class BadRequests {

	private BadRequests() {
	}

	/** The answer to a request that could not be read: its status and problem code. */
	record Refusal(HttpStatus status, String code, String fallback) {
	}

	/** The refusal for the first cause that is the client's fault, if any. */
	static Optional<Refusal> of(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof MaxUploadSizeExceededException || cause instanceof SizeException) {
				return Optional.of(new Refusal(HttpStatus.CONTENT_TOO_LARGE, "too-large", "The upload is too large"));
			}
		}
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof InvalidParameterException) {
				return Optional.of(new Refusal(HttpStatus.BAD_REQUEST, "bad-parameter-encoding",
						"A query or form value is not valid percent-encoded UTF-8"));
			}
			if (cause instanceof MultipartException || cause instanceof FileUploadException
					|| cause instanceof InvalidFileNameException) {
				return Optional.of(new Refusal(HttpStatus.BAD_REQUEST, "unreadable-upload",
						"The upload could not be read: it must be multipart/form-data with a boundary, and file names must not hold control characters"));
			}
			if (cause instanceof InvalidMediaTypeException) {
				return Optional.of(new Refusal(HttpStatus.BAD_REQUEST, "bad-media-type",
						"A media type in the headers of the request is not valid"));
			}
		}
		return Optional.empty();
	}

}
