package dev.luoshi.web;

import jakarta.servlet.http.HttpServletRequest;

import dev.luoshi.identity.CurrentUser;
import dev.luoshi.identity.CurrentUsers;
import dev.luoshi.identity.Role;
import dev.luoshi.shared.TimeProperties;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page's shell needs: who is signed in, which page is open, the zone of times.
 * Cheap on purpose: it runs for every controller, the API's too; the header's unread
 * count is asked for by the layout itself ({@link PageHeader}).
 */
@ControllerAdvice(annotations = Controller.class)
class PageModel {

	private final String zone;

	PageModel(TimeProperties time) {
		this.zone = time.zone().getId();
	}

	/**
	 * The zone in which pages show instants, e.g. Asia/Shanghai ({@code luoshi.zone}).
	 */
	@ModelAttribute("zone")
	String zone() {
		return this.zone;
	}

	@ModelAttribute("viewer")
	Viewer viewer() {
		return CurrentUsers.current().map(Viewer::of).orElse(null);
	}

	@ModelAttribute("currentPath")
	String currentPath(HttpServletRequest request) {
		return request.getRequestURI();
	}

	/** The signed-in user as the pages see them. */
	record Viewer(String displayName, String username, boolean admin, boolean supervisor, boolean leader,
			boolean unitHead, boolean operator, boolean auditor) {

		static Viewer of(CurrentUser user) {
			return new Viewer(user.displayName(), user.username(), user.hasRole(Role.ADMIN),
					user.hasRole(Role.SUPERVISOR), user.hasRole(Role.LEADER), user.hasRole(Role.UNIT_HEAD),
					user.hasRole(Role.UNIT_OPERATOR), user.hasRole(Role.AUDITOR));
		}

	}

}
