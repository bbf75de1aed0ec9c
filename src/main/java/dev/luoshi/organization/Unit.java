package dev.luoshi.organization;

import java.util.List;

/**
 * A unit as others see it.
 *
 * @param path the units from the root down to and including this one
 */
public record Unit(long id, String code, String name, UnitKind kind, Long parentId, String peerGroup,
		List<UnitRef> path, int depth, int sortOrder, int version) {

	public UnitId unitId() {
		return UnitId.of(this.id);
	}

	public UnitRef ref() {
		return new UnitRef(this.id, this.code, this.name);
	}

}
