package dev.luoshi.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The login form. The landing page behind it is the dashboard's, which shows the
 * campaigns.
 */
@Controller
class HomePages {

	@GetMapping("/login")
	String login() {
		return "login";
	}

}
