package dev.luoshi.work;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.luoshi.calendar.Calendar;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps outline codes, progress roll-ups and lights stored and current, so that reads
 * never compute them: a campaign's tree is brought up to date after every change to it,
 * and every campaign once a day as time passes (and at start-up when a day was missed).
 */
@Component
@Order(60)
class LightKeeper implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(LightKeeper.class);

	private final TaskRepository tasks;

	private final CampaignRepository campaigns;

	private final Calendar calendar;

	private final WorkProperties properties;

	private final JdbcClient jdbc;

	private final Clock clock;

	LightKeeper(TaskRepository tasks, CampaignRepository campaigns, Calendar calendar, WorkProperties properties,
			JdbcClient jdbc, Clock clock) {
		this.tasks = tasks;
		this.campaigns = campaigns;
		this.calendar = calendar;
		this.properties = properties;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		LocalDate last = this.jdbc.sql("select run_on from light_refresh where id = 1").query(LocalDate.class).single();
		if (last.isBefore(LocalDate.now(this.clock))) {
			refreshAll();
		}
	}

	/**
	 * Every campaign, as the days pass. Running twice, or on two nodes, gives the same
	 * result.
	 */
	@Scheduled(cron = "0 5 0 * * *", zone = "${luoshi.zone:Asia/Shanghai}")
	@SchedulerLock(name = "task-lights", lockAtMostFor = "PT30M")
	@Transactional
	public void refreshAll() {
		LocalDate today = LocalDate.now(this.clock);
		List<Long> ids = this.campaigns.allIds();
		ids.forEach(this::refreshCampaign);
		this.jdbc.sql("update light_refresh set run_on = ? where id = 1").param(Date.valueOf(today)).update();
		log.info("Brought the lights of {} campaigns up to {}", ids.size(), today);
	}

	/**
	 * Locks a campaign until the transaction ends. Every change to a campaign's task book
	 * takes it before it writes anything, so that the changes of one campaign happen one
	 * after the other and each roll-up reads what the ones before it committed: two
	 * reports of sibling tasks accepted at once each rolled the parent up without the
	 * other's progress. Taken first, it is also taken in the same order everywhere.
	 */
	void lockCampaign(long campaignId) {
		this.campaigns.lock(campaignId);
	}

	/**
	 * The own light, as of today, of a task just added (no progress, no milestones yet)
	 * from its start and deadline: what {@link #refreshCampaign} would give it.
	 */
	BiFunction<LocalDate, LocalDate, Light> newTaskLights() {
		LocalDate today = LocalDate.now(this.clock);
		LocalDate horizon = this.calendar.shift(today, this.properties.warningWorkingDays());
		LightRules.Thresholds thresholds = thresholds();
		return (start, deadline) -> LightRules.own(false, start, deadline, BigDecimal.ZERO, List.of(), today, horizon,
				thresholds);
	}

	private LightRules.Thresholds thresholds() {
		return new LightRules.Thresholds(this.properties.yellowBehind(), this.properties.redBehind());
	}

	/** Recomputes the outline codes, progress and lights of a campaign's whole tree. */
	@Transactional
	public void refreshCampaign(long campaignId) {
		lockCampaign(campaignId);
		LocalDate today = LocalDate.now(this.clock);
		LocalDate horizon = this.calendar.shift(today, this.properties.warningWorkingDays());
		List<TaskRepository.Node> rows = this.tasks.nodesOfCampaign(campaignId);
		Map<Long, List<TaskRepository.Node>> children = new HashMap<>();
		List<TaskRepository.Node> roots = new ArrayList<>();
		for (TaskRepository.Node row : rows) {
			if (row.parentId() == null) {
				roots.add(row);
			}
			else {
				children.computeIfAbsent(row.parentId(), (id) -> new ArrayList<>()).add(row);
			}
		}
		Map<Long, List<Milestone>> milestones = new HashMap<>();
		this.tasks.milestonesOfCampaign(campaignId)
			.forEach((m) -> milestones.computeIfAbsent(m.taskId(), (id) -> new ArrayList<>()).add(m.milestone()));
		Walk walk = new Walk(children, milestones, today, horizon, thresholds());
		roots.sort(Comparator.comparingInt(TaskRepository.Node::position));
		for (int i = 0; i < roots.size(); i++) {
			walk.visit(roots.get(i), String.valueOf(i + 1));
		}
		this.tasks.updateComputed(walk.changed);
		this.campaigns.storeLightTally(campaignId, walk.tally);
	}

	/**
	 * A depth-first walk that computes each task from its children and notes what
	 * changed, for the store to write in batches.
	 */
	private final class Walk {

		private final Map<Long, List<TaskRepository.Node>> children;

		private final Map<Long, List<Milestone>> milestones;

		private final LocalDate today;

		private final LocalDate horizon;

		private final LightRules.Thresholds thresholds;

		/** The visited tasks whose stored values are out of date. */
		private final List<TaskRepository.Computed> changed = new ArrayList<>();

		/** How many of the visited tasks show each light. */
		private final Map<Light, Integer> tally = new EnumMap<>(Light.class);

		Walk(Map<Long, List<TaskRepository.Node>> children, Map<Long, List<Milestone>> milestones, LocalDate today,
				LocalDate horizon, LightRules.Thresholds thresholds) {
			this.children = children;
			this.milestones = milestones;
			this.today = today;
			this.horizon = horizon;
			this.thresholds = thresholds;
		}

		Result visit(TaskRepository.Node task, String outline) {
			List<TaskRepository.Node> below = new ArrayList<>(this.children.getOrDefault(task.id(), List.of()));
			below.sort(Comparator.comparingInt(TaskRepository.Node::position));
			BigDecimal weighted = BigDecimal.ZERO;
			BigDecimal weights = BigDecimal.ZERO;
			Light worst = Light.DONE;
			boolean allComplete = true;
			int counted = 0;
			for (int i = 0; i < below.size(); i++) {
				TaskRepository.Node child = below.get(i);
				Result result = visit(child, outline + "." + (i + 1));
				if (child.status() == TaskStatus.CANCELLED) {
					continue;
				}
				counted++;
				weighted = weighted.add(result.progress().multiply(child.weight()));
				weights = weights.add(child.weight());
				worst = worst.worst(result.light());
				allComplete &= result.light() == Light.DONE;
			}
			List<Milestone> own = this.milestones.getOrDefault(task.id(), List.of());
			List<LocalDate> undone = own.stream().filter((m) -> !m.done()).map(Milestone::dueDate).toList();
			BigDecimal progress = (counted > 0) ? weighted.divide(weights, 2, RoundingMode.HALF_UP) : task.progress();
			boolean complete = task.status() != TaskStatus.OPEN || (counted > 0 && allComplete && undone.isEmpty());
			Light ownLight = LightRules.own(complete, task.startDate(), task.deadline(), progress, undone, this.today,
					this.horizon, this.thresholds);
			Light light = ownLight.worst(worst);
			this.tally.merge(light, 1, Integer::sum);
			if (!outline.equals(task.outline()) || progress.compareTo(task.progress()) != 0
					|| ownLight != task.ownLight() || light != task.light()) {
				this.changed.add(new TaskRepository.Computed(task.id(), outline, progress, ownLight, light));
			}
			return new Result(Objects.requireNonNull(progress), light);
		}

	}

	private record Result(BigDecimal progress, Light light) {
	}

}
