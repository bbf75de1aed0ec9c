package dev.luoshi.shared;

/** A requested page: {@code page} counts from 0, {@code size} is at most 500. */
public record PageRequest(int page, int size) {

	public static final int MAX_SIZE = 500;

	public PageRequest {
		if (page < 0) {
			throw DomainException.invalid("page", "page-negative", "page must be 0 or more");
		}
		if (size < 1 || size > MAX_SIZE) {
			throw DomainException.invalid("size", "page-size", "size must be between 1 and 500");
		}
	}

	public static PageRequest of(Integer page, Integer size) {
		return new PageRequest(page == null ? 0 : page, size == null ? 50 : size);
	}

	public long offset() {
		return (long) this.page * this.size;
	}

}
