package dev.luoshi.evaluation;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import dev.luoshi.work.ReportingCycle;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the task-based indicators need of every task, read once per ranking in two plain
 * scans (tasks in id order, campaigns) and kept in parallel arrays: a province's 200,000
 * tasks take a few megabytes, and no database has to join them for each indicator.
 */
final class TaskFacts {

	static final byte OPEN = 0;

	static final byte DONE = 1;

	static final byte CANCELLED = 2;

	private long[] ids = new long[1024];

	private long[] units = new long[1024];

	private byte[] statuses = new byte[1024];

	private int[] starts = new int[1024];

	private int[] deadlines = new int[1024];

	private long[] created = new long[1024];

	private byte[] cycles = new byte[1024];

	private byte[] dueDays = new byte[1024];

	private long[] parents = new long[1024];

	private boolean[] parentOfAnother;

	private int size;

	static TaskFacts load(JdbcClient jdbc) {
		Map<Long, int[]> campaigns = new HashMap<>();
		jdbc.sql("select id, reporting_cycle, report_due_day from campaign").query((rs) -> {
			campaigns.put(rs.getLong(1), new int[] { ReportingCycle.valueOf(rs.getString(2)).ordinal(),
					Math.min(31, Math.max(1, rs.getInt(3))) });
		});
		TaskFacts facts = new TaskFacts();
		jdbc.sql("select id, parent_id, lead_unit_id, campaign_id, status, start_date, deadline, created_at from task "
				+ "order by id")
			.query((rs) -> {
				// a campaign created after the campaigns were read: monthly, due on the
				// 25th
				int[] campaign = campaigns.getOrDefault(rs.getLong(4), new int[] { 0, 25 });
				long parent = rs.getLong(2);
				facts.add(rs.getLong(1), rs.wasNull() ? 0 : parent, rs.getLong(3), status(rs.getString(5)),
						rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class),
						rs.getTimestamp(8).getTime(), (byte) campaign[0], (byte) campaign[1]);
			});
		facts.markParents();
		return facts;
	}

	private static byte status(String status) {
		return switch (status) {
			case "DONE" -> DONE;
			case "CANCELLED" -> CANCELLED;
			default -> OPEN;
		};
	}

	private void add(long id, long parent, long unit, byte status, LocalDate start, LocalDate deadline, long createdAt,
			byte cycle, byte dueDay) {
		if (this.size == this.ids.length) {
			int grown = this.size * 2;
			this.ids = Arrays.copyOf(this.ids, grown);
			this.units = Arrays.copyOf(this.units, grown);
			this.statuses = Arrays.copyOf(this.statuses, grown);
			this.starts = Arrays.copyOf(this.starts, grown);
			this.deadlines = Arrays.copyOf(this.deadlines, grown);
			this.created = Arrays.copyOf(this.created, grown);
			this.cycles = Arrays.copyOf(this.cycles, grown);
			this.dueDays = Arrays.copyOf(this.dueDays, grown);
			this.parents = Arrays.copyOf(this.parents, grown);
		}
		int at = this.size++;
		this.ids[at] = id;
		this.parents[at] = parent;
		this.units[at] = unit;
		this.statuses[at] = status;
		this.starts[at] = (int) start.toEpochDay();
		this.deadlines[at] = (int) deadline.toEpochDay();
		this.created[at] = createdAt;
		this.cycles[at] = cycle;
		this.dueDays[at] = dueDay;
	}

	private void markParents() {
		this.parentOfAnother = new boolean[this.size];
		for (int i = 0; i < this.size; i++) {
			if (this.parents[i] != 0) {
				int parent = indexOf(this.parents[i]);
				if (parent >= 0) {
					this.parentOfAnother[parent] = true;
				}
			}
		}
	}

	int size() {
		return this.size;
	}

	/** The position of a task, or a negative number when it is not known. */
	int indexOf(long id) {
		return Arrays.binarySearch(this.ids, 0, this.size, id);
	}

	long id(int i) {
		return this.ids[i];
	}

	long unit(int i) {
		return this.units[i];
	}

	byte status(int i) {
		return this.statuses[i];
	}

	long start(int i) {
		return this.starts[i];
	}

	long deadline(int i) {
		return this.deadlines[i];
	}

	long created(int i) {
		return this.created[i];
	}

	ReportingCycle cycle(int i) {
		return ReportingCycle.values()[this.cycles[i]];
	}

	int dueDay(int i) {
		return this.dueDays[i];
	}

	/** A leaf task: no other task is a part of it. */
	boolean leaf(int i) {
		return !this.parentOfAnother[i];
	}

}
