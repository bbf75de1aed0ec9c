package dev.luoshi.dashboard;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import dev.luoshi.calendar.WorkingCalendar;
import dev.luoshi.work.Light;

/**
 * Lays milestones out as a {@link Gantt}: the time axis spans every date shown and today,
 * a few days either side; rows are capped so that the chart stays readable.
 */
final class GanttLayout {

	static final int MAX_ROWS = 80;

	private static final int CHART_WIDTH = 900;

	private GanttLayout() {
	}

	/** A milestone to draw, before layout. */
	record Item(String label, String milestone, String href, Light light, LocalDate due, LocalDate baseline,
			LocalDate done) {
	}

	static Gantt layout(List<Item> items, LocalDate today, WorkingCalendar calendar) {
		List<Item> shown = items.stream()
			.filter((item) -> item.due() != null)
			.sorted(Comparator.comparing(Item::due))
			.limit(MAX_ROWS)
			.toList();
		LocalDate first = Stream
			.concat(Stream.of(today), shown.stream().flatMap((i) -> Stream.of(i.due(), i.baseline(), i.done())))
			.filter(Objects::nonNull)
			.min(Comparator.naturalOrder())
			.orElseThrow()
			.minusDays(3);
		LocalDate last = Stream
			.concat(Stream.of(today), shown.stream().flatMap((i) -> Stream.of(i.due(), i.baseline(), i.done())))
			.filter(Objects::nonNull)
			.max(Comparator.naturalOrder())
			.orElseThrow()
			.plusDays(4);
		long days = ChronoUnit.DAYS.between(first, last);
		double perDay = (double) CHART_WIDTH / days;
		List<Gantt.Band> bands = bands(first, last, perDay, calendar);
		List<Gantt.Tick> ticks = new ArrayList<>();
		for (LocalDate month = first.withDayOfMonth(1).plusMonths(1); month
			.isBefore(last); month = month.plusMonths(1)) {
			ticks.add(new Gantt.Tick(x(first, month, perDay), month));
		}
		List<Gantt.Row> rows = new ArrayList<>();
		for (int i = 0; i < shown.size(); i++) {
			Item item = shown.get(i);
			boolean late = (item.done() != null) ? item.done().isAfter(item.due()) : item.due().isBefore(today);
			Double baselineX = (item.baseline() != null && !item.baseline().equals(item.due()))
					? x(first, item.baseline(), perDay) : null;
			Double doneX = (item.done() != null) ? x(first, item.done(), perDay) : null;
			rows.add(new Gantt.Row(Gantt.HEADER + i * Gantt.ROW_HEIGHT, item.label(), item.milestone(), item.href(),
					item.light(), item.due(), item.baseline(), item.done(), x(first, item.due(), perDay), baselineX,
					doneX, late));
		}
		int height = Gantt.HEADER + Math.max(1, rows.size()) * Gantt.ROW_HEIGHT + 8;
		return new Gantt(first, last, Gantt.LABEL_WIDTH + CHART_WIDTH + 10, height, bands, ticks,
				x(first, today, perDay) + perDay / 2, today, rows, rows.size(),
				(int) items.stream().filter((item) -> item.due() != null).count());
	}

	/** Consecutive days off of one kind merged into one band. */
	private static List<Gantt.Band> bands(LocalDate first, LocalDate last, double perDay, WorkingCalendar calendar) {
		List<Gantt.Band> bands = new ArrayList<>();
		LocalDate start = null;
		boolean holiday = false;
		for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
			boolean off = !day.isAfter(last.minusDays(1)) && !calendar.isWorkingDay(day);
			boolean isHoliday = off && day.getDayOfWeek().getValue() < 6;
			if (start != null && (!off || isHoliday != holiday)) {
				bands.add(
						new Gantt.Band(x(first, start, perDay), ChronoUnit.DAYS.between(start, day) * perDay, holiday));
				start = null;
			}
			if (off && start == null) {
				start = day;
				holiday = isHoliday;
			}
		}
		return bands;
	}

	private static double x(LocalDate first, LocalDate day, double perDay) {
		return Math.round((Gantt.LABEL_WIDTH + ChronoUnit.DAYS.between(first, day) * perDay) * 10) / 10.0;
	}

	static Gantt empty(LocalDate today) {
		return new Gantt(today, today, Gantt.LABEL_WIDTH + CHART_WIDTH + 10, Gantt.HEADER + 8, List.of(), List.of(),
				null, today, List.of(), 0, 0);
	}

}
