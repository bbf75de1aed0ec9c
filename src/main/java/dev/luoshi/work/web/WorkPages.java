package dev.luoshi.work.web;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import dev.luoshi.identity.CurrentUser;
import dev.luoshi.identity.DataScopes;
import dev.luoshi.shared.DomainException;
import dev.luoshi.shared.FileStore;
import dev.luoshi.shared.PageRequest;
import dev.luoshi.shared.Problems;
import dev.luoshi.work.Adjustment;
import dev.luoshi.work.CampaignAttachments;
import dev.luoshi.work.Campaigns;
import dev.luoshi.work.Evidence;
import dev.luoshi.work.EvidenceFiles;
import dev.luoshi.work.Light;
import dev.luoshi.work.NewReport;
import dev.luoshi.work.ProgressReports;
import dev.luoshi.work.Report;
import dev.luoshi.work.ReportStatus;
import dev.luoshi.work.Reporting;
import dev.luoshi.work.ReportingStatus;
import dev.luoshi.work.TaskAdjustments;
import dev.luoshi.work.Task;
import dev.luoshi.work.TaskBook;
import dev.luoshi.work.TaskQuery;
import dev.luoshi.work.TaskStatus;

import org.springframework.context.MessageSource;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pages of the task book: campaigns, a campaign's tree with lights and progress, a
 * task with its milestones and reports (filing and review), and a unit's to-do list.
 */
@Controller
class WorkPages {

	private final Campaigns campaigns;

	private final TaskBook taskBook;

	private final ProgressReports reports;

	private final DataScopes scopes;

	private final EvidenceFiles evidence;

	private final TaskAdjustments adjustments;

	private final Reporting reporting;

	private final CampaignAttachments attachments;

	private final MessageSource messages;

	private final Clock clock;

