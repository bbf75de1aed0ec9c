package dev.luoshi.organization.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.luoshi.organization.NewUnit;
import dev.luoshi.organization.Organization;
import dev.luoshi.organization.People;
import dev.luoshi.organization.Unit;
import dev.luoshi.organization.UnitChanges;
import dev.luoshi.organization.UnitKind;
import dev.luoshi.shared.DomainException;
import dev.luoshi.shared.PageRequest;
import dev.luoshi.shared.Problems;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The unit tree page: everyone reads it; administrators add, rename and move units. */
@Controller
class UnitPages {

	private final Organization organization;

	private final People people;

	private final MessageSource messages;

	UnitPages(Organization organization, People people, MessageSource messages) {
		this.organization = organization;
		this.people = people;
		this.messages = messages;
	}

	@GetMapping("/units")
	String tree(@RequestParam(required = false) Long id, Model model) {
		List<Unit> units = this.organization.allUnits();
		model.addAttribute("tree", tree(units));
		model.addAttribute("units", units);
		model.addAttribute("kinds", UnitKind.values());
		if (id != null) {
			Unit selected = this.organization.unit(id);
			model.addAttribute("selected", selected);
			model.addAttribute("staff", this.people.people(id, null, PageRequest.of(0, 100)).items());
		}
		return "units";
	}

	@PostMapping("/units")
	@PreAuthorize("hasRole('ADMIN')")
	String create(@RequestParam String code, @RequestParam String name, @RequestParam UnitKind kind,
			@RequestParam(required = false) Long parentId, @RequestParam(required = false) String peerGroup,
			RedirectAttributes redirect, Locale locale) {
		try {
			Unit unit = this.organization
				.createUnit(new NewUnit(code.strip(), name.strip(), kind, parentId, peerGroup, 0));
			redirect.addFlashAttribute("notice",
					this.messages.getMessage("units.created", new Object[] { unit.name() }, locale));
			return "redirect:/units?id=" + unit.id();
		}
		catch (DomainException ex) {
			redirect.addFlashAttribute("error", Problems.message(this.messages, ex, locale));
			return "redirect:/units" + ((parentId != null) ? "?id=" + parentId : "");
		}
	}

	@PostMapping("/units/{id}")
	@PreAuthorize("hasRole('ADMIN')")
	String update(@PathVariable long id, @RequestParam String name, @RequestParam UnitKind kind,
			@RequestParam(required = false) Long parentId, @RequestParam(required = false) String peerGroup,
			@RequestParam int version, RedirectAttributes redirect, Locale locale) {
		Problems.attempt(redirect, this.messages, locale, "units.saved",
				() -> this.organization.updateUnit(id, new UnitChanges(name.strip(), kind, parentId, parentId == null,
						(peerGroup != null) ? peerGroup : "", null, version)));
		return "redirect:/units?id=" + id;
	}

	static List<Node> tree(List<Unit> units) {
		Map<Long, Node> nodes = new LinkedHashMap<>();
		for (Unit unit : units) {
			nodes.put(unit.id(), new Node(unit, new ArrayList<>()));
		}
		List<Node> roots = new ArrayList<>();
		for (Node node : nodes.values()) {
			Node parent = (node.unit().parentId() != null) ? nodes.get(node.unit().parentId()) : null;
			if (parent != null) {
				parent.children().add(node);
			}
			else {
				roots.add(node);
			}
		}
		return roots;
	}

	/** A unit with the units directly below it. */
	record Node(Unit unit, List<Node> children) {
	}

}
