package dev.luoshi.project;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.luoshi.identity.CurrentUser;
import dev.luoshi.identity.DataScopes;
import dev.luoshi.organization.Organization;
import dev.luoshi.shared.DomainException;
import dev.luoshi.shared.EntityChanged;
import dev.luoshi.shared.FileStore;
import dev.luoshi.shared.Page;
import dev.luoshi.shared.PageRequest;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Monthly completed-investment figures: one per project and month, filed by an operator
 * of the lead unit (or the supervision office), corrected only with the current
 * {@code version}; late when filed after the due day of the following month.
 */
@Service
@Transactional
public class InvestmentReports {

	private static final String COLUMNS = "r.id, r.project_id, r.report_year, r.report_month, r.amount, r.narrative, "
			+ "r.unit_id, r.filed_by, r.filed_at, r.late, r.version, "
			+ "(select count(*) from investment_photo ph where ph.report_id = r.id) photos";

	private static final List<String> PHOTO_TYPES = List.of("image/jpeg", "image/png");

	private final JdbcClient jdbc;

	private final Projects projects;

	private final ProjectRepository repository;

	private final ProjectLights lights;

	private final Organization organization;

	private final DataScopes scopes;

	private final FileStore files;

	private final ProjectProperties properties;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	InvestmentReports(JdbcClient jdbc, Projects projects, ProjectRepository repository, ProjectLights lights,
			Organization organization, DataScopes scopes, FileStore files, ProjectProperties properties,
			ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.projects = projects;
		this.repository = repository;
		this.lights = lights;
		this.organization = organization;
		this.scopes = scopes;
		this.files = files;
		this.properties = properties;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Files the month's figure, or corrects it when {@code version} is the current one; a
	 * second figure without it is 409.
	 */
	public InvestmentReport file(long projectId, NewInvestmentReport command) {
		ProjectRepository.Row project = this.projects.visibleRow(projectId);
		CurrentUser user = Access.requireUnitOrSupervisor(this.scopes, this.organization, project.leadUnitId());
		// the project before its figures, as its light's refresh and every other change
		// take them
		this.repository.lock(List.of(projectId));
		YearMonth now = YearMonth.now(this.clock);
		if (command.month().isAfter(now)) {
			throw DomainException.invalid("month", "future-month", "The month " + command.month() + " has not begun",
					command.month());
		}
		if (command.month().getYear() < 2000) {
			throw DomainException.invalid("month", "month-range", "The month is out of range");
		}
		BigDecimal amount = AnnualPlan.money(command.amount());
		Optional<InvestmentReport> existing = find(projectId, command.month());
		Timestamp at = Timestamp.from(this.clock.instant());
		boolean late = LocalDate.now(this.clock).isAfter(dueDate(command.month()));
		long id;
		if (existing.isPresent()) {
			if (command.version() == null) {
				throw DomainException.conflict("figure-exists",
						"The figure of " + command.month() + " was filed; correct it with its version",
						command.month());
			}
			int updated = this.jdbc
				.sql("update investment_report set amount = ?, narrative = ?, filed_by = ?, filed_at = ?, "
						+ "version = version + 1 where id = ? and version = ?")
				.params(amount, command.narrative(), user.accountId(), at, existing.get().id(), command.version())
				.update();
			if (updated == 0) {
				throw DomainException.staleVersion("investment-report", existing.get().id());
			}
			id = existing.get().id();
		}
		else {
			GeneratedKeyHolder keys = new GeneratedKeyHolder();
			this.jdbc.sql(
					"insert into investment_report (project_id, report_year, report_month, amount, narrative, unit_id, "
							+ "filed_by, filed_at, late) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
				.params(projectId, command.month().getYear(), command.month().getMonthValue(), amount,
						command.narrative(), project.leadUnitId(), user.accountId(), at, late)
				.update(keys, "id");
			id = keys.getKeyAs(Long.class);
		}
		this.lights.refresh(List.of(projectId));
		InvestmentReport filed = report(id);
		this.events
			.publishEvent(existing.isPresent() ? EntityChanged.updated("investment-report", id, existing.get(), filed)
					: EntityChanged.created("investment-report", id, filed));
		return filed;
	}

	/**
	 * Files several projects' figures for a month at once (a unit's monthly form): all of
	 * them, or none when one is refused.
	 */
	public List<InvestmentReport> fileAll(Map<Long, NewInvestmentReport> figures) {
		List<InvestmentReport> filed = new ArrayList<>();
		figures.forEach((project, figure) -> filed.add(file(project, figure)));
		return filed;
	}

	/** A project's figures, newest month first. */
	@Transactional(readOnly = true)
	public Page<InvestmentReport> ofProject(long projectId, PageRequest page) {
		this.projects.visibleRow(projectId);
		List<InvestmentReport> items = this.jdbc
			.sql("select " + COLUMNS + " from investment_report r where r.project_id = ? "
					+ "order by r.report_year desc, r.report_month desc offset ? rows fetch next ? rows only")
			.params(projectId, page.offset(), page.size())
			.query(this::row)
			.list();
		long total = this.jdbc.sql("select count(*) from investment_report where project_id = ?")
			.param(projectId)
			.query(Long.class)
			.single();
		return new Page<>(items, total, page.page(), page.size());
	}

	/**
	 * For each project of the query within the caller's scope that is not yet built and
	 * had begun by the month: whether the month's figure is in.
	 */
	@Transactional(readOnly = true)
	public List<FigureStatus> month(YearMonth month, ProjectQuery query) {
		List<Project> candidates = this.projects.all(query)
			.stream()
			.filter((p) -> !p.startDate().isAfter(month.atEndOfMonth()))
			.filter((p) -> !p.phase().finished())
			.toList();
		List<Long> ids = candidates.stream().map(Project::id).toList();
		Map<Long, InvestmentReport> filed = new HashMap<>();
		if (!ids.isEmpty()) {
			this.jdbc
				.sql("select " + COLUMNS + " from investment_report r where r.report_year = :year "
						+ "and r.report_month = :month and r.project_id in (:ids)")
				.param("year", month.getYear())
				.param("month", month.getMonthValue())
				.param("ids", ids)
				.query(this::row)
				.list()
				.forEach((report) -> filed.put(report.projectId(), report));
		}
		Map<Long, List<AnnualPlan>> plans = this.repository.plans(ids, month.getYear());
		LocalDate due = dueDate(month);
		LocalDate today = LocalDate.now(this.clock);
		List<FigureStatus> statuses = new ArrayList<>();
		for (Project project : candidates) {
			InvestmentReport report = filed.get(project.id());
			FigureStatus.State state = (report != null)
					? (report.late() ? FigureStatus.State.LATE : FigureStatus.State.FILED)
					: (today.isAfter(due) ? FigureStatus.State.MISSING : FigureStatus.State.PENDING);
			BigDecimal planned = plans.getOrDefault(project.id(), List.of())
				.stream()
				.findFirst()
				.map((plan) -> plan.monthly().get(month.getMonthValue() - 1))
				.orElse(null);
			statuses.add(new FigureStatus(project.id(), project.code(), project.name(), project.leadUnitId(),
					project.leadUnitName(), month, due, state, (report != null) ? report.amount() : null, planned,
					(report != null) ? report.filedAt() : null, (report != null) ? report.id() : null,
					(report != null) ? report.version() : null));
		}
		return statuses;
	}

	/** A project whose figure for a month is past due and not filed. */
	public record MissingFigure(long projectId, String code, String name, long leadUnitId, YearMonth month,
			LocalDate dueDate) {
	}

	/**
	 * The projects, not yet built and begun by then, whose figure for {@code month} is
	 * past due and not in, whoever asks: for the escalation rules, which run without a
	 * caller.
	 */
	@Transactional(readOnly = true)
	public List<MissingFigure> missingFigures(YearMonth month) {
		LocalDate due = dueDate(month);
		if (!LocalDate.now(this.clock).isAfter(due)) {
			return List.of();
		}
		return this.jdbc
			.sql("select p.id, p.code, p.name, p.lead_unit_id from project p where p.start_date <= ? "
					+ "and p.phase not in ('COMPLETED', 'OPERATING') and not exists (select 1 from investment_report r "
					+ "where r.project_id = p.id and r.report_year = ? and r.report_month = ?) order by p.id")
			.params(java.sql.Date.valueOf(month.atEndOfMonth()), month.getYear(), month.getMonthValue())
			.query((rs, n) -> new MissingFigure(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
					rs.getLong("lead_unit_id"), month, due))
			.list();
	}

	/** The day by which a month's figure is due: a set day of the following month. */
	public LocalDate dueDate(YearMonth month) {
		return month.plusMonths(1).atDay(this.properties.figureDueDay());
	}

	public Photo attachPhoto(long reportId, String fileName, String contentType, long size, InputStream content) {
		InvestmentReport report = report(reportId);
		ProjectRepository.Row project = this.projects.visibleRow(report.projectId());
		CurrentUser user = Access.requireUnitOrSupervisor(this.scopes, this.organization, project.leadUnitId());
		FileStore.Stored stored = this.files.store(contentType, size, content, PHOTO_TYPES,
				this.properties.maxPhotoSize());
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("insert into investment_photo (report_id, file_name, content_type, size_bytes, stored_name, "
					+ "uploaded_by, uploaded_at) values (?, ?, ?, ?, ?, ?, ?)")
			.params(reportId, FileStore.safeName(fileName), stored.contentType(), stored.size(), stored.name(),
					user.accountId(), Timestamp.from(this.clock.instant()))
			.update(keys, "id");
		Photo photo = photo(keys.getKeyAs(Long.class));
		this.events.publishEvent(EntityChanged.created("investment-photo", photo.id(), photo));
		return photo;
	}

	@Transactional(readOnly = true)
	public List<Photo> photos(long reportId) {
		InvestmentReport report = report(reportId);
		this.projects.visibleRow(report.projectId());
		return this.jdbc
			.sql("select id, report_id, file_name, content_type, size_bytes, uploaded_at from investment_photo "
					+ "where report_id = ? order by id")
			.param(reportId)
			.query(this::photoRow)
			.list();
	}

	/** The site photos of a project's figures, by figure. */
	@Transactional(readOnly = true)
	public Map<Long, List<Photo>> photosOfProject(long projectId) {
		this.projects.visibleRow(projectId);
		Map<Long, List<Photo>> photos = new java.util.LinkedHashMap<>();
		this.jdbc
			.sql("select p.id, p.report_id, p.file_name, p.content_type, p.size_bytes, p.uploaded_at "
					+ "from investment_photo p join investment_report r on r.id = p.report_id "
					+ "where r.project_id = ? order by p.id")
			.param(projectId)
			.query(this::photoRow)
			.list()
			.forEach((photo) -> photos.computeIfAbsent(photo.reportId(), (key) -> new ArrayList<>()).add(photo));
		return photos;
	}

	/** A photo and where its bytes are, when the caller may see its project. */
	@Transactional(readOnly = true)
	public Map.Entry<Photo, Path> photoFile(long id) {
		Photo photo = photo(id);
		this.projects.visibleRow(report(photo.reportId()).projectId());
		String stored = this.jdbc.sql("select stored_name from investment_photo where id = ?")
			.param(id)
			.query(String.class)
			.single();
		return Map.entry(photo, this.files.path(stored));
	}

	Optional<InvestmentReport> find(long projectId, YearMonth month) {
		return this.jdbc
			.sql("select " + COLUMNS + " from investment_report r where r.project_id = ? and r.report_year = ? "
					+ "and r.report_month = ?")
			.params(projectId, month.getYear(), month.getMonthValue())
			.query(this::row)
			.optional();
	}

	InvestmentReport report(long id) {
		return this.jdbc.sql("select " + COLUMNS + " from investment_report r where r.id = ?")
			.param(id)
			.query(this::row)
			.optional()
			.orElseThrow(() -> DomainException.notFound("investment report", id));
	}

	private Photo photo(long id) {
		return this.jdbc
			.sql("select id, report_id, file_name, content_type, size_bytes, uploaded_at from investment_photo "
					+ "where id = ?")
			.param(id)
			.query(this::photoRow)
			.optional()
			.orElseThrow(() -> DomainException.notFound("photo", id));
	}

	private Photo photoRow(ResultSet rs, int n) throws SQLException {
		return new Photo(rs.getLong("id"), rs.getLong("report_id"), rs.getString("file_name"),
				rs.getString("content_type"), rs.getLong("size_bytes"), rs.getTimestamp("uploaded_at").toInstant());
	}

	private InvestmentReport row(ResultSet rs, int n) throws SQLException {
		YearMonth month = YearMonth.of(rs.getInt("report_year"), rs.getInt("report_month"));
		return new InvestmentReport(rs.getLong("id"), rs.getLong("project_id"), month, rs.getBigDecimal("amount"),
				rs.getString("narrative"), rs.getLong("unit_id"), rs.getLong("filed_by"),
				rs.getTimestamp("filed_at").toInstant(), dueDate(month), rs.getBoolean("late"), rs.getInt("photos"),
				rs.getLong("version"));
	}

}
