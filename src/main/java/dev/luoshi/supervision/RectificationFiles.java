package dev.luoshi.supervision;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.luoshi.identity.CurrentUser;
import dev.luoshi.identity.DataScopes;
import dev.luoshi.identity.Role;
import dev.luoshi.organization.Organization;
import dev.luoshi.shared.DomainException;
import dev.luoshi.shared.EntityChanged;
import dev.luoshi.shared.FileStore;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.InputStreamSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Evidence files of rectifications: the unit attaches them while the rectification is
 * open (before it submits, or after it was sent back); whoever sees the rectification
 * sees them.
 */
@Service
@Transactional
public class RectificationFiles {

	private static final String SELECT = "select id, rectification_id, file_name, content_type, size_bytes, attached_at "
			+ "from rectification_file";

	private final JdbcClient jdbc;

	private final Rectifications rectifications;

	private final Organization organization;

	private final DataScopes scopes;

	private final FileStore files;

	private final SupervisionProperties properties;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	RectificationFiles(JdbcClient jdbc, Rectifications rectifications, Organization organization, DataScopes scopes,
			FileStore files, SupervisionProperties properties, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.rectifications = rectifications;
		this.organization = organization;
		this.scopes = scopes;
		this.files = files;
		this.properties = properties;
		this.events = events;
		this.clock = clock;
	}

	/** The unit attaches a file to its open rectification; any other state is 409. */
	public RectificationFile attach(long rectificationId, String fileName, String contentType, long size,
			InputStream content) {
		Rectification rectification = this.rectifications.rectification(rectificationId);
		CurrentUser user = this.scopes.caller().orElseThrow(() -> DomainException.forbidden("Sign in first"));
		if (!user.hasAnyRole(Role.UNIT_OPERATOR, Role.UNIT_HEAD)
				|| !this.organization.subtree(user.unitId()).contains(rectification.unitId())) {
			throw DomainException.forbidden("Only the unit under rectification attaches its evidence");
		}
		if (rectification.status() != Rectification.Status.OPEN) {
			throw DomainException.conflict("rectification-state",
					"Files can be attached only to an open rectification, this one is " + rectification.status(),
					rectification.status());
		}
		FileStore.Stored stored = this.files.store(contentType, size, content, this.properties.evidenceTypes(),
				this.properties.maxEvidenceSize());
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCompletion(int status) {
				if (status != STATUS_COMMITTED) {
					RectificationFiles.this.files.delete(stored.name());
				}
			}
		});
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("insert into rectification_file (rectification_id, file_name, content_type, size_bytes, "
					+ "stored_name, attached_by, attached_at) values (?, ?, ?, ?, ?, ?, ?)")
			.params(rectificationId, FileStore.safeName(fileName), stored.contentType(), stored.size(), stored.name(),
					user.accountId(), Timestamp.from(this.clock.instant()))
			.update(keys, "id");
		RectificationFile attached = find(keys.getKeyAs(Long.class));
		this.events.publishEvent(EntityChanged.created("rectification-file", attached.id(), attached));
		return attached;
	}

	/**
	 * The unit submits its evidence text and files together: all of it lands, or (a file
	 * of a refused type, a step the state does not allow) none of it.
	 */
	public Rectification submit(long rectificationId, String evidence, List<Upload> uploads) {
		for (Upload upload : uploads) {
			try (InputStream content = upload.content().getInputStream()) {
				attach(rectificationId, upload.fileName(), upload.contentType(), upload.size(), content);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return this.rectifications.submit(rectificationId, evidence);
	}

	/** A file as it arrives from a form. */
	public record Upload(String fileName, String contentType, long size, InputStreamSource content) {
	}

	/** The files of rectifications the caller already holds, by rectification. */
	@Transactional(readOnly = true)
	public Map<Long, List<RectificationFile>> byRectification(List<Rectification> shown) {
		if (shown.isEmpty()) {
			return Map.of();
		}
		return this.jdbc.sql(SELECT + " where rectification_id in (:ids) order by id")
			.param("ids", shown.stream().map(Rectification::id).toList())
			.query(this::row)
			.list()
			.stream()
			.collect(Collectors.groupingBy(RectificationFile::rectificationId));
	}

	@Transactional(readOnly = true)
	public List<RectificationFile> of(long rectificationId) {
		this.rectifications.rectification(rectificationId);
		return this.jdbc.sql(SELECT + " where rectification_id = ? order by id")
			.param(rectificationId)
			.query(this::row)
			.list();
	}

	/** A file the caller may see. */
	@Transactional(readOnly = true)
	public RectificationFile file(long id) {
		RectificationFile file = find(id);
		this.rectifications.rectification(file.rectificationId());
		return file;
	}

	/** Where the content of a file the caller may see is stored. */
	@Transactional(readOnly = true)
	public Path content(long id) {
		file(id);
		return this.files.path(this.jdbc.sql("select stored_name from rectification_file where id = ?")
			.param(id)
			.query(String.class)
			.single());
	}

	private RectificationFile find(long id) {
		return this.jdbc.sql(SELECT + " where id = ?")
			.param(id)
			.query(this::row)
			.optional()
			.orElseThrow(() -> DomainException.notFound("rectification file", id));
	}

	private RectificationFile row(ResultSet rs, int n) throws SQLException {
		return new RectificationFile(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getLong(5),
				Notices.instant(rs, "attached_at"));
	}

}
