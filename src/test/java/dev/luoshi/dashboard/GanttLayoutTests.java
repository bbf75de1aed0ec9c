package dev.luoshi.dashboard;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.luoshi.calendar.WorkingCalendar;
import dev.luoshi.work.Light;

import static org.assertj.core.api.Assertions.assertThat;

/** The time axis of a Gantt stays drawable whatever dates the milestones have. */
class GanttLayoutTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 3, 16);

	@Test
	void aYearShadesItsWeekendsAndTicksEveryMonth() {
		Gantt gantt = GanttLayout.layout(List.of(item(LocalDate.of(2026, 12, 31))), TODAY,
				new WorkingCalendar(Set.of(), Set.of(), Set.of()));

		assertThat(gantt.bands()).hasSizeGreaterThan(40);
		assertThat(gantt.ticks()).extracting(Gantt.Tick::month).first().isEqualTo(LocalDate.of(2026, 4, 1));
		assertThat(gantt.ticks()).hasSize(10).last().extracting(Gantt.Tick::month).isEqualTo(LocalDate.of(2027, 1, 1));
	}

	@Test
	void aDeadlineCenturiesAwayNeitherShadesEveryWeekendNorTicksEveryMonth() {
		Gantt gantt = GanttLayout.layout(
				List.of(item(LocalDate.of(2999, 12, 31)), item(LocalDate.MAX), item(LocalDate.MIN)), TODAY,
				new WorkingCalendar(Set.of(), Set.of(), Set.of()));

		assertThat(gantt.bands()).isEmpty();
		assertThat(gantt.ticks()).hasSizeLessThanOrEqualTo(36);
		assertThat(gantt.rows()).hasSize(3);
	}

	private static GanttLayout.Item item(LocalDate due) {
		return new GanttLayout.Item("任务", "节点", "/tasks/1", Light.GREEN, due, null, null);
	}

}
