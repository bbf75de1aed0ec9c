package dev.luoshi.dashboard;

import java.time.LocalDate;
import java.util.List;

import dev.luoshi.work.Light;

/**
 * A Gantt of milestones laid out for an SVG drawn on the server: one row per milestone
 * with its planned date, the baseline it slipped from and the day it was done; days off
 * of the official calendar as shaded bands; a line for today. Coordinates are in SVG user
 * units; the chart area starts at {@link #LABEL_WIDTH}.
 *
 * @param shown how many rows are drawn
 * @param total how many milestones there were before the rows were capped
 */
public record Gantt(LocalDate from, LocalDate to, int width, int height, List<Band> bands, List<Tick> ticks,
		Double todayX, LocalDate today, List<Row> rows, int shown, int total) {

	public static final int LABEL_WIDTH = 300;

	public static final int ROW_HEIGHT = 24;

	public static final int HEADER = 28;

	public boolean empty() {
		return this.rows.isEmpty();
	}

	public boolean truncated() {
		return this.shown < this.total;
	}

	/** Days off in a row: a weekend or an official holiday. */
	public record Band(double x, double width, boolean holiday) {
	}

	/** The first of a month on the time axis. */
	public record Tick(double x, LocalDate month) {
	}

	/**
	 * A milestone's row. {@code baselineX} and {@code doneX} are null when the date was
	 * never moved or the milestone is not done; {@code late} when it is undone past its
	 * date or was done after it.
	 */
	public record Row(double y, String label, String milestone, String href, Light light, LocalDate due,
			LocalDate baseline, LocalDate done, double dueX, Double baselineX, Double doneX, boolean late) {
	}

}
