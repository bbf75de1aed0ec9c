package dev.luoshi.dashboard;

import dev.luoshi.project.ProjectPhase;
import dev.luoshi.work.Light;

/**
 * What a battle map is narrowed to; each optional. Pages keep it in the URL's query so
 * that a view can be shared.
 */
public record BattleMapFilter(Light light, Long unitId, ProjectPhase phase) {

	public static BattleMapFilter none() {
		return new BattleMapFilter(null, null, null);
	}

	public boolean any() {
		return this.light != null || this.unitId != null || this.phase != null;
	}

}
