package dev.luoshi.work;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LedgerLayoutTests {

	private static final LocalDate START = LocalDate.of(2026, 2, 1);

	@Test
	void aLedgersTreeComesAfterTheTopLevelTasksThereAndEachParentShowsTheWorstBelowIt() {
		List<TaskBatches.Planned> planned = List.of(task(-1, "2026-12-31"), task(0, "2026-09-30"),
				task(1, "2026-06-30"), task(0, "2026-10-31"), task(-1, "2026-12-31"), task(4, "2026-11-30"));

		// three top-level tasks already, the last at position 5 (one was moved away)
		LedgerLayout layout = new LedgerLayout(planned, START, 3, 5,
				(start, deadline) -> deadline.isBefore(LocalDate.of(2026, 7, 1)) ? Light.YELLOW : Light.GREEN);

		assertThat(List.of(0, 1, 2, 3, 4, 5).stream().map(layout::outline)).containsExactly("4", "4.1", "4.1.1", "4.2",
				"5", "5.1");
		assertThat(List.of(0, 1, 2, 3, 4, 5).stream().map(layout::position)).containsExactly(6, 1, 1, 2, 7, 1);
		assertThat(List.of(0, 1, 2, 3, 4, 5).stream().map(layout::ownLight)).containsExactly(Light.GREEN, Light.GREEN,
				Light.YELLOW, Light.GREEN, Light.GREEN, Light.GREEN);
		assertThat(List.of(0, 1, 2, 3, 4, 5).stream().map(layout::light)).containsExactly(Light.YELLOW, Light.YELLOW,
				Light.YELLOW, Light.GREEN, Light.GREEN, Light.GREEN);
	}

	private static TaskBatches.Planned task(int parent, String deadline) {
		return new TaskBatches.Planned(parent, new NewTask(null, "任务", 1L, List.of(), null, null,
				LocalDate.parse(deadline), null, null, null, List.of()));
	}

}
