package dev.luoshi.dashboard;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.luoshi.identity.DataScope;
import dev.luoshi.identity.DataScopes;
import dev.luoshi.organization.Organization;
import dev.luoshi.organization.People;
import dev.luoshi.project.Headquarters;
import dev.luoshi.project.HeadquartersTree;
import dev.luoshi.project.Project;
import dev.luoshi.project.ProjectQuery;
import dev.luoshi.project.Projects;
import dev.luoshi.shared.DomainException;
import dev.luoshi.shared.PageRequest;
import dev.luoshi.work.Campaign;
import dev.luoshi.work.Campaigns;
import dev.luoshi.work.Task;
import dev.luoshi.work.TaskBook;
import dev.luoshi.work.TaskQuery;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The battle maps (挂图作战) of a campaign, a headquarters, a leader's portfolio and a unit.
 * Each is refused (403) outside the caller's data scope and reads a constant number of
 * queries however many tasks there are: one tree or list of tasks with their milestones,
 * the projects, two grouped investment queries and a page of notices.
 */
@Service
@Transactional(readOnly = true)
public class BattleMaps {

	private final Campaigns campaigns;

	private final TaskBook taskBook;

	private final Projects projects;

	private final HeadquartersTree headquarters;

	private final Organization organization;

	private final People people;

	private final DataScopes scopes;

	private final BattleMapAssembly assembly;

	BattleMaps(Campaigns campaigns, TaskBook taskBook, Projects projects, HeadquartersTree headquarters,
			Organization organization, People people, DataScopes scopes, BattleMapAssembly assembly) {
		this.campaigns = campaigns;
		this.taskBook = taskBook;
		this.projects = projects;
		this.headquarters = headquarters;
		this.organization = organization;
		this.people = people;
		this.scopes = scopes;
		this.assembly = assembly;
	}

	/** A campaign's map: its task tree and the projects filed under it. */
	public BattleMap campaign(long id, BattleMapFilter filter) {
		Campaign campaign = this.campaigns.campaign(id);
		List<Task> tree = this.taskBook.tree(id);
		List<Project> projects = this.projects.ofCampaigns(List.of(id));
		String subtitle = campaign.leadLeader().name() + " · " + campaign.leadUnitName() + " · " + campaign.startDate()
				+ " – " + campaign.endDate();
		return this.assembly.assemble(BattleMap.Subject.CAMPAIGN, id, campaign.name(), subtitle, tree, projects, null,
				filter);
	}

	/**
	 * A headquarters' map: its projects (and those of the headquarters below it). Its
	 * commander and members see it, and whoever sees one of its projects.
	 */
	public BattleMap headquarters(long id, BattleMapFilter filter) {
		Headquarters hq = this.headquarters.headquarters(id);
		List<Project> projects = this.projects.all(new ProjectQuery(id, null, null, null, null, null));
		DataScope scope = this.scopes.current();
		boolean member = scope.personId() != null
				&& ((hq.commander() != null && hq.commander().id() == scope.personId())
						|| hq.members().stream().anyMatch((person) -> person.id() == scope.personId()));
		if (!scope.all() && !member && projects.isEmpty()) {
			throw DomainException.forbidden("Headquarters " + id + " is outside your data scope");
		}
		String subtitle = (hq.commander() != null) ? hq.commander().name() : "";
		return this.assembly.assemble(BattleMap.Subject.HEADQUARTERS, id, hq.name(), subtitle, List.of(), projects,
				null, filter);
	}

	/**
	 * A leader's portfolio: the campaigns they lead or have in their charge (分管), and the
	 * projects they answer for. The office sees every leader's, a leader only their own.
	 */
	public BattleMap leader(long personId, BattleMapFilter filter) {
		DataScope scope = this.scopes.current();
		if (!scope.all() && (scope.personId() == null || scope.personId() != personId)) {
			throw DomainException.forbidden("The portfolio of person " + personId + " is outside your data scope");
		}
		String name = this.people.person(personId).name();
		List<Campaign> led = this.campaigns.campaigns()
			.stream()
			.filter((campaign) -> campaign.leadLeader().id() == personId
					|| campaign.portfolioLeaderIds().contains(personId))
			.toList();
		List<Task> forest = new ArrayList<>();
		Set<Long> campaignIds = new HashSet<>();
		for (Campaign campaign : led) {
			forest.addAll(this.taskBook.tree(campaign.id()));
			campaignIds.add(campaign.id());
		}
		List<Project> projects = new ArrayList<>(this.projects.ofCampaigns(campaignIds));
		Set<Long> listed = new HashSet<>(projects.stream().map(Project::id).toList());
		this.projects.all(ProjectQuery.all())
			.stream()
			.filter((project) -> project.responsibleLeader() != null && project.responsibleLeader().id() == personId)
			.filter((project) -> listed.add(project.id()))
			.forEach(projects::add);
		String subtitle = String.join("、", led.stream().map(Campaign::name).toList());
		return this.assembly.assemble(BattleMap.Subject.LEADER, personId, name, subtitle, forest, projects, null,
				filter);
	}

	/** A unit's map: the tasks it leads or shares and the projects it leads. */
	public BattleMap unit(long id, BattleMapFilter filter) {
		String name = this.organization.unit(id).name();
		this.scopes.requireUnit(id);
		List<Task> tasks = this.taskBook
			.tasks(new TaskQuery(null, id, null, null), PageRequest.of(0, PageRequest.MAX_SIZE))
			.items();
		List<Project> projects = this.projects.all(new ProjectQuery(null, id, null, null, null, null));
		return this.assembly.assemble(BattleMap.Subject.UNIT, id, name, "", tasks, projects, id, filter);
	}

}
