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

	/**
	 * Days off are shaded while a day is wide enough to be seen: on an axis of up to
	 * about three years. A date far away (a deadline typed as 2999) would otherwise shade
	 * every weekend of centuries.
	 */
	private static final long MAX_SHADED_DAYS = 3 * 366;

	/** At most this many ticks: one a month, or one every few months on a long axis. */
	private static final int MAX_TICKS = 36;

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
			.orElseThrow();
		first = first.isAfter(LocalDate.MIN.plusDays(3)) ? first.minusDays(3) : LocalDate.MIN;
		LocalDate last = Stream
			.concat(Stream.of(today), shown.stream().flatMap((i) -> Stream.of(i.due(), i.baseline(), i.done())))
			.filter(Objects::nonNull)
			.max(Comparator.naturalOrder())
			.orElseThrow();
		last = last.isBefore(LocalDate.MAX.minusDays(4)) ? last.plusDays(4) : LocalDate.MAX;
		long days = ChronoUnit.DAYS.between(first, last);
		double perDay = (double) CHART_WIDTH / days;
		List<Gantt.Band> bands = (days <= MAX_SHADED_DAYS) ? bands(first, last, perDay, calendar) : List.of();
		List<Gantt.Tick> ticks = ticks(first, last, perDay);
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

	/** The first of every month on the axis, or of every few months on a long one. */
	private static List<Gantt.Tick> ticks(LocalDate first, LocalDate last, double perDay) {
		long step = Math.max(1, (ChronoUnit.MONTHS.between(first, last) + MAX_TICKS - 1) / MAX_TICKS);
		List<Gantt.Tick> ticks = new ArrayList<>();
		LocalDate month = first.withDayOfMonth(1);
		while (ticks.size() < MAX_TICKS && ChronoUnit.MONTHS.between(month, last) >= step) {
			month = month.plusMonths(step);
			if (!month.isBefore(last)) {
				break;
			}
			ticks.add(new Gantt.Tick(x(first, month, perDay), month));
		}
		return ticks;
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
