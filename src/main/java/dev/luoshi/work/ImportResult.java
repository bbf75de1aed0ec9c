package dev.luoshi.work;

import java.util.List;

import dev.luoshi.shared.DomainException;

/** What an import did: how many tasks it added (all or none), and the rows it refused. */
public record ImportResult(int imported, List<DomainException.RowError> errors) {
}
