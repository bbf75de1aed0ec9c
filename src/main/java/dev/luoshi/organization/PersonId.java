package dev.luoshi.organization;

/** The id of a person, who may or may not have an account. */
public record PersonId(long value) {

	public static PersonId of(long value) {
		return new PersonId(value);
	}

	@Override
	public String toString() {
		return String.valueOf(this.value);
	}

}
