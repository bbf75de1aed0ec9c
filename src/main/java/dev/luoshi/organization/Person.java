package dev.luoshi.organization;

import java.util.List;

/**
 * A person of the organisation; a responsible leader need not have an account.
 *
 * @param portfolioUnitIds the units this person is in charge of (分管), if a leader
 */
public record Person(long id, String name, long unitId, String unitName, String title, String phone,
		List<Position> positions, List<Long> portfolioUnitIds, int version) {

	/** A further post the person holds. */
	public record Position(long id, long unitId, String title) {
	}

}
