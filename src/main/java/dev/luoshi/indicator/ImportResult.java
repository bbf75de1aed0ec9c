package dev.luoshi.indicator;

import java.util.List;

import dev.luoshi.shared.DomainException;

/** What an import stored (all rows or none), and the rows it refused. */
public record ImportResult(int imported, List<DomainException.RowError> errors) {
}
