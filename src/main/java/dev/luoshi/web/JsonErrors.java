package dev.luoshi.web;

import java.util.List;
import java.util.stream.Collectors;

import org.springframework.http.converter.HttpMessageNotReadableException;

import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;

/**
 * Finds which field of a JSON body could not be read, e.g. {@code roles[1]} or
 * {@code target.value}.
 */
final class JsonErrors {

	private JsonErrors() {
	}

	static String field(HttpMessageNotReadableException ex) {
		for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
			if (cause instanceof StreamReadException) {
				return null;
			}
			if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
				return path(jackson.getPath());
			}
		}
		return null;
	}

	private static String path(List<JacksonException.Reference> references) {
		return references.stream()
			.map((reference) -> (reference.getPropertyName() != null) ? "." + reference.getPropertyName()
					: "[" + reference.getIndex() + "]")
			.collect(Collectors.joining())
			.replaceFirst("^\\.", "");
	}

}
