package dev.luoshi.web;

import java.util.Optional;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The container's error dispatch (errors raised outside the controllers, e.g. by a filter
 * or a malformed request) also answers with a problem detail; a request that could not be
 * read is a 400 naming why.
 */
@RestController
class ErrorPages implements ErrorController {

	private final Problems problems;

	ErrorPages(Problems problems) {
		this.problems = problems;
	}

	@RequestMapping("/error")
	ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		HttpStatus status = (code instanceof Integer value && HttpStatus.resolve(value) != null)
				? HttpStatus.valueOf(value) : HttpStatus.INTERNAL_SERVER_ERROR;
		Optional<BadRequests.Refusal> unreadable = (request
			.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable ex) ? BadRequests.of(ex)
					: Optional.empty();
		if (unreadable.isPresent()) {
			BadRequests.Refusal refusal = unreadable.get();
			return ResponseEntity.status(refusal.status())
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.body(this.problems.problem(refusal.status(), refusal.code(), refusal.fallback()));
		}
		ProblemDetail problem = this.problems.problem(status, String.valueOf(status.value()), status.getReasonPhrase());
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
