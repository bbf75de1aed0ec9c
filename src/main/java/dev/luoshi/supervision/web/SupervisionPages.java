package dev.luoshi.supervision.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import dev.luoshi.identity.CurrentUser;
import dev.luoshi.identity.DataScopes;
import dev.luoshi.notification.Notifications;
import dev.luoshi.organization.Organization;
import dev.luoshi.organization.UnitKind;
import dev.luoshi.shared.DomainException;
import dev.luoshi.shared.PageRequest;
import dev.luoshi.shared.Problems;
import dev.luoshi.shared.Spreadsheets;
import dev.luoshi.supervision.Escalations;
import dev.luoshi.supervision.Findings;
import dev.luoshi.supervision.Inspection;
import dev.luoshi.supervision.LaggingList;
import dev.luoshi.supervision.NewNotice;
import dev.luoshi.supervision.NoticeExports;
import dev.luoshi.supervision.Notice;
import dev.luoshi.supervision.NoticeLevel;
import dev.luoshi.supervision.NoticeStatus;
import dev.luoshi.supervision.Notices;
import dev.luoshi.supervision.Rectification;
import dev.luoshi.supervision.SupervisionFile.Owner;
import dev.luoshi.supervision.SupervisionFiles;
import dev.luoshi.supervision.Rectifications;
import dev.luoshi.work.Campaigns;

import org.springframework.context.MessageSource;
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
 * The pages of supervision: the office's desk (issue a notice, the escalation queue, the
 * verification queue), a notice with its answer and rectification, a unit's inbox, the
 * month's inspection plan, the lagging list and the rectification ledger.
 */
@Controller
class SupervisionPages {

	private static final Pattern LOCAL_PATH = Pattern.compile("/[A-Za-z0-9/_.~%?=&-]*");

	private final Notices notices;

	private final Rectifications rectifications;

	private final SupervisionFiles files;

	private final Campaigns campaigns;

	private final NoticeExports exports;

	private final Escalations escalations;

	private final Findings findings;

	private final LaggingList lagging;

	private final Notifications notifications;

	private final Organization organization;

	private final DataScopes scopes;

	private final MessageSource messages;

	private final Clock clock;

	SupervisionPages(Notices notices, Rectifications rectifications, SupervisionFiles files, Escalations escalations,
			Findings findings, LaggingList lagging, Campaigns campaigns, Notifications notifications,
			Organization organization, DataScopes scopes, MessageSource messages, NoticeExports exports, Clock clock) {
		this.exports = exports;
		this.notices = notices;
		this.rectifications = rectifications;
		this.files = files;
		this.campaigns = campaigns;
		this.escalations = escalations;
		this.findings = findings;
		this.lagging = lagging;
		this.notifications = notifications;
		this.organization = organization;
		this.scopes = scopes;
		this.messages = messages;
		this.clock = clock;
	}

	/** 督办台: issue a notice (prefilled from a task, project or finding), the queues. */
	@GetMapping("/supervision")
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
	String desk(@RequestParam(required = false) Long unitId, @RequestParam(required = false) Long taskId,
			@RequestParam(required = false) Long projectId, @RequestParam(required = false) Long findingId,
			@RequestParam(required = false) String subject, Model model) {
		model.addAttribute("units", units());
		model.addAttribute("levels", NoticeLevel.values());
		model.addAttribute("draft", new Draft(unitId, taskId, projectId, findingId, subject));
		model.addAttribute("overdue",
				this.notices.notices(null, null, NoticeStatus.OVERDUE, PageRequest.of(0, 50)).items());
		model.addAttribute("recent", this.notices.notices(null, null, null, PageRequest.of(0, 30)).items());
		List<Rectification> toVerify = this.rectifications.ledger(null, null, Rectification.Status.SUBMITTED);
		model.addAttribute("toVerify", toVerify);
		model.addAttribute("files", this.files.byOwner(Owner.RECTIFICATION, ids(toVerify)));
		model.addAttribute("rules", this.escalations.rules());
		return "supervision/desk";
	}

	/** What the issue form starts with. */
	record Draft(Long unitId, Long taskId, Long projectId, Long findingId, String subject) {
	}

	@PostMapping("/supervision/notices")
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
	String issue(@RequestParam long unitId, @RequestParam NoticeLevel level, @RequestParam String subject,
			@RequestParam(required = false) String body, @RequestParam(required = false) Long taskId,
			@RequestParam(required = false) Long projectId, @RequestParam(required = false) Long findingId,
			@RequestParam(required = false) Integer hours, RedirectAttributes redirect, Locale locale) {
		try {
			Notice issued = this.notices
				.issue(new NewNotice(unitId, level, subject, blank(body), taskId, projectId, findingId, hours));
			redirect.addFlashAttribute("notice", this.messages.getMessage("supervision.issued", null, locale));
			return "redirect:/notices/" + issued.id();
		}
		catch (DomainException ex) {
			// back to the desk with what was typed, and why it was refused
			redirect.addFlashAttribute("error", Problems.message(this.messages, ex, locale));
			redirect.addAttribute("unitId", unitId);
			redirect.addAttribute("subject", subject);
			if (taskId != null) {
				redirect.addAttribute("taskId", taskId);
			}
			if (projectId != null) {
				redirect.addAttribute("projectId", projectId);
			}
			if (findingId != null) {
				redirect.addAttribute("findingId", findingId);
			}
			return "redirect:/supervision";
		}
	}

