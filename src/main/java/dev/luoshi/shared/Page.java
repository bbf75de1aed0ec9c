package dev.luoshi.shared;

import java.util.List;
import java.util.function.Function;

/** One page of a list: {@code {items, total, page, size}} as the API promises. */
public record Page<T>(List<T> items, long total, int page, int size) {

	public <R> Page<R> map(Function<T, R> mapper) {
		return new Page<>(this.items.stream().map(mapper).toList(), this.total, this.page, this.size);
	}

}
