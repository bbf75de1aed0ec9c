package dev.luoshi.web;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Writes problem details where no controller advice reaches: the security filters and the
 * container's error dispatch.
 */
@Component
class Problems {

	private final MessageSource messages;

	private final JsonMapper json;

	Problems(MessageSource messages, JsonMapper json) {
		this.messages = messages;
		this.json = json;
	}

	static URI type(String code) {
		return URI.create("https://luoshi.dev/problems/" + code);
	}

	ProblemDetail problem(HttpStatus status, String code, String fallbackDetail, Object... args) {
		ProblemDetail problem = ProblemDetail.forStatus(status);
		problem.setType(type(code));
		problem.setTitle(this.messages.getMessage("problem.title." + status.value(), null, status.getReasonPhrase(),
				LocaleContextHolder.getLocale()));
		problem.setDetail(
				this.messages.getMessage("problem." + code, args, fallbackDetail, LocaleContextHolder.getLocale()));
		return problem;
	}

	void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
		response.setStatus(problem.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		this.json.writeValue(response.getOutputStream(), problem);
	}

}
