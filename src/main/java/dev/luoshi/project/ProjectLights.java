package dev.luoshi.project;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.luoshi.calendar.Calendar;
import dev.luoshi.work.Light;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A project's light, stored so that lists and summaries never compute it: DONE once built
 * (竣工/投运); RED when the planned completion or a phase milestone has passed unreached, or
 * the year's completed investment trails the year-to-date plan by more than
 * {@code red-behind} points of the annual plan; YELLOW when a phase milestone falls due
 * within a few working days or the investment trails by {@code yellow-behind} to
 * {@code red-behind} points; GREEN otherwise. Brought up to date after every change to a
 * project and for all projects once a day.
 */
@Component
@Order(61)
class ProjectLights implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(ProjectLights.class);

	private final ProjectRepository projects;

	private final Calendar calendar;

	private final ProjectProperties properties;

	private final JdbcClient jdbc;

	private final Clock clock;

	ProjectLights(ProjectRepository projects, Calendar calendar, ProjectProperties properties, JdbcClient jdbc,
			Clock clock) {
		this.projects = projects;
		this.calendar = calendar;
		this.properties = properties;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		LocalDate last = this.jdbc.sql("select run_on from project_light_refresh where id = 1")
			.query(LocalDate.class)
			.single();
		if (last.isBefore(today())) {
			refreshAll();
		}
	}

	/** Every project, as the days pass; running twice gives the same result. */
	@Scheduled(cron = "0 6 0 * * *", zone = "${luoshi.zone:Asia/Shanghai}")
	@SchedulerLock(name = "project-lights", lockAtMostFor = "PT30M")
	@Transactional
	public void refreshAll() {
		List<Long> ids = this.projects.allIds();
		for (int from = 0; from < ids.size(); from += 500) {
			refresh(ids.subList(from, Math.min(ids.size(), from + 500)));
		}
		this.jdbc.sql("update project_light_refresh set run_on = ? where id = 1").param(Date.valueOf(today())).update();
		log.info("Brought the lights of {} projects up to {}", ids.size(), today());
	}

	/**
	 * Recomputes the projects' lights from their stored plans, figures and milestones.
	 * The projects are locked first, so that two figures of one project filed at once are
	 * counted one after the other: each computed the light without the other's figure,
	 * and the later one kept a light that counted a month too few.
	 */
	@Transactional
	public void refresh(Collection<Long> ids) {
		this.projects.lock(ids);
		LocalDate today = today();
		int year = today.getYear();
		Map<Long, AnnualPlan> plans = new HashMap<>();
		this.projects.plans(ids, year).forEach((project, list) -> plans.put(project, list.get(0)));
		Map<Long, BigDecimal[]> figures = this.projects.figures(ids, year);
		Map<Long, List<ProjectRepository.MilestoneRow>> milestones = new HashMap<>();
		this.projects.milestones(ids)
			.forEach((m) -> milestones.computeIfAbsent(m.projectId(), (key) -> new ArrayList<>()).add(m));
		for (long id : ids) {
			this.projects.find(id).ifPresent((row) -> {
				InvestmentProgress progress = progress(year, throughMonth(year), plans.get(id), figures.get(id));
				this.projects.setLight(id, light(row, milestones.getOrDefault(id, List.of()), progress));
			});
		}
	}

	Light light(ProjectRepository.Row row, List<ProjectRepository.MilestoneRow> milestones,
			InvestmentProgress progress) {
		if (row.phase().finished()) {
			return Light.DONE;
		}
		List<Light> lights = new ArrayList<>(milestones.stream().map(this::light).toList());
		if (row.plannedCompletion().isBefore(today())) {
			lights.add(Light.RED);
		}
		double behind = progress.pointsBehind();
		if (behind > this.properties.redBehind()) {
			lights.add(Light.RED);
		}
		else if (behind >= this.properties.yellowBehind()) {
			lights.add(Light.YELLOW);
		}
		return lights.stream().filter((light) -> light != Light.DONE).reduce(Light.GREEN, Light::worst);
	}

	Light light(ProjectRepository.MilestoneRow milestone) {
		if (milestone.completedOn() != null) {
			return Light.DONE;
		}
		LocalDate today = today();
		if (milestone.plannedDate().isBefore(today)) {
			return Light.RED;
		}
		if (!milestone.plannedDate().isAfter(this.calendar.shift(today, this.properties.warningWorkingDays()))) {
			return Light.YELLOW;
		}
		return Light.GREEN;
	}

	/**
	 * The last month whose figures count in the year to date: the month before today's in
	 * the current year, December in a past year, none (0) in a future one.
	 */
	int throughMonth(int year) {
		LocalDate today = today();
		if (year < today.getYear()) {
			return 12;
		}
		return (year > today.getYear()) ? 0 : today.getMonthValue() - 1;
	}

	static InvestmentProgress progress(int year, int throughMonth, AnnualPlan plan, BigDecimal[] figures) {
		BigDecimal annual = BigDecimal.ZERO.setScale(2);
		BigDecimal planToDate = annual;
		BigDecimal firstQuarter = annual;
		if (plan != null) {
			annual = plan.amount();
			for (int month = 1; month <= 12; month++) {
				BigDecimal amount = plan.monthly().get(month - 1);
				planToDate = (month <= throughMonth) ? planToDate.add(amount) : planToDate;
				firstQuarter = (month <= 3) ? firstQuarter.add(amount) : firstQuarter;
			}
		}
		BigDecimal doneToDate = BigDecimal.ZERO.setScale(2);
		BigDecimal doneThisYear = doneToDate;
		BigDecimal doneFirstQuarter = doneToDate;
		if (figures != null) {
			for (int month = 1; month <= 12; month++) {
				BigDecimal amount = figures[month - 1];
				if (amount != null) {
					doneThisYear = doneThisYear.add(amount);
					doneToDate = (month <= throughMonth) ? doneToDate.add(amount) : doneToDate;
					doneFirstQuarter = (month <= 3) ? doneFirstQuarter.add(amount) : doneFirstQuarter;
				}
			}
		}
		return InvestmentProgress.of(year, throughMonth, annual, planToDate, doneToDate, doneThisYear, firstQuarter,
				doneFirstQuarter);
	}

	private LocalDate today() {
		return LocalDate.now(this.clock);
	}

}
