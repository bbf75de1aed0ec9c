package dev.luoshi.supervision.web;

import java.net.URI;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import dev.luoshi.shared.DomainException;
import dev.luoshi.shared.Page;
import dev.luoshi.shared.PageRequest;
import dev.luoshi.shared.Spreadsheets;
import dev.luoshi.supervision.EscalationRule;
import dev.luoshi.supervision.Escalations;
import dev.luoshi.supervision.Finding;
import dev.luoshi.supervision.Findings;
import dev.luoshi.supervision.Inspection;
import dev.luoshi.supervision.LaggingList;
import dev.luoshi.supervision.LaggingUnit;
import dev.luoshi.supervision.NewNotice;
import dev.luoshi.supervision.NoticeExports;
import dev.luoshi.supervision.Notice;
import dev.luoshi.supervision.NoticeLevel;
import dev.luoshi.supervision.NoticeStatus;
import dev.luoshi.supervision.Notices;
import dev.luoshi.supervision.Rectification;
import dev.luoshi.supervision.Rectifications;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Notices, rectification, escalation rules, inspections and findings over HTTP. */
@RestController
class SupervisionController {

	private final Notices notices;

	private final Rectifications rectifications;

	private final Escalations escalations;

	private final Findings findings;

	private final LaggingList lagging;

	private final NoticeExports exports;

	SupervisionController(Notices notices, Rectifications rectifications, Escalations escalations, Findings findings,
			LaggingList lagging, NoticeExports exports) {
		this.exports = exports;
		this.lagging = lagging;
		this.notices = notices;
		this.rectifications = rectifications;
		this.escalations = escalations;
		this.findings = findings;
	}

	@PostMapping("/api/v1/notices")
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
	ResponseEntity<Notice> issue(@Valid @RequestBody NewNotice notice) {
		Notice issued = this.notices.issue(notice);
		return ResponseEntity.created(URI.create("/api/v1/notices/" + issued.id())).body(issued);
	}

	@GetMapping("/api/v1/notices")
	Page<Notice> notices(@RequestParam(required = false) Long unitId, @RequestParam(required = false) NoticeLevel level,
			@RequestParam(required = false) NoticeStatus status, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return this.notices.notices(unitId, level, status, PageRequest.of(page, size));
	}

	/** The notice register (督办台账) as .xlsx, filtered as the list. */
	@GetMapping("/api/v1/notices/export")
	ResponseEntity<byte[]> export(@RequestParam(required = false) Long unitId,
			@RequestParam(required = false) NoticeLevel level, @RequestParam(required = false) NoticeStatus status) {
		return Spreadsheets.download("notices.xlsx", this.exports.ledger(unitId, level, status));
	}

	@GetMapping("/api/v1/notices/{id}")
	Notice notice(@PathVariable long id) {
		return this.notices.notice(id);
	}

	@PostMapping("/api/v1/notices/{id}/acknowledge")
	Notice acknowledge(@PathVariable long id) {
		return this.notices.acknowledge(id);
	}

	@PostMapping("/api/v1/notices/{id}/respond")
	Notice respond(@PathVariable long id, @Valid @RequestBody Response response) {
		return this.notices.respond(id, response.text());
	}

	record Response(@NotBlank @Size(max = 4000) String text) {
	}

	@PostMapping("/api/v1/notices/{id}/close")
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
	Notice close(@PathVariable long id) {
		return this.notices.close(id);
	}

	@PostMapping("/api/v1/rectifications")
	ResponseEntity<Rectification> rectify(@Valid @RequestBody NewRectification rectification) {
		Rectification opened = this.rectifications.open(rectification.noticeId(), rectification.measures(),
				rectification.dueDate());
		return ResponseEntity.created(URI.create("/api/v1/rectifications/" + opened.id())).body(opened);
	}

	record NewRectification(@NotNull Long noticeId, @NotBlank @Size(max = 4000) String measures,
			@NotNull LocalDate dueDate) {
	}

	@GetMapping("/api/v1/rectifications")
	List<Rectification> rectifications(@RequestParam(required = false) Long unitId,
			@RequestParam(required = false) Long campaignId,
			@RequestParam(required = false) Rectification.Status status) {
		return this.rectifications.ledger(unitId, campaignId, status);
	}

	@GetMapping("/api/v1/rectifications/{id}")
	Rectification rectification(@PathVariable long id) {
		return this.rectifications.rectification(id);
	}

	@PostMapping("/api/v1/rectifications/{id}/submit")
	Rectification submit(@PathVariable long id, @Valid @RequestBody Submission submission) {
		return this.rectifications.submit(id, submission.evidence());
	}

