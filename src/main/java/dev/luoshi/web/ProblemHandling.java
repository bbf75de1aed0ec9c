package dev.luoshi.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.apache.tomcat.util.http.fileupload.InvalidFileNameException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.luoshi.identity.SignInRefused;
import dev.luoshi.shared.DomainException;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every error raised while handling a request into an RFC 9457 problem detail with
 * a localised title and detail, and for bad input an {@code errors} list naming the
 * fields.
 */
@RestControllerAdvice
class ProblemHandling extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemHandling.class);

	private final MessageSource messages;

	ProblemHandling(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(DomainException.class)
	ResponseEntity<ProblemDetail> domain(DomainException ex) {
		HttpStatus status = HttpStatus.valueOf(ex.status());
		ProblemDetail problem = problem(status, ex.code(),
				this.messages.getMessage("problem." + ex.code(), ex.args(), ex.getMessage(), locale()));
		if (ex instanceof DomainException.Invalid invalid) {
			List<Map<String, Object>> errors = invalid.errors().stream().map(ProblemHandling::error).toList();
			if (errors.size() == 1) {
				errors = List.of(Map.of("field", invalid.errors().get(0).field(), "message", problem.getDetail()));
			}
			if (!invalid.rowErrors().isEmpty()) {
				errors = invalid.rowErrors()
					.stream()
					.map((row) -> Map.<String, Object>of("row", row.row(), "column", String.valueOf(row.column()),
							"message", row.message()))
					.toList();
				problem.setProperty("imported", 0);
			}
			problem.setProperty("errors", errors);
		}
		return ResponseEntity.status(status).body(problem);
	}

	@ExceptionHandler(SignInRefused.class)
	ResponseEntity<ProblemDetail> signInRefused(SignInRefused ex) {
		if (ex.locked()) {
			ProblemDetail problem = problem(HttpStatus.LOCKED, "account-locked", message("problem.account-locked",
					"The account is locked after repeated failures until " + ex.lockedUntil(), ex.lockedUntil()));
			problem.setProperty("lockedUntil", ex.lockedUntil());
			return ResponseEntity.status(HttpStatus.LOCKED).body(problem);
		}
		if (ex.passwordExpired()) {
			ProblemDetail problem = problem(HttpStatus.UNAUTHORIZED, "password-expired",
					message("problem.password-expired",
							"The password has expired: set a new one with POST /api/v1/auth/password"));
			problem.setProperty("passwordChangedAt", ex.passwordChangedAt());
			problem.setProperty("changePassword", "/api/v1/auth/password");
			return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(problem);
		}
		return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
			.body(problem(HttpStatus.UNAUTHORIZED, "bad-credentials",
					message("problem.bad-credentials", "Wrong username or password")));
	}

	@ExceptionHandler(AccessDeniedException.class)
	ResponseEntity<ProblemDetail> accessDenied(AccessDeniedException ex) {
		return ResponseEntity.status(HttpStatus.FORBIDDEN)
			.body(problem(HttpStatus.FORBIDDEN, "forbidden",
					message("problem.forbidden", "You may not do this (role or data scope)")));
	}

	@ExceptionHandler(ConstraintViolationException.class)
	ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException ex) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid", message("problem.invalid", "Invalid input"));
		problem.setProperty("errors",
				ex.getConstraintViolations()
					.stream()
					.map((violation) -> Map.of("field", lastNode(violation.getPropertyPath().toString()), "message",
							violation.getMessage()))
					.toList());
		return ResponseEntity.badRequest().body(problem);
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException ex) {
		String detail = message("problem.type-mismatch", "Invalid value for " + ex.getName(), ex.getName(),
				String.valueOf(ex.getValue()));
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid", detail);
		problem.setProperty("errors", List.of(Map.of("field", ex.getName(), "message", detail)));
		return ResponseEntity.badRequest().body(problem);
	}

	/**
	 * A request the container could not read: a query or form value that is no valid
	 * percent-encoded UTF-8, a multipart body without a boundary or with a file name
	 * holding control characters, a media type that is none.
	 */
	@ExceptionHandler({ InvalidParameterException.class, MultipartException.class, InvalidMediaTypeException.class,
			InvalidFileNameException.class })
	ResponseEntity<ProblemDetail> unreadableRequest(Exception ex) {
		BadRequests.Refusal refusal = BadRequests.of(ex).orElseThrow();
		return ResponseEntity.status(refusal.status())
			.body(problem(refusal.status(), refusal.code(), message("problem." + refusal.code(), refusal.fallback())));
	}

	@ExceptionHandler(DataIntegrityViolationException.class)
	ResponseEntity<ProblemDetail> integrity(DataIntegrityViolationException ex) {
		log.info("Refused a write that breaks a database constraint: {}", ex.getMostSpecificCause().getMessage());
		return ResponseEntity.status(HttpStatus.CONFLICT)
			.body(problem(HttpStatus.CONFLICT, "constraint", message("problem.constraint",
					"The change conflicts with existing data (a duplicate or a reference in use)")));
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex, HttpServletRequest request) {
		log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), ex);
		return ResponseEntity.internalServerError()
			.body(problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal",
					message("problem.internal", "An unexpected error occurred")));
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid", message("problem.invalid", "Invalid input"));
		problem.setProperty("errors", ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map((error) -> Map.of("field", error.getField(), "message", this.messages.getMessage(error, locale())))
			.toList());
		return ResponseEntity.badRequest().body(problem);
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid", message("problem.invalid", "Invalid input"));
		problem.setProperty("errors",
				ex.getParameterValidationResults()
					.stream()
					.flatMap((result) -> result.getResolvableErrors()
						.stream()
						.map((error) -> Map.of("field", result.getMethodParameter().getParameterName(), "message",
								this.messages.getMessage(error, locale()))))
					.toList());
		return ResponseEntity.badRequest().body(problem);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		String field = JsonErrors.field(ex);
		String detail = (field != null)
				? message("problem.unreadable-field", "Field " + field + " has a value of the wrong type", field)
				: message("problem.unreadable", "The request body is not valid JSON");
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "unreadable", detail);
		if (field != null) {
			problem.setProperty("errors", List.of(Map.of("field", field, "message", detail)));
		}
		return ResponseEntity.badRequest().body(problem);
	}

	@Override
	protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
			.body(problem(HttpStatus.CONTENT_TOO_LARGE, "too-large",
					message("problem.too-large", "The upload is too large")));
	}

	@Override
	protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
			WebRequest request) {
		if (body instanceof ProblemDetail problem
				&& (problem.getType() == null || URI.create("about:blank").equals(problem.getType()))) {
			HttpStatus status = HttpStatus.valueOf(statusCode.value());
			problem.setType(Problems.type(String.valueOf(status.value())));
			problem.setTitle(message("problem.title." + status.value(), status.getReasonPhrase()));
			problem.setDetail(message("problem." + status.value(), problem.getDetail()));
		}
		return super.createResponseEntity(body, headers, statusCode, request);
	}

	private ProblemDetail problem(HttpStatus status, String code, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(Problems.type(code));
		problem.setTitle(message("problem.title." + status.value(), status.getReasonPhrase()));
		return problem;
	}

	private String message(String code, String fallback, Object... args) {
		return this.messages.getMessage(code, args, fallback, locale());
	}

	private static Locale locale() {
		return LocaleContextHolder.getLocale();
	}

	private static Map<String, Object> error(DomainException.FieldError error) {
		return Map.of("field", error.field(), "message", error.message());
	}

	private static String lastNode(String path) {
		int dot = path.lastIndexOf('.');
		return (dot < 0) ? path : path.substring(dot + 1);
	}

}
