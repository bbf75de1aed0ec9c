package dev.luoshi.project;

import dev.luoshi.work.Light;

/**
 * Filters of the project list; {@code null} means any. Headquarters and units include
 * those below.
 */
public record ProjectQuery(Long headquartersId, Long unitId, ProjectCategory category, ProjectPhase phase, Light light,
		String text) {

	public static ProjectQuery all() {
		return new ProjectQuery(null, null, null, null, null, null);
	}

}
