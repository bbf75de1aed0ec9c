package dev.luoshi.work;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

import dev.luoshi.identity.DataScopes;
import dev.luoshi.organization.Organization;
import dev.luoshi.shared.DomainException;
import dev.luoshi.shared.FileStore;
import dev.luoshi.shared.EntityChanged;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Evidence files of progress reports, attached by the reporting unit, seen by whoever
 * sees the task.
 */
@Service
@Transactional
public class EvidenceFiles {

	private static final String SELECT = "select id, report_id, file_name, content_type, size_bytes from report_evidence";

	private final JdbcClient jdbc;

	private final ReportRepository reports;

	private final TaskBook taskBook;

	private final Organization organization;

	private final DataScopes scopes;

	private final FileStore files;

	private final WorkProperties properties;

	private final ApplicationEventPublisher events;

	EvidenceFiles(JdbcClient jdbc, ReportRepository reports, TaskBook taskBook, Organization organization,
			DataScopes scopes, FileStore files, WorkProperties properties, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.reports = reports;
		this.taskBook = taskBook;
		this.organization = organization;
		this.scopes = scopes;
		this.files = files;
		this.properties = properties;
		this.events = events;
	}

	public Evidence attach(long reportId, String fileName, String contentType, long size, InputStream content) {
		Report report = visibleReport(reportId);
		Access.actingUnit(this.scopes, this.organization, List.of(report.unitId()));
		FileStore.Stored stored = this.files.store(contentType, size, content, this.properties.evidenceTypes(),
				this.properties.maxEvidenceSize());
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("insert into report_evidence (report_id, file_name, content_type, size_bytes, stored_name) "
					+ "values (?, ?, ?, ?, ?)")
			.params(reportId, FileStore.safeName(fileName), stored.contentType(), stored.size(), stored.name())
			.update(keys, "id");
		Evidence evidence = evidence(keys.getKeyAs(Long.class));
		this.events.publishEvent(EntityChanged.created("evidence", evidence.id(), evidence));
		return evidence;
	}

	@Transactional(readOnly = true)
	public List<Evidence> ofReport(long reportId) {
		visibleReport(reportId);
		return this.jdbc.sql(SELECT + " where report_id = ? order by id")
			.param(reportId)
			.query((rs, n) -> new Evidence(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
					rs.getLong(5)))
			.list();
	}

	/** The stored file of an evidence the caller may see. */
	@Transactional(readOnly = true)
	public Path file(long evidenceId) {
		visibleReport(evidence(evidenceId).reportId());
		return this.files.path(this.jdbc.sql("select stored_name from report_evidence where id = ?")
			.param(evidenceId)
			.query(String.class)
			.single());
	}

	@Transactional(readOnly = true)
	public Evidence evidence(long id) {
		return this.jdbc.sql(SELECT + " where id = ?")
			.param(id)
			.query((rs, n) -> new Evidence(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
					rs.getLong(5)))
			.optional()
			.orElseThrow(() -> DomainException.notFound("evidence", id));
	}

	private Report visibleReport(long reportId) {
		Report report = this.reports.find(reportId).orElseThrow(() -> DomainException.notFound("report", reportId));
		this.taskBook.visibleRow(report.taskId());
		return report;
	}

}