	record Submission(@NotBlank @Size(max = 4000) String evidence) {
	}

	@PostMapping("/api/v1/rectifications/{id}/verify")
	@PreAuthorize("hasAnyRole('SUPERVISOR')")
	Rectification verify(@PathVariable long id, @Valid @RequestBody Verification verification) {
		return this.rectifications.verify(id, verification.passed(), verification.comment());
	}

	record Verification(@NotNull Boolean passed, @Size(max = 2000) String comment) {
	}

	@PostMapping("/api/v1/supervision/escalations/run")
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
	Map<String, List<Notice>> run() {
		return Map.of("created", this.escalations.run());
	}

	@GetMapping("/api/v1/supervision/rules")
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
	List<EscalationRule> rules() {
		return this.escalations.rules();
	}

	@PutMapping("/api/v1/supervision/rules/{id}")
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
	EscalationRule changeRule(@PathVariable long id, @Valid @RequestBody EscalationRule rule) {
		return this.escalations.change(id, rule);
	}

	@PostMapping("/api/v1/inspections")
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
	ResponseEntity<Inspection> plan(@Valid @RequestBody NewInspection inspection) {
		Inspection planned = this.findings.planInspection(inspection.kind(), inspection.title(), inspection.scope(),
				inspection.inspectors(), inspection.plannedOn());
		return ResponseEntity.created(URI.create("/api/v1/inspections/" + planned.id())).body(planned);
	}

	record NewInspection(@NotNull Inspection.Kind kind, @NotBlank @Size(max = 300) String title,
			@Size(max = 2000) String scope, @Size(max = 500) String inspectors, @NotNull LocalDate plannedOn) {
	}

	/** The office's plan, unannounced visits included: not for the units inspected. */
	@GetMapping("/api/v1/inspections")
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN', 'LEADER')")
	List<Inspection> inspections(@RequestParam YearMonth month) {
		return this.findings.plan(month);
	}

	@PostMapping("/api/v1/inspections/{id}/complete")
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
	List<Finding> complete(@PathVariable long id, @Valid @RequestBody InspectionReport report) {
		return this.findings.completeInspection(id, report.doneOn(), report.summary(),
				report.findings().stream().map(FindingText::finding).toList());
	}

	record InspectionReport(@NotNull LocalDate doneOn, @Size(max = 4000) String summary,
			@NotNull List<@Valid @NotNull FindingText> findings) {
	}

	/**
	 * A finding or decision; {@code campaignId} (meeting decisions only) makes it a task
	 * of that campaign.
	 */
	record FindingText(@NotNull Long unitId, @NotBlank @Size(max = 4000) String description, Long taskId,
			Long projectId, LocalDate deadline, Long campaignId) {

		Findings.NewFinding finding() {
			return new Findings.NewFinding(this.unitId, this.description, this.taskId, this.projectId, this.deadline,
					this.campaignId);
		}

	}

	@PostMapping("/api/v1/instructions")
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN', 'LEADER')")
	ResponseEntity<Finding> instruct(@Valid @RequestBody Instruction instruction) {
		Finding finding = this.findings.instruct(instruction.leaderId(), instruction.instructedOn(),
				instruction.finding().finding());
		return ResponseEntity.created(URI.create("/api/v1/findings/" + finding.id())).body(finding);
	}

	record Instruction(@NotNull Long leaderId, @NotNull LocalDate instructedOn, @NotNull @Valid FindingText finding) {
	}

	@PostMapping("/api/v1/meetings")
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
	List<Finding> meeting(@Valid @RequestBody Meeting meeting) {
		return this.findings.recordMeeting(meeting.title(), meeting.heldOn(), meeting.chairId(),
				meeting.decisions().stream().map(FindingText::finding).toList());
	}

	record Meeting(@NotBlank @Size(max = 300) String title, @NotNull LocalDate heldOn, Long chairId,
			@NotNull List<@Valid @NotNull FindingText> decisions) {
	}

	/** The units furthest behind, at most {@code limit} (1–200, 30 by default). */
	@GetMapping("/api/v1/supervision/lagging")
	List<LaggingUnit> lagging(@RequestParam(defaultValue = "30") int limit) {
		if (limit < 1 || limit > 200) {
			throw DomainException.invalid("limit", "limit-range", "limit is 1 to 200", 200);
		}
		return this.lagging.units(limit);
	}

	@GetMapping("/api/v1/findings")
	List<Finding> findings(@RequestParam(required = false) Long unitId,
			@RequestParam(required = false) Finding.Source source) {
		return this.findings.findings(unitId, source);
	}

}