	WorkPages(Campaigns campaigns, TaskBook taskBook, ProgressReports reports, DataScopes scopes,
			EvidenceFiles evidence, TaskAdjustments adjustments, Reporting reporting, CampaignAttachments attachments,
			MessageSource messages, Clock clock) {
		this.attachments = attachments;
		this.evidence = evidence;
		this.adjustments = adjustments;
		this.reporting = reporting;
		this.campaigns = campaigns;
		this.taskBook = taskBook;
		this.reports = reports;
		this.scopes = scopes;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/campaigns")
	String campaigns(Model model) {
		model.addAttribute("campaigns", this.campaigns.campaigns());
		return "work/campaigns";
	}

	@GetMapping("/campaigns/{id}")
	String campaign(@PathVariable long id, Model model) {
		model.addAttribute("campaign", this.campaigns.campaign(id));
		model.addAttribute("tree", this.taskBook.tree(id));
		model.addAttribute("attachments", this.attachments.ofCampaign(id));
		model.addAttribute("today", LocalDate.now(this.clock));
		return "work/campaign";
	}

	@GetMapping("/tasks/{id}")
	String task(@PathVariable long id, Model model) {
		Task task = this.taskBook.task(id);
		model.addAttribute("task", task);
		model.addAttribute("campaign", this.campaigns.campaign(task.campaignId()));
		List<Report> reports = this.reports.ofTask(id, PageRequest.of(0, 50)).items();
		model.addAttribute("reports", reports);
		model.addAttribute("evidence", reports.stream()
			.collect(Collectors.toMap(Report::id, (report) -> this.evidence.ofReport(report.id()))));
		model.addAttribute("adjustments", this.adjustments.ofTask(id));
		model.addAttribute("adjustmentKinds", Adjustment.Kind.values());
		model.addAttribute("period", YearMonth.now(this.clock).toString());
		model.addAttribute("today", LocalDate.now(this.clock));
		return "work/task";
	}

	/** 待办: the open tasks the caller's unit takes part in, most urgent first. */
	@GetMapping("/todo")
	String todo(@RequestParam(required = false) Light light, Model model) {
		CurrentUser user = this.scopes.caller().orElseThrow();
		model.addAttribute("reporting",
				this.reporting.status(user.unitId(), YearMonth.now(this.clock))
					.tasks()
					.stream()
					.collect(Collectors.toMap(ReportingStatus.Item::taskId, (item) -> item)));
		model.addAttribute("month", YearMonth.now(this.clock).toString());
		model.addAttribute("tasks",
				this.taskBook.tasks(new TaskQuery(light, user.unitId(), null, TaskStatus.OPEN), PageRequest.of(0, 200))
					.items());
		model.addAttribute("light", light);
		return "work/todo";
	}

	@PostMapping("/tasks/{id}/reports")
	@PreAuthorize("hasAnyRole('UNIT_OPERATOR', 'UNIT_HEAD')")
	String file(@PathVariable long id, @RequestParam String period, @RequestParam BigDecimal percent,
			@RequestParam String narrative, @RequestParam(required = false) String problems,
			@RequestParam(required = false) String nextSteps, RedirectAttributes redirect, Locale locale) {
		Problems.attempt(redirect, this.messages, locale, "work.reportFiled", () -> this.reports.file(id,
				new NewReport(period, percent, narrative, blank(problems), blank(nextSteps))));
		return "redirect:/tasks/" + id;
	}

	@PostMapping("/reports/{id}/review")
	@PreAuthorize("hasRole('SUPERVISOR')")
	String review(@PathVariable long id, @RequestParam long taskId, @RequestParam String decision,
			@RequestParam(required = false) String comment, RedirectAttributes redirect, Locale locale) {
		Problems.attempt(redirect, this.messages, locale, "work.reviewed", () -> this.reports.review(id,
				"ACCEPT".equals(decision) ? ReportStatus.ACCEPTED : ReportStatus.RETURNED, blank(comment)));
		return "redirect:/tasks/" + taskId;
	}

	@PostMapping("/reports/{id}/evidence")
	@PreAuthorize("hasAnyRole('UNIT_OPERATOR', 'UNIT_HEAD')")
	String attach(@PathVariable long id, @RequestParam long taskId, @RequestParam("file") MultipartFile file,
			RedirectAttributes redirect, Locale locale) throws IOException {
		try (InputStream content = file.getInputStream()) {
			this.evidence.attach(id, file.getOriginalFilename(), file.getContentType(), file.getSize(), content);
			redirect.addFlashAttribute("notice", this.messages.getMessage("work.evidenceAttached", null, locale));
		}
		catch (DomainException ex) {
			redirect.addFlashAttribute("error", Problems.message(this.messages, ex, locale));
		}
		return "redirect:/tasks/" + taskId;
	}

	@GetMapping("/evidence/{id}")
	ResponseEntity<Resource> download(@PathVariable long id) {
		Evidence evidence = this.evidence.evidence(id);
		return FileStore.serve(this.evidence.file(id), evidence.fileName(), evidence.contentType(), true);
	}

	@PostMapping("/tasks/{id}/adjustments")
	@PreAuthorize("hasAnyRole('UNIT_OPERATOR', 'UNIT_HEAD')")
	String requestAdjustment(@PathVariable long id, @RequestParam Adjustment.Kind kind, @RequestParam String reason,
			@RequestParam(required = false) LocalDate newDeadline,
			@RequestParam(required = false) BigDecimal newTargetValue, RedirectAttributes redirect, Locale locale) {
		Problems.attempt(redirect, this.messages, locale, "work.adjustmentRequested",
				() -> this.adjustments.request(id, kind, reason, newDeadline, newTargetValue));
		return "redirect:/tasks/" + id;
	}

	@PostMapping("/task-adjustments/{id}/decide")
	@PreAuthorize("hasRole('SUPERVISOR')")
	String decide(@PathVariable long id, @RequestParam long taskId, @RequestParam boolean approved,
			@RequestParam(required = false) String comment, RedirectAttributes redirect, Locale locale) {
		Problems.attempt(redirect, this.messages, locale, "work.reviewed",
				() -> this.adjustments.decide(id, approved, blank(comment)));
		return "redirect:/tasks/" + taskId;
	}

	@PostMapping("/milestones/{id}/complete")
	String complete(@PathVariable long id, @RequestParam long taskId, @RequestParam LocalDate completedOn,
			RedirectAttributes redirect, Locale locale) {
		Problems.attempt(redirect, this.messages, locale, "work.milestoneDone",
				() -> this.taskBook.completeMilestone(id, completedOn, null));
		return "redirect:/tasks/" + taskId;
	}

	private static String blank(String text) {
		return (text == null || text.isBlank()) ? null : text;
	}

}
