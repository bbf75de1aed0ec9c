package dev.luoshi.work;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.luoshi.identity.DataScope;

/**
 * A data scope as named query parameters: {@code all}, {@code units}, {@code followed}
 * (campaigns) and {@code person}. Empty lists become a list of an id that never exists,
 * so that {@code in} stays valid SQL.
 */
final class Scopes {

	private static final List<Long> NONE = List.of(-1L);

	private Scopes() {
	}

	static Map<String, Object> params(DataScope scope, Collection<Long> followedCampaigns) {
		Map<String, Object> params = new HashMap<>();
		params.put("all", scope.all());
		params.put("units", scope.unitIds().isEmpty() ? NONE : scope.unitIds());
		params.put("followed", followedCampaigns.isEmpty() ? NONE : followedCampaigns);
		params.put("person", (scope.personId() != null) ? scope.personId() : -1L);
		return params;
	}

	/**
	 * The condition that a task {@code t} is within the given scope: none at all for who
	 * sees everything, so that the database plans the query on its other conditions alone
	 * (an {@code or} with a parameter keeps PostgreSQL's generic plans and H2 from using
	 * the light and deadline index of a province's overdue list).
	 */
	static String taskVisible(Map<String, Object> scope) {
		return Boolean.TRUE.equals(scope.get("all")) ? "true" : taskVisible();
	}

	/** The condition that a task {@code t} is within the scope. */
	static String taskVisible() {
		return "(:all or t.campaign_id in (:followed) or t.responsible_leader_id = :person or exists "
				+ "(select 1 from task_unit tu where tu.task_id = t.id and tu.unit_id in (:units)))";
	}

}
