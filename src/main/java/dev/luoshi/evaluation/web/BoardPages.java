package dev.luoshi.evaluation.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.luoshi.shared.Period;
import dev.luoshi.evaluation.Ranking;
import dev.luoshi.evaluation.Rankings;
import dev.luoshi.evaluation.Scheme;
import dev.luoshi.evaluation.Schemes;
import dev.luoshi.shared.DomainException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * 比拼晾晒: the published rankings of the public schemes, for anyone, signed in or not. Only
 * what is published shows here, whoever asks: the office reviews the rest on its own
 * pages.
 */
@Controller
class BoardPages {

	private final Schemes schemes;

	private final Rankings rankings;

	private final RankingTables tables;

	BoardPages(Schemes schemes, Rankings rankings, RankingTables tables) {
		this.schemes = schemes;
		this.rankings = rankings;
		this.tables = tables;
	}

	/** The latest published ranking of each public scheme, newest year first. */
	@GetMapping("/board")
	String board(Model model, Locale locale) {
		List<Board> boards = new ArrayList<>();
		for (Scheme scheme : this.schemes.schemes(null)) {
			if (!scheme.publicBoard()) {
				continue;
			}
			List<Ranking> published = published(scheme);
			if (!published.isEmpty()) {
				boards.add(board(scheme, published.get(0), published, locale));
			}
		}
		model.addAttribute("boards", boards);
		model.addAttribute("charts", !boards.isEmpty());
		return "evaluation/board";
	}

	/** One published ranking of a public scheme; anything else is not found. */
	@GetMapping("/board/{schemeId}/{period}")
	String ranking(@PathVariable long schemeId, @PathVariable String period, Model model, Locale locale) {
		Scheme scheme = this.schemes.scheme(schemeId);
		String name = Period.parse("period", period).name();
		List<Ranking> published = scheme.publicBoard() ? published(scheme) : List.of();
		Ranking ranking = published.stream()
			.filter((each) -> each.period().equals(name))
			.findFirst()
			.orElseThrow(() -> DomainException.notFound("ranking", scheme.code() + " " + name));
		model.addAttribute("boards", List.of(board(scheme, ranking, published, locale)));
		model.addAttribute("charts", true);
		return "evaluation/board";
	}

	private List<Ranking> published(Scheme scheme) {
		return this.rankings.rankings(scheme.id())
			.stream()
			.filter((ranking) -> ranking.status() == Ranking.Status.PUBLISHED)
			.toList();
	}

	private Board board(Scheme scheme, Ranking ranking, List<Ranking> published, Locale locale) {
		return new Board(scheme, ranking,
				this.tables.groups(scheme.peerGroups(), this.rankings.ranking(ranking.id()).entries(), locale),
				published.stream().map(Ranking::period).toList());
	}

	/** A scheme's published ranking by peer group, and the other periods published. */
	record Board(Scheme scheme, Ranking ranking, List<RankingTables.Group> groups, List<String> periods) {
	}

}