	@PostMapping("/supervision/escalations/run")
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
	String run(RedirectAttributes redirect, Locale locale) {
		int created = this.escalations.run().size();
		redirect.addFlashAttribute("notice",
				this.messages.getMessage("supervision.escalated", new Object[] { created }, locale));
		return "redirect:/supervision";
	}

	/** 督办台账: every notice the caller may see, by unit, level and state, paged. */
	@GetMapping("/notices")
	String register(@RequestParam(required = false) Long unitId, @RequestParam(required = false) NoticeLevel level,
			@RequestParam(required = false) NoticeStatus status, @RequestParam(defaultValue = "0") int page,
			Model model) {
		model.addAttribute("notices",
				this.notices.notices(unitId, level, status, PageRequest.of(Math.max(0, page), 50)));
		model.addAttribute("units", units());
		model.addAttribute("levels", NoticeLevel.values());
		model.addAttribute("statuses", NoticeStatus.values());
		model.addAttribute("unitId", unitId);
		model.addAttribute("level", level);
		model.addAttribute("status", status);
		return "supervision/register";
	}

	@GetMapping("/notices/ledger.xlsx")
	ResponseEntity<byte[]> registerLedger(@RequestParam(required = false) Long unitId,
			@RequestParam(required = false) NoticeLevel level, @RequestParam(required = false) NoticeStatus status) {
		return Spreadsheets.download("notices.xlsx", this.exports.ledger(unitId, level, status));
	}

	@GetMapping("/notices/{id}")
	String notice(@PathVariable long id, Model model) {
		Notice notice = this.notices.notice(id);
		// not "notice": that is the flash message a page shows after an action
		model.addAttribute("theNotice", notice);
		List<Rectification> rectifications = this.rectifications.ofNotice(id);
		model.addAttribute("rectifications", rectifications);
		model.addAttribute("files", this.files.byOwner(Owner.RECTIFICATION, ids(rectifications)));
		model.addAttribute("today", LocalDate.now(this.clock));
		return "supervision/notice";
	}

	@PostMapping("/notices/{id}/acknowledge")
	String acknowledge(@PathVariable long id, RedirectAttributes redirect, Locale locale) {
		Problems.attempt(redirect, this.messages, locale, "supervision.acknowledged",
				() -> this.notices.acknowledge(id));
		return "redirect:/notices/" + id;
	}

	@PostMapping("/notices/{id}/respond")
	String respond(@PathVariable long id, @RequestParam String text, RedirectAttributes redirect, Locale locale) {
		Problems.attempt(redirect, this.messages, locale, "supervision.responded",
				() -> this.notices.respond(id, text));
		return "redirect:/notices/" + id;
	}

	@PostMapping("/notices/{id}/close")
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
	String close(@PathVariable long id, RedirectAttributes redirect, Locale locale) {
		Problems.attempt(redirect, this.messages, locale, "supervision.closed", () -> this.notices.close(id));
		return "redirect:/notices/" + id;
	}

	@PostMapping("/notices/{id}/rectifications")
	String rectify(@PathVariable long id, @RequestParam String measures, @RequestParam LocalDate dueDate,
			RedirectAttributes redirect, Locale locale) {
		Problems.attempt(redirect, this.messages, locale, "supervision.rectificationOpened",
				() -> this.rectifications.open(id, measures, dueDate));
		return "redirect:/notices/" + id;
	}

	@PostMapping("/rectifications/{id}/submit")
	String submit(@PathVariable long id, @RequestParam String evidence,
			@RequestParam(name = "files", required = false) List<MultipartFile> uploads, @RequestParam String back,
			RedirectAttributes redirect, Locale locale) {
		List<SupervisionFiles.Upload> files = (uploads != null)
				? uploads.stream().filter((file) -> !file.isEmpty()).map(SupervisionFileController::upload).toList()
				: List.of();
		Problems.attempt(redirect, this.messages, locale, "supervision.submitted",
				() -> this.files.submit(id, evidence, files));
		return "redirect:" + safe(back);
	}

	@PostMapping("/rectifications/{id}/verify")
	@PreAuthorize("hasRole('SUPERVISOR')")
	String verify(@PathVariable long id, @RequestParam boolean passed, @RequestParam(required = false) String comment,
			@RequestParam String back, RedirectAttributes redirect, Locale locale) {
		Problems.attempt(redirect, this.messages, locale, passed ? "supervision.verified" : "supervision.rejected",
				() -> this.rectifications.verify(id, passed, blank(comment)));
		return "redirect:" + safe(back);
	}

