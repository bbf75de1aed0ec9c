package dev.luoshi.notification.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.luoshi.notification.Deliveries;
import dev.luoshi.notification.Notification;
import dev.luoshi.notification.Notifications;
import dev.luoshi.notification.Robot;
import dev.luoshi.notification.RobotKind;
import dev.luoshi.shared.Page;
import dev.luoshi.shared.PageRequest;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caller's inbox, their contact preferences, group robots and the delivery run. */
@RestController
class InboxController {

	private final Notifications notifications;

	private final Deliveries deliveries;

	InboxController(Notifications notifications, Deliveries deliveries) {
		this.notifications = notifications;
		this.deliveries = deliveries;
	}

	@GetMapping("/api/v1/inbox")
	Page<Notification> inbox(@RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return this.notifications.inbox(PageRequest.of(page, size));
	}

	@PostMapping("/api/v1/inbox/{id}/read")
	ResponseEntity<Void> read(@PathVariable long id) {
		this.notifications.markRead(id);
		return ResponseEntity.noContent().build();
	}

	@PutMapping("/api/v1/inbox/preferences")
	Map<String, Object> preferences(@Valid @RequestBody Preferences preferences) {
		this.notifications.setContact(preferences.email(), Boolean.TRUE.equals(preferences.digest()));
		return Map.of("email", (preferences.email() != null) ? preferences.email() : "", "digest",
				Boolean.TRUE.equals(preferences.digest()));
	}

	record Preferences(@Email @Size(max = 200) String email, Boolean digest) {
	}

	@PostMapping("/api/v1/robots")
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
	ResponseEntity<Robot> addRobot(@Valid @RequestBody NewRobot robot) {
		Robot created = this.notifications.addRobot(robot.unitId(), robot.kind(), robot.name(), robot.url(),
				robot.secret());
		return ResponseEntity.created(URI.create("/api/v1/robots/" + created.id())).body(created);
	}

	record NewRobot(Long unitId, @NotNull RobotKind kind, @NotBlank @Size(max = 100) String name,
			@NotBlank @Size(max = 1000) @Pattern(regexp = "https?://.+") String url, @Size(max = 200) String secret) {
	}

	@GetMapping("/api/v1/robots")
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
	List<Robot> robots() {
		return this.notifications.robots();
	}

	@PostMapping("/api/v1/notifications/deliveries/run")
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
	Deliveries.Run deliver() {
		return this.deliveries.run();
	}

}
