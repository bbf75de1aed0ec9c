package dev.luoshi.work;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.luoshi.organization.Organization;
import dev.luoshi.identity.DataScopes;
import dev.luoshi.shared.DomainException;
import dev.luoshi.shared.EntityChanged;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * Evidence files of progress reports, stored under {@code luoshi.data-dir/evidence}
 * (outside the web root) by a generated name. A file's declared type must be allowed and
 * match what its first bytes say it is.
 */
@Service
@Transactional
public class EvidenceFiles {

	/** Magic numbers by the content types they prove. */
	private static final Map<String, byte[]> SIGNATURES = Map.of("image/jpeg",
			new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF }, "image/png",
			new byte[] { (byte) 0x89, 'P', 'N', 'G' }, "application/pdf", new byte[] { '%', 'P', 'D', 'F' },
			"application/vnd.openxmlformats-officedocument.wordprocessingml.document", new byte[] { 'P', 'K', 3, 4 },
			"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", new byte[] { 'P', 'K', 3, 4 });

	private final JdbcClient jdbc;

	private final ReportRepository reports;

	private final TaskBook taskBook;

	private final Organization organization;

	private final DataScopes scopes;

	private final WorkProperties properties;

	private final ApplicationEventPublisher events;

	private final Path directory;

	EvidenceFiles(JdbcClient jdbc, ReportRepository reports, TaskBook taskBook, Organization organization,
			DataScopes scopes, WorkProperties properties, ApplicationEventPublisher events,
			@Value("${luoshi.data-dir:./data}") Path dataDir) {
		this.jdbc = jdbc;
		this.reports = reports;
		this.taskBook = taskBook;
		this.organization = organization;
		this.scopes = scopes;
		this.properties = properties;
		this.events = events;
		this.directory = dataDir.resolve("evidence");
	}

	public Evidence attach(long reportId, String fileName, String contentType, long size, InputStream content) {
		Report report = this.reports.find(reportId).orElseThrow(() -> DomainException.notFound("report", reportId));
		this.taskBook.visibleRow(report.taskId());
		Access.actingUnit(this.scopes, this.organization, List.of(report.unitId()));
		if (size > this.properties.maxEvidenceSize().toBytes()) {
			throw new MaxUploadSizeExceededException(this.properties.maxEvidenceSize().toBytes());
		}
		String type = (contentType != null) ? contentType.toLowerCase().split(";")[0].strip() : "";
		if (!this.properties.evidenceTypes().contains(type) || !SIGNATURES.containsKey(type)) {
			throw DomainException.invalid("file", "evidence-type", "Files of type " + type + " are not accepted", type);
		}
		String stored = UUID.randomUUID().toString();
		Path target = this.directory.resolve(stored);
		try {
			Files.createDirectories(this.directory);
			Files.copy(content, target, StandardCopyOption.REPLACE_EXISTING);
			if (!startsWith(target, SIGNATURES.get(type))) {
				Files.deleteIfExists(target);
				throw DomainException.invalid("file", "evidence-content", "The file is not really " + type, type);
			}
			GeneratedKeyHolder keys = new GeneratedKeyHolder();
			this.jdbc
				.sql("insert into report_evidence (report_id, file_name, content_type, size_bytes, stored_name) "
						+ "values (?, ?, ?, ?, ?)")
				.params(reportId, safeName(fileName), type, Files.size(target), stored)
				.update(keys, "id");
			Evidence evidence = evidence(keys.getKeyAs(Long.class));
			this.events.publishEvent(EntityChanged.created("evidence", evidence.id(), evidence));
			return evidence;
		}
		catch (IOException ex) {
			deleteQuietly(target);
			throw new UncheckedIOException(ex);
		}
		catch (RuntimeException ex) {
			deleteQuietly(target);
			throw ex;
		}
	}

	@Transactional(readOnly = true)
	public List<Evidence> ofReport(long reportId) {
		Report report = this.reports.find(reportId).orElseThrow(() -> DomainException.notFound("report", reportId));
		this.taskBook.visibleRow(report.taskId());
		return this.jdbc
			.sql("select id, report_id, file_name, content_type, size_bytes from report_evidence where report_id = ? "
					+ "order by id")
			.param(reportId)
			.query((rs, n) -> new Evidence(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
					rs.getLong(5)))
			.list();
	}

	/** The stored file of an evidence the caller may see. */
	@Transactional(readOnly = true)
	public Path file(long evidenceId) {
		Evidence evidence = evidence(evidenceId);
		Report report = this.reports.find(evidence.reportId()).orElseThrow();
		this.taskBook.visibleRow(report.taskId());
		String stored = this.jdbc.sql("select stored_name from report_evidence where id = ?")
			.param(evidenceId)
			.query(String.class)
			.single();
		return this.directory.resolve(stored);
	}

	@Transactional(readOnly = true)
	public Evidence evidence(long id) {
		return this.jdbc
			.sql("select id, report_id, file_name, content_type, size_bytes from report_evidence where id = ?")
			.param(id)
			.query((rs, n) -> new Evidence(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
					rs.getLong(5)))
			.optional()
			.orElseThrow(() -> DomainException.notFound("evidence", id));
	}

	/**
	 * The last part of a name, without directories or control characters, at most 200
	 * characters.
	 */
	static String safeName(String name) {
		String base = (name != null) ? name.replace('\\', '/') : "";
		base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}]", "").strip();
		if (base.isEmpty() || base.equals(".") || base.equals("..")) {
			base = "evidence";
		}
		return (base.length() > 200) ? base.substring(base.length() - 200) : base;
	}

	private static boolean startsWith(Path file, byte[] signature) throws IOException {
		try (InputStream input = Files.newInputStream(file)) {
			byte[] head = input.readNBytes(signature.length);
			return Arrays.equals(head, signature);
		}
	}

	private static void deleteQuietly(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			// the file is unreferenced either way; a leftover is harmless
		}
	}

}
