package dev.luoshi.work;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.luoshi.identity.Accounts;
import dev.luoshi.identity.DataScope;
import dev.luoshi.identity.DataScopes;
import dev.luoshi.organization.Organization;
import dev.luoshi.organization.People;
import dev.luoshi.shared.DomainException;
import dev.luoshi.shared.EntityChanged;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Launching campaigns and reading them within the caller's data scope. */
@Service
@Transactional
public class Campaigns {

	private final CampaignRepository campaigns;

	private final Organization organization;

	private final People people;

	private final Accounts accounts;

	private final DataScopes scopes;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Campaigns(CampaignRepository campaigns, Organization organization, People people, Accounts accounts,
			DataScopes scopes, ApplicationEventPublisher events, Clock clock) {
		this.campaigns = campaigns;
		this.organization = organization;
		this.people = people;
		this.accounts = accounts;
		this.scopes = scopes;
		this.events = events;
		this.clock = clock;
	}

	public Campaign launch(NewCampaign command) {
		if (this.campaigns.codeTaken(command.code())) {
			throw DomainException.conflict("duplicate-code", "A campaign with code " + command.code() + " exists",
					command.code());
		}
		if (command.endDate().isBefore(command.startDate())) {
			throw DomainException.invalid("endDate", "end-before-start", "The end date is before the start date");
		}
		if (this.people.findPerson(command.leadLeaderId()).isEmpty()) {
			throw DomainException.invalid("leadLeaderId", "unknown-person", "No person " + command.leadLeaderId(),
					command.leadLeaderId());
		}
		if (!this.organization.unitExists(command.leadUnitId())) {
			throw DomainException.invalid("leadUnitId", "unknown-unit", "No unit " + command.leadUnitId(),
					command.leadUnitId());
		}
		List<Long> members = Objects.requireNonNullElse(command.taskForceUserIds(), List.of());
		for (Long member : members) {
			if (!this.accounts.exists(member)) {
				throw DomainException.invalid("taskForceUserIds", "unknown-user", "No user " + member, member);
			}
		}
		List<NewCampaign.PhasePlan> phases = Objects.requireNonNullElse(command.phases(), List.of());
		for (NewCampaign.PhasePlan phase : phases) {
			if (phase.endDate().isBefore(phase.startDate())) {
				throw DomainException.invalid("phases", "end-before-start", "A phase ends before it starts");
			}
		}
		long id = this.campaigns.insert(command, Objects.requireNonNullElse(command.category(), Category.CAMPAIGN),
				Objects.requireNonNullElse(command.reportingCycle(), ReportingCycle.MONTHLY),
				Objects.requireNonNullElse(command.reportDueDay(), 25), this.clock.instant());
		for (int i = 0; i < phases.size(); i++) {
			this.campaigns.addPhase(id, phases.get(i), i);
		}
		members.stream().distinct().forEach((member) -> this.campaigns.addMember(id, member));
		Campaign created = view(row(id));
		this.events.publishEvent(EntityChanged.created("campaign", id, created));
		return created;
	}

	/**
	 * Puts the campaign in these leaders' portfolios (分管), besides its lead leader: they
	 * see it whole, as the lead leader does.
	 */
	public Campaign assignLeaders(long id, List<Long> personIds) {
		Campaign before = view(row(id));
		List<Long> distinct = personIds.stream().distinct().toList();
		for (Long person : distinct) {
			if (this.people.findPerson(person).isEmpty()) {
				throw DomainException.invalid("personIds", "unknown-person", "No person " + person, person);
			}
		}
		this.campaigns.replaceLeaders(id, distinct);
		Campaign after = view(row(id));
		this.events.publishEvent(new EntityChanged("campaign", String.valueOf(id), "LEADERS_ASSIGNED",
				Map.of("leaders", before.portfolioLeaderIds()), Map.of("leaders", distinct)));
		return after;
	}

	/** A campaign the caller may see (403 otherwise, 404 if there is none). */
	@Transactional(readOnly = true)
	public Campaign campaign(long id) {
		CampaignRepository.Row row = row(id);
		DataScope scope = this.scopes.current();
		if (!scope.all() && visible(scope).stream().noneMatch((visible) -> visible.id() == id)) {
			throw DomainException.forbidden("Campaign " + id + " is outside your data scope");
		}
		return view(row);
	}

	/** Whether there is such a campaign, whoever asks. */
	@Transactional(readOnly = true)
	public boolean exists(long id) {
		return this.campaigns.find(id).isPresent();
	}

	@Transactional(readOnly = true)
	public List<Campaign> campaigns() {
		return views(visible(this.scopes.current()));
	}

	/**
	 * The campaigns the scope follows as leader, leader in charge or task force member.
	 */
	@Transactional(readOnly = true)
	public List<Long> followed(DataScope scope) {
		return this.campaigns.followedBy(scope);
	}

	/** How many tasks show the light, in one campaign or in all. */
	long tasksWithLight(Light light, Long campaignId) {
		return this.campaigns.tasksWithLight(light, campaignId);
	}

	CampaignRepository.Row row(long id) {
		return this.campaigns.find(id).orElseThrow(() -> DomainException.notFound("campaign", id));
	}

	private List<CampaignRepository.Row> visible(DataScope scope) {
		return this.campaigns.visible(scope, scope.all() ? List.of() : this.campaigns.followedBy(scope));
	}

	private Campaign view(CampaignRepository.Row row) {
		return views(List.of(row)).get(0);
	}

	/**
	 * The campaigns' views in a fixed number of queries: a province's 1,400 campaigns
	 * took seven queries each.
	 */
	private List<Campaign> views(List<CampaignRepository.Row> rows) {
		CampaignRepository.Details details = this.campaigns
			.details(rows.stream().map(CampaignRepository.Row::id).toList());
		Map<Long, String> leaders = this.people
			.names(rows.stream().map(CampaignRepository.Row::leadLeaderId).distinct().toList());
		Map<Long, String> units = this.organization
			.unitNames(rows.stream().map(CampaignRepository.Row::leadUnitId).distinct().toList());
		return rows.stream().map((row) -> {
			Map<String, Long> lights = details.lights().getOrDefault(row.id(), Map.of());
			return new Campaign(row.id(), row.code(), row.name(), row.year(), row.category(),
					new PersonRef(row.leadLeaderId(), leaders.get(row.leadLeaderId())), row.leadUnitId(),
					units.get(row.leadUnitId()), row.startDate(), row.endDate(), row.plan(), row.reportingCycle(),
					row.reportDueDay(), details.phases().getOrDefault(row.id(), List.of()),
					details.members().getOrDefault(row.id(), List.of()),
					details.leaders().getOrDefault(row.id(), List.of()),
					new Campaign.LightCounts(lights.getOrDefault("GREEN", 0L), lights.getOrDefault("YELLOW", 0L),
							lights.getOrDefault("RED", 0L), lights.getOrDefault("DONE", 0L)),
					row.version());
		}).toList();
	}

}
