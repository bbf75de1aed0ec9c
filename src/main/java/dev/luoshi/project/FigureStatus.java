package dev.luoshi.project;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Whether a project's figure for a month is in: FILED, LATE, MISSING (past due) or
 * PENDING.
 */
public record FigureStatus(long projectId, String code, String name, long leadUnitId, String leadUnitName,
		YearMonth month, LocalDate dueDate, State state, BigDecimal amount, BigDecimal planned, Instant filedAt,
		Long reportId, Long version) {

	public enum State {

		FILED, LATE, MISSING, PENDING

	}

}
