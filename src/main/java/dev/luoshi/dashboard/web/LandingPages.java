package dev.luoshi.dashboard.web;

import java.util.List;
import java.util.Locale;

import dev.luoshi.identity.Accounts;
import dev.luoshi.organization.Organization;
import dev.luoshi.organization.People;
import dev.luoshi.shared.PageRequest;
import dev.luoshi.work.Campaign;
import dev.luoshi.work.Campaigns;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The landing page after signing in: the campaigns the caller may see with their lights
 * and a chart of them, each leading to its battle map; then the organisation's figures.
 */
@Controller
class LandingPages {

	private final Campaigns campaigns;

	private final Organization organization;

	private final People people;

	private final Accounts accounts;

	private final LightCharts lightCharts;

	LandingPages(Campaigns campaigns, Organization organization, People people, Accounts accounts,
			LightCharts lightCharts) {
		this.campaigns = campaigns;
		this.organization = organization;
		this.people = people;
		this.accounts = accounts;
		this.lightCharts = lightCharts;
	}

	@GetMapping("/")
	String home(Model model, Locale locale) {
		List<Campaign> campaigns = this.campaigns.campaigns();
		model.addAttribute("campaigns", campaigns);
		model.addAttribute("charts", !campaigns.isEmpty());
		model.addAttribute("lightChart", this.lightCharts.byCampaign(campaigns, locale));
		model.addAttribute("unitCount", this.organization.unitCount());
		model.addAttribute("personCount", this.people.count());
		model.addAttribute("accountCount", this.accounts.accounts(null, null, PageRequest.of(0, 1)).total());
		model.addAttribute("roots",
				this.organization.units(null, null, null, null, PageRequest.of(0, 20))
					.items()
					.stream()
					.filter((unit) -> unit.depth() == 0)
					.toList());
		return "index";
	}

}
