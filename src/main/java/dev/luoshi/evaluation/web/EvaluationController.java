package dev.luoshi.evaluation.web;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;

import dev.luoshi.evaluation.AnnualAssessment;
import dev.luoshi.evaluation.AnnualResult;
import dev.luoshi.evaluation.AssessorScore;
import dev.luoshi.evaluation.NewScheme;
import dev.luoshi.evaluation.Ranking;
import dev.luoshi.evaluation.RankingEntry;
import dev.luoshi.evaluation.Rankings;
import dev.luoshi.evaluation.Scheme;
import dev.luoshi.evaluation.Schemes;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Schemes, assessor scores, rankings and the annual assessment over HTTP. */
@RestController
class EvaluationController {

	private final Schemes schemes;

	private final Rankings rankings;

	private final AnnualAssessment annual;

	EvaluationController(Schemes schemes, Rankings rankings, AnnualAssessment annual) {
		this.schemes = schemes;
		this.rankings = rankings;
		this.annual = annual;
	}

	@PostMapping("/api/v1/schemes")
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
	ResponseEntity<Scheme> create(@RequestBody NewScheme scheme) {
		Scheme created = this.schemes.create(scheme);
		return ResponseEntity.created(URI.create("/api/v1/schemes/" + created.id())).body(created);
	}

	@GetMapping("/api/v1/schemes")
	List<Scheme> schemes(@RequestParam(required = false) Integer year) {
		return this.schemes.schemes(year);
	}

	@GetMapping("/api/v1/schemes/{id}")
	Scheme scheme(@PathVariable long id) {
		return this.schemes.scheme(id);
	}

	@PutMapping("/api/v1/schemes/{id}")
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
	Scheme update(@PathVariable long id, @RequestBody NewScheme scheme) {
		return this.schemes.update(id, scheme);
	}

	@PostMapping("/api/v1/schemes/{id}/scores")
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
	AssessorScore score(@PathVariable long id, @RequestBody ScoreEntry entry) {
		return this.schemes.enterScore(id, entry.period(), entry.unitId(), entry.indicator(), entry.score());
	}

	@PostMapping("/api/v1/schemes/{id}/rankings")
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
	Ranking compute(@PathVariable long id, @RequestBody PeriodBody body) {
		return this.rankings.compute(id, body.period());
	}

	@GetMapping("/api/v1/schemes/{id}/rankings")
	List<Ranking> rankingsOf(@PathVariable long id) {
		return this.rankings.rankings(id);
	}

	/**
	 * The entries of a ranking; published ones also for viewers and, on public boards,
	 * anyone.
	 */
	@GetMapping("/api/v1/rankings")
	List<RankingEntry> ranking(@RequestParam long schemeId, @RequestParam String period,
			@RequestParam(required = false) String peerGroup) {
		return this.rankings.entries(schemeId, period, peerGroup);
	}

	@GetMapping("/api/v1/rankings/{id}")
	Ranking ranking(@PathVariable long id) {
		return this.rankings.ranking(id);
	}

	@PostMapping("/api/v1/rankings/{id}/publish")
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
	Ranking publish(@PathVariable long id) {
		return this.rankings.publish(id);
	}

	@PostMapping("/api/v1/rankings/{id}/unpublish")
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
	Ranking unpublish(@PathVariable long id) {
		return this.rankings.unpublish(id);
	}

	@PostMapping("/api/v1/schemes/{id}/annual")
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
	List<AnnualResult> assess(@PathVariable long id, @RequestBody YearBody body) {
		return this.annual.assess(id, body.year());
	}

	@GetMapping("/api/v1/schemes/{id}/annual")
	List<AnnualResult> annual(@PathVariable long id, @RequestParam int year) {
		return this.annual.results(id, year);
	}

	record ScoreEntry(String period, Long unitId, String indicator, BigDecimal score) {
	}

	record PeriodBody(String period) {
	}

	record YearBody(Integer year) {
	}

}
