package dev.luoshi.work.web;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import dev.luoshi.work.Campaign;
import dev.luoshi.work.Campaigns;
import dev.luoshi.work.NewCampaign;
import dev.luoshi.work.NewTask;
import dev.luoshi.work.Task;
import dev.luoshi.work.TaskBook;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Campaigns and their task books over HTTP. */
@RestController
@RequestMapping("/api/v1/campaigns")
class CampaignController {

	private final Campaigns campaigns;

	private final TaskBook taskBook;

	CampaignController(Campaigns campaigns, TaskBook taskBook) {
		this.campaigns = campaigns;
		this.taskBook = taskBook;
	}

	@PostMapping
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
	ResponseEntity<Campaign> launch(@Valid @RequestBody NewCampaign campaign) {
		Campaign created = this.campaigns.launch(campaign);
		return ResponseEntity.created(URI.create("/api/v1/campaigns/" + created.id())).body(created);
	}

	@GetMapping
	List<Campaign> list() {
		return this.campaigns.campaigns();
	}

	@GetMapping("/{id}")
	Campaign get(@PathVariable long id) {
		return this.campaigns.campaign(id);
	}

	@PutMapping("/{id}/leaders")
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
	Campaign assignLeaders(@PathVariable long id, @Valid @RequestBody Leaders leaders) {
		return this.campaigns.assignLeaders(id, leaders.personIds());
	}

	record Leaders(@NotNull List<@NotNull Long> personIds) {
	}

	@PostMapping("/{id}/tasks")
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
	ResponseEntity<Task> addTask(@PathVariable long id, @Valid @RequestBody NewTask task) {
		Task created = this.taskBook.addTask(id, task);
		return ResponseEntity.created(URI.create("/api/v1/tasks/" + created.id())).body(created);
	}

	@GetMapping("/{id}/tasks")
	List<Task> tree(@PathVariable long id) {
		return this.taskBook.tree(id);
	}

}
