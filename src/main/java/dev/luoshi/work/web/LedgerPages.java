package dev.luoshi.work.web;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;

import dev.luoshi.shared.DomainException;
import dev.luoshi.shared.FileStore;
import dev.luoshi.shared.Problems;
import dev.luoshi.shared.Spreadsheets;
import dev.luoshi.work.Attachment;
import dev.luoshi.work.CampaignAttachments;
import dev.luoshi.work.Campaigns;
import dev.luoshi.work.ImportResult;
import dev.luoshi.work.TaskBook;
import dev.luoshi.work.TaskExports;
import dev.luoshi.work.TaskImports;

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
 * Importing a ledger from the campaign page (with the refused rows shown), and downloads.
 */
@Controller
class LedgerPages {

	private final TaskImports imports;

	private final TaskExports exports;

	private final Campaigns campaigns;

	private final TaskBook taskBook;

	private final CampaignAttachments attachments;

	private final MessageSource messages;

	private final Clock clock;

	LedgerPages(TaskImports imports, TaskExports exports, Campaigns campaigns, TaskBook taskBook,
			CampaignAttachments attachments, MessageSource messages, Clock clock) {
		this.attachments = attachments;
		this.imports = imports;
		this.exports = exports;
		this.campaigns = campaigns;
		this.taskBook = taskBook;
		this.messages = messages;
		this.clock = clock;
	}

	@PostMapping("/campaigns/{id}/import")
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
	String importLedger(@PathVariable long id, @RequestParam("file") MultipartFile file, Model model,
			RedirectAttributes redirect, Locale locale) throws IOException {
		try (InputStream input = file.getInputStream()) {
			ImportResult result = this.imports.importLedger(id, input);
			redirect.addFlashAttribute("notice",
					this.messages.getMessage("work.imported", new Object[] { result.imported() }, locale));
			return "redirect:/campaigns/" + id;
		}
		catch (DomainException ex) {
			model.addAttribute("error", Problems.message(this.messages, ex, locale));
			if (ex instanceof DomainException.Invalid invalid) {
				model.addAttribute("importErrors", invalid.rowErrors());
			}
			model.addAttribute("campaign", this.campaigns.campaign(id));
			model.addAttribute("tree", this.taskBook.tree(id));
			model.addAttribute("attachments", this.attachments.ofCampaign(id));
			model.addAttribute("today", LocalDate.now(this.clock));
			return "work/campaign";
		}
	}

	@GetMapping("/campaigns/{id}/ledger.xlsx")
	ResponseEntity<byte[]> export(@PathVariable long id) {
		return Spreadsheets.download("task-book-" + id + ".xlsx", this.exports.campaignLedger(id));
	}

	@GetMapping("/campaign-attachments/{id}")
	ResponseEntity<Resource> attachment(@PathVariable long id) {
		Attachment attachment = this.attachments.attachment(id);
		return FileStore.serve(this.attachments.file(id), attachment.fileName(), attachment.contentType(), true);
	}

	@GetMapping("/ledger-template.xlsx")
	ResponseEntity<byte[]> template() {
		return Spreadsheets.download("task-ledger-template.xlsx", this.exports.template());
	}

}
