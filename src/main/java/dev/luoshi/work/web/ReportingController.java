package dev.luoshi.work.web;

import java.time.Clock;
import java.time.YearMonth;

import dev.luoshi.work.Reporting;
import dev.luoshi.work.ReportingStatus;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Missing and overdue reports per unit. */
@RestController
class ReportingController {

	private final Reporting reporting;

	private final Clock clock;

	ReportingController(Reporting reporting, Clock clock) {
		this.reporting = reporting;
		this.clock = clock;
	}

	@GetMapping("/api/v1/units/{id}/reporting")
	ReportingStatus status(@PathVariable long id, @RequestParam(required = false) YearMonth month) {
		return this.reporting.status(id, (month != null) ? month : YearMonth.now(this.clock));
	}

}
