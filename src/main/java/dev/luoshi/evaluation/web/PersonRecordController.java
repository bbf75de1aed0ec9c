package dev.luoshi.evaluation.web;

import dev.luoshi.evaluation.PersonRecord;
import dev.luoshi.evaluation.PersonRecords;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A person's record of results (实绩档案) over HTTP. */
@RestController
class PersonRecordController {

	private final PersonRecords records;

	PersonRecordController(PersonRecords records) {
		this.records = records;
	}

	/**
	 * The record for a year (this year by default): tasks as responsible leader with
	 * their milestones, the notices, rankings and annual grades of the person's units,
	 * and awards.
	 */
	@GetMapping("/api/v1/people/{id}/record")
	PersonRecord record(@PathVariable long id, @RequestParam(required = false) Integer year) {
		return this.records.record(id, year);
	}

}