	/** 督办与消息: what is addressed to the caller's unit, and the caller's notifications. */
	@GetMapping("/inbox")
	String inbox(Model model) {
		CurrentUser user = this.scopes.caller().orElseThrow();
		model.addAttribute("unitNotices",
				this.notices.notices(user.unitId(), null, null, PageRequest.of(0, 50)).items());
		model.addAttribute("notifications", this.notifications.inbox(PageRequest.of(0, 50)).items());
		model.addAttribute("contact", this.notifications.contact());
		return "supervision/inbox";
	}

	@PostMapping("/inbox/preferences")
	String preferences(@RequestParam(required = false) String email,
			@RequestParam(required = false, defaultValue = "false") boolean digest, RedirectAttributes redirect,
			Locale locale) {
		Problems.attempt(redirect, this.messages, locale, "supervision.preferencesSaved",
				() -> this.notifications.setContact(email, digest));
		return "redirect:/inbox";
	}

	@PostMapping("/inbox/{id}/read")
	String read(@PathVariable long id, @RequestParam(required = false) String link) {
		this.notifications.markRead(id);
		return "redirect:" + ((link != null) ? safe(link) : "/inbox");
	}

	@GetMapping("/supervision/inspections")
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN', 'LEADER')")
	String inspections(@RequestParam(required = false) YearMonth month, Model model) {
		YearMonth shown = (month != null) ? month : YearMonth.now(this.clock);
		model.addAttribute("month", shown);
		model.addAttribute("previous", shown.minusMonths(1));
		model.addAttribute("next", shown.plusMonths(1));
		List<Inspection> inspections = this.findings.plan(shown);
		model.addAttribute("inspections", inspections);
		model.addAttribute("photos",
				this.files.byOwner(Owner.INSPECTION, inspections.stream().map(Inspection::id).toList()));
		model.addAttribute("kinds", Inspection.Kind.values());
		// people's findings; what the rules detect is on the desk as their notices
		model.addAttribute("findings", this.findings.peoplesFindings(30));
		return "supervision/inspections";
	}

	@PostMapping("/supervision/inspections")
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
	String plan(@RequestParam Inspection.Kind kind, @RequestParam String title,
			@RequestParam(required = false) String scope, @RequestParam(required = false) String inspectors,
			@RequestParam LocalDate plannedOn, RedirectAttributes redirect, Locale locale) {
		Problems.attempt(redirect, this.messages, locale, "supervision.planned",
				() -> this.findings.planInspection(kind, title, blank(scope), blank(inspectors), plannedOn));
		return "redirect:/supervision/inspections?month=" + YearMonth.from(plannedOn);
	}

	@PostMapping("/supervision/inspections/{id}/photos")
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
	String addPhoto(@PathVariable long id, @RequestParam MultipartFile file, RedirectAttributes redirect,
			Locale locale) {
		Problems.attempt(redirect, this.messages, locale, "supervision.photoAdded",
				() -> this.files.attachPhoto(id, SupervisionFileController.upload(file)));
		return "redirect:/supervision/inspections?month=" + YearMonth.from(this.findings.inspection(id).plannedOn());
	}

	@GetMapping("/supervision/lagging")
	String lagging(Model model) {
		model.addAttribute("units", this.lagging.units(30));
		return "supervision/lagging";
	}

	@GetMapping("/rectifications")
	String ledger(@RequestParam(required = false) Long unitId, @RequestParam(required = false) Long campaignId,
			@RequestParam(required = false) Rectification.Status status, Model model) {
		List<Rectification> rectifications = this.rectifications.ledger(unitId, campaignId, status);
		model.addAttribute("rectifications", rectifications);
		model.addAttribute("files", this.files.byOwner(Owner.RECTIFICATION, ids(rectifications)));
		model.addAttribute("units", units());
		model.addAttribute("campaigns", this.campaigns.campaigns());
		model.addAttribute("unitId", unitId);
		model.addAttribute("campaignId", campaignId);
		model.addAttribute("status", status);
		model.addAttribute("statuses", Rectification.Status.values());
		return "supervision/rectifications";
	}

	private static List<Long> ids(List<Rectification> rectifications) {
		return rectifications.stream().map(Rectification::id).toList();
	}

	private List<dev.luoshi.organization.Unit> units() {
		return this.organization.allUnits().stream().filter((unit) -> unit.kind() != UnitKind.REGION).toList();
	}

	/** Only paths of this site, never another site, after an action. */
	/**
	 * A path of this site to go back to: a plain local path (no scheme, host, backslash,
	 * template braces or control characters), or the inbox.
	 */
	static String safe(String path) {
		return (path != null && LOCAL_PATH.matcher(path).matches() && !path.startsWith("//")) ? path : "/inbox";
	}

	private static String blank(String text) {
		return (text == null || text.isBlank()) ? null : text;
	}

}
