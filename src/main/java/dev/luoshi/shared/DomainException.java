package dev.luoshi.shared;

import java.util.List;

/**
 * A refusal the user can act on. {@link #code()} is stable and names the message shown to
 * the user (looked up in the localised message bundles as {@code problem.<code>});
 * {@link #args()} fill its placeholders.
 */
public abstract sealed class DomainException extends RuntimeException permits DomainException.NotFound,
		DomainException.Conflict, DomainException.Invalid, DomainException.Forbidden, DomainException.TooLarge {

	private final String code;

	private final Object[] args;

	private DomainException(String code, String message, Object... args) {
		super(message);
		this.code = code;
		this.args = args;
	}

	/** The HTTP status this refusal is answered with. */
	public abstract int status();

	public String code() {
		return this.code;
	}

	public Object[] args() {
		return this.args.clone();
	}

	public static NotFound notFound(String entityType, Object id) {
		return new NotFound(entityType, id);
	}

	public static Conflict conflict(String code, String message, Object... args) {
		return new Conflict(code, message, args);
	}

	public static Conflict staleVersion(String entityType, Object id) {
		return new Conflict("stale-version", entityType + " " + id + " was changed by someone else; reload it",
				entityType, id);
	}

	public static Invalid invalid(String field, String code, String message, Object... args) {
		return new Invalid(List.of(new FieldError(field, message)), List.of(), code, message, args);
	}

	/**
	 * Rows of an upload that are wrong, each with its row number as the spreadsheet shows
	 * it.
	 */
	public static Invalid invalidRows(String code, String message, List<RowError> rows) {
		return new Invalid(List.of(), rows, code, message, rows.size());
	}

	public static Forbidden forbidden(String message) {
		return new Forbidden("forbidden", message);
	}

	/** A refusal by a rule of its own, whose text says which ({@code problem.<code>}). */
	public static Forbidden forbidden(String code, String message, Object... args) {
		return new Forbidden(code, message, args);
	}

	public static TooLarge tooLarge(String code, String message, Object... args) {
		return new TooLarge(code, message, args);
	}

	/** The addressed resource does not exist (404). */
	public static final class NotFound extends DomainException {

		@Override
		public int status() {
			return 404;
		}

		private NotFound(String entityType, Object id) {
			super("not-found", "No " + entityType + " with id " + id, entityType, id);
		}

	}

	/**
	 * The request clashes with the current state: a duplicate, a stale version, an
	 * illegal step (409).
	 */
	public static final class Conflict extends DomainException {

		@Override
		public int status() {
			return 409;
		}

		private Conflict(String code, String message, Object... args) {
			super(code, message, args);
		}

	}

	/** The request names something invalid (400); {@link #errors()} says which field. */
	public static final class Invalid extends DomainException {

		@Override
		public int status() {
			return 400;
		}

		private final List<FieldError> errors;

		private final List<RowError> rowErrors;

		private Invalid(List<FieldError> errors, List<RowError> rowErrors, String code, String message,
				Object... args) {
			super(code, message, args);
			this.errors = List.copyOf(errors);
			this.rowErrors = List.copyOf(rowErrors);
		}

		public List<RowError> rowErrors() {
			return this.rowErrors;
		}

		public List<FieldError> errors() {
			return this.errors;
		}

	}

	/** The caller may not do this: outside its role or data scope (403). */
	public static final class Forbidden extends DomainException {

		@Override
		public int status() {
			return 403;
		}

		private Forbidden(String code, String message, Object... args) {
			super(code, message, args);
		}

	}

	/**
	 * What was sent is more than the server takes, e.g. a workbook that unpacks to more
	 * than a ledger can be (413).
	 */
	public static final class TooLarge extends DomainException {

		@Override
		public int status() {
			return 413;
		}

		private TooLarge(String code, String message, Object... args) {
			super(code, message, args);
		}

	}

	/** One invalid field and what is wrong with it. */
	public record FieldError(String field, String message) {
	}

	/**
	 * One wrong cell or row of an upload: {@code row} as the spreadsheet shows it, the
	 * column's heading.
	 */
	public record RowError(int row, String column, String message) {
	}

}
