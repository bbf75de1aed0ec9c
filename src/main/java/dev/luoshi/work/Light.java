package dev.luoshi.work;

/**
 * A task's status light. GREEN on track, YELLOW at risk, RED overdue or far behind, DONE
 * complete. Ordered from best to worst for the roll-up (a parent shows the worst of
 * itself and its children).
 */
public enum Light {

	DONE, GREEN, YELLOW, RED;

	public Light worst(Light other) {
		return (other.ordinal() > ordinal()) ? other : this;
	}

}
