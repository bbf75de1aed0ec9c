package dev.luoshi.project;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

/** A month's completed-investment figure of a project, as filed. */
public record InvestmentReport(long id, long projectId, YearMonth month, BigDecimal amount, String narrative,
		long unitId, long filedBy, Instant filedAt, LocalDate dueDate, boolean late, int photos, long version) {
}
