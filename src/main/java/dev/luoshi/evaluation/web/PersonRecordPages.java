package dev.luoshi.evaluation.web;

import dev.luoshi.evaluation.PersonRecord;
import dev.luoshi.evaluation.PersonRecords;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** 实绩档案: a person's year on one readable page. */
@Controller
class PersonRecordPages {

	private final PersonRecords records;

	PersonRecordPages(PersonRecords records) {
		this.records = records;
	}

	@GetMapping("/people/{id}/record")
	String record(@PathVariable long id, @RequestParam(required = false) Integer year, Model model) {
		PersonRecord record = this.records.record(id, year);
		model.addAttribute("record", record);
		model.addAttribute("previousYear", record.year() - 1);
		model.addAttribute("nextYear", record.year() + 1);
		return "evaluation/person-record";
	}

}
