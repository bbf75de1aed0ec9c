package dev.luoshi.organization;

/** The id of a unit of the organisation tree. */
public record UnitId(long value) {

	public static UnitId of(long value) {
		return new UnitId(value);
	}

	@Override
	public String toString() {
		return String.valueOf(this.value);
	}

}
