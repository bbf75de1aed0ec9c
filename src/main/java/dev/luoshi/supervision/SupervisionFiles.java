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
import dev.luoshi.supervision.SupervisionFile.Owner;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.InputStreamSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Files of supervision. The unit attaches evidence to its rectification while it is open
 * (before it submits, or after it was sent back); the office attaches site photos to an
 * inspection. Whoever sees the rectification or the inspection sees its files.
 */
@Service
@Transactional
public class SupervisionFiles {

	private static final String SELECT = "select id, owner_kind, owner_id, file_name, content_type, size_bytes, "
			+ "attached_at from supervision_file";

	private final JdbcClient jdbc;

	private final Rectifications rectifications;

	private final Findings findings;

	private final Organization organization;

	private final DataScopes scopes;

	private final FileStore files;

	private final SupervisionProperties properties;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	SupervisionFiles(JdbcClient jdbc, Rectifications rectifications, Findings findings, Organization organization,
			DataScopes scopes, FileStore files, SupervisionProperties properties, ApplicationEventPublisher events,
			Clock clock) {
		this.jdbc = jdbc;
		this.rectifications = rectifications;
		this.findings = findings;
		this.organization = organization;
		this.scopes = scopes;
		this.files = files;
		this.properties = properties;
		this.events = events;
		this.clock = clock;
	}

	/** The unit attaches evidence to its open rectification; any other state is 409. */
	public SupervisionFile attachEvidence(long rectificationId, Upload upload) {
		Rectification rectification = this.rectifications.rectification(rectificationId);
		CurrentUser user = caller();
		if (!user.hasAnyRole(Role.UNIT_OPERATOR, Role.UNIT_HEAD)
				|| !this.organization.subtree(user.unitId()).contains(rectification.unitId())) {
			throw DomainException.forbidden("Only the unit under rectification attaches its evidence");
		}
		if (rectification.status() != Rectification.Status.OPEN) {
			throw DomainException.conflict("rectification-state",
					"Files can be attached only to an open rectification, this one is " + rectification.status(),
					rectification.status());
		}
		return store(Owner.RECTIFICATION, rectificationId, upload, this.properties.evidenceTypes(), user);
	}

	/** The office attaches a site photo (JPEG or PNG) to an inspection. */
	public SupervisionFile attachPhoto(long inspectionId, Upload upload) {
		this.findings.inspection(inspectionId);
		CurrentUser user = caller();
		if (!user.hasAnyRole(Role.SUPERVISOR, Role.ADMIN)) {
			throw DomainException.forbidden("Only the supervision office adds inspection photos");
		}
		return store(Owner.INSPECTION, inspectionId, upload, List.of("image/jpeg", "image/png"), user);
	}

	/**
	 * The unit submits its evidence text and files together: all of it lands, or (a file
	 * of a refused type, a step the state does not allow) none of it.
	 */
	public Rectification submit(long rectificationId, String evidence, List<Upload> uploads) {
		uploads.forEach((upload) -> attachEvidence(rectificationId, upload));
		return this.rectifications.submit(rectificationId, evidence);
	}

	/** A file as it arrives. */
	public record Upload(String fileName, String contentType, long size, InputStreamSource content) {
	}

	@Transactional(readOnly = true)
	public List<SupervisionFile> of(Owner owner, long ownerId) {
		requireVisible(owner, ownerId);
		return this.jdbc.sql(SELECT + " where owner_kind = ? and owner_id = ? order by id")
			.params(owner.name(), ownerId)
			.query(this::row)
			.list();
	}

	/**
	 * The files of rectifications or inspections the caller already holds, by their id.
	 */
	@Transactional(readOnly = true)
	public Map<Long, List<SupervisionFile>> byOwner(Owner owner, List<Long> shownIds) {
		if (shownIds.isEmpty()) {
			return Map.of();
		}
		return this.jdbc.sql(SELECT + " where owner_kind = :owner and owner_id in (:ids) order by id")
			.param("owner", owner.name())
			.param("ids", shownIds)
			.query(this::row)
			.list()
			.stream()
			.collect(Collectors.groupingBy(SupervisionFile::ownerId));
	}

	/** A file the caller may see. */
	@Transactional(readOnly = true)
	public SupervisionFile file(long id) {
		SupervisionFile file = this.jdbc.sql(SELECT + " where id = ?")
			.param(id)
			.query(this::row)
			.optional()
			.orElseThrow(() -> DomainException.notFound("file", id));
		requireVisible(file.owner(), file.ownerId());
		return file;
	}

	/** Where the content of a file the caller may see is stored. */
	@Transactional(readOnly = true)
	public Path content(long id) {
		file(id);
		return this.files.path(this.jdbc.sql("select stored_name from supervision_file where id = ?")
			.param(id)
			.query(String.class)
			.single());
	}

	private SupervisionFile store(Owner owner, long ownerId, Upload upload, List<String> types, CurrentUser user) {
		FileStore.Stored stored;
		try (InputStream content = upload.content().getInputStream()) {
			stored = this.files.store(upload.contentType(), upload.size(), content, types,
					this.properties.maxEvidenceSize());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql(
				"insert into supervision_file (owner_kind, owner_id, file_name, content_type, size_bytes, stored_name, "
						+ "attached_by, attached_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
			.params(owner.name(), ownerId, FileStore.safeName(upload.fileName()), stored.contentType(), stored.size(),
					stored.name(), user.accountId(), Timestamp.from(this.clock.instant()))
			.update(keys, "id");
		SupervisionFile attached = file(keys.getKeyAs(Long.class));
		this.events.publishEvent(EntityChanged.created("supervision-file", attached.id(), attached));
		return attached;
	}

	private void requireVisible(Owner owner, long ownerId) {
		switch (owner) {
			case RECTIFICATION -> this.rectifications.rectification(ownerId);
			case INSPECTION -> {
				// the office's plan and photos, unannounced visits included
				if (!caller().hasAnyRole(Role.SUPERVISOR, Role.ADMIN, Role.LEADER)) {
					throw DomainException.forbidden("Inspections are the supervision office's");
				}
				this.findings.inspection(ownerId);
			}
		}
	}

	private CurrentUser caller() {
		return this.scopes.caller().orElseThrow(() -> DomainException.forbidden("Sign in first"));
	}

	private SupervisionFile row(ResultSet rs, int n) throws SQLException {
		return new SupervisionFile(rs.getLong(1), Owner.valueOf(rs.getString(2)), rs.getLong(3), rs.getString(4),
				rs.getString(5), rs.getLong(6), Notices.instant(rs, "attached_at"));
	}

}
