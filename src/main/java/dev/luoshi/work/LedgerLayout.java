package dev.luoshi.work;

import java.time.LocalDate;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Where the tasks of a ledger go and what they show once added: each one's position and
 * outline code among its siblings (the top-level ones after the campaign's tasks there),
 * its own light and the worst of it and the tasks below it. These are the values the
 * recomputation of the lights would store, worked out before the tasks are written so
 * that each row is written once and the recomputation after the import finds nothing to
 * change; should it find otherwise, it corrects them as it always does.
 */
final class LedgerLayout {

	private final int[] positions;

	private final String[] outlines;

	private final Light[] ownLights;

	private final Light[] lights;

	/**
	 * Lays out the tasks, given in order, each after its parent, below the
	 * {@code topLevelTasks} the campaign has already, the last of them at
	 * {@code lastPosition}; {@code ownLight} gives the light of a task just added (no
	 * progress, no milestones) from its start and deadline.
	 */
	LedgerLayout(List<TaskBatches.Planned> planned, LocalDate start, int topLevelTasks, int lastPosition,
			BiFunction<LocalDate, LocalDate, Light> ownLight) {
		int count = planned.size();
		this.positions = new int[count];
		this.outlines = new String[count];
		this.ownLights = new Light[count];
		this.lights = new Light[count];
		int[] children = new int[count];
		int top = 0;
		for (int i = 0; i < count; i++) {
			int parent = planned.get(i).parent();
			if (parent < 0) {
				top++;
				this.positions[i] = lastPosition + top;
				this.outlines[i] = String.valueOf(topLevelTasks + top);
			}
			else {
				children[parent]++;
				this.positions[i] = children[parent];
				this.outlines[i] = this.outlines[parent] + "." + children[parent];
			}
			this.ownLights[i] = ownLight.apply(start, planned.get(i).task().deadline());
			this.lights[i] = this.ownLights[i];
		}
		// a task comes after its parent, so from the last one up every task is done
		// before its parent takes its light
		for (int i = count - 1; i >= 0; i--) {
			int parent = planned.get(i).parent();
			if (parent >= 0) {
				this.lights[parent] = this.lights[parent].worst(this.lights[i]);
			}
		}
	}

	int position(int task) {
		return this.positions[task];
	}

	String outline(int task) {
		return this.outlines[task];
	}

	Light ownLight(int task) {
		return this.ownLights[task];
	}

	Light light(int task) {
		return this.lights[task];
	}

}
