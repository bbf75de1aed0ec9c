package dev.luoshi.evaluation;

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
import dev.luoshi.shared.DomainException;
import dev.luoshi.shared.EntityChanged;
import dev.luoshi.shared.FileStore;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.InputStreamSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Evidence files of nominations (commendations, photos, reports), attached by the
 * nominating unit's head or the office while the round is open; whoever sees the
 * nomination sees its files.
 */
@Service
@Transactional
public class NominationFiles {

	private static final String SELECT = "select id, nomination_id, file_name, content_type, size_bytes, attached_at "
			+ "from nomination_file";

	private final JdbcClient jdbc;

	private final Nominations nominations;

	private final DataScopes scopes;

	private final FileStore files;

	private final NominationProperties properties;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	NominationFiles(JdbcClient jdbc, Nominations nominations, DataScopes scopes, FileStore files,
			NominationProperties properties, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.nominations = nominations;
		this.scopes = scopes;
		this.files = files;
		this.properties = properties;
		this.events = events;
		this.clock = clock;
	}

	/** A file as it arrives. */
	public record Upload(String fileName, String contentType, long size, InputStreamSource content) {
	}

	/** Attaches evidence to a nomination of an open round; any other state is 409. */
	public NominationFile attach(long nominationId, Upload upload) {
		this.nominations.forEvidence(nominationId);
		CurrentUser user = this.scopes.caller().orElseThrow(() -> DomainException.forbidden("Sign in first"));
		FileStore.Stored stored;
		try (InputStream content = upload.content().getInputStream()) {
			stored = this.files.store(upload.contentType(), upload.size(), content, this.properties.evidenceTypes(),
					this.properties.maxEvidenceSize());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("insert into nomination_file (nomination_id, file_name, content_type, size_bytes, stored_name, "
					+ "attached_by, attached_at) values (?, ?, ?, ?, ?, ?, ?)")
			.params(nominationId, FileStore.safeName(upload.fileName()), stored.contentType(), stored.size(),
					stored.name(), user.accountId(), Timestamp.from(this.clock.instant()))
			.update(keys, "id");
		NominationFile attached = find(keys.getKeyAs(Long.class));
		this.events.publishEvent(
				new EntityChanged("nomination", String.valueOf(nominationId), "EVIDENCE_ATTACHED", null, attached));
		return attached;
	}

	/**
	 * Nominates with the evidence files at once: all of it lands, or (a refused file, a
	 * closed round) none of it.
	 */
	public Nomination nominate(Long roundId, Long personId, String deeds, List<Upload> uploads) {
		Nomination nomination = this.nominations.nominate(roundId, personId, deeds);
		uploads.forEach((upload) -> attach(nomination.id(), upload));
		return nomination;
	}

	@Transactional(readOnly = true)
	public List<NominationFile> of(long nominationId) {
		this.nominations.nomination(nominationId);
		return this.jdbc.sql(SELECT + " where nomination_id = ? order by id")
			.param(nominationId)
			.query(this::row)
			.list();
	}

	/** The files of nominations the caller already holds, by nomination. */
	@Transactional(readOnly = true)
	public Map<Long, List<NominationFile>> byNomination(List<Long> shownIds) {
		if (shownIds.isEmpty()) {
			return Map.of();
		}
		return this.jdbc.sql(SELECT + " where nomination_id in (:ids) order by id")
			.param("ids", shownIds)
			.query(this::row)
			.list()
			.stream()
			.collect(Collectors.groupingBy(NominationFile::nominationId));
	}

	/** A file the caller may see. */
	@Transactional(readOnly = true)
	public NominationFile file(long id) {
		NominationFile file = find(id);
		this.nominations.nomination(file.nominationId());
		return file;
	}

	/** Where the content of a file the caller may see is stored. */
	@Transactional(readOnly = true)
	public Path content(long id) {
		file(id);
		return this.files.path(this.jdbc.sql("select stored_name from nomination_file where id = ?")
			.param(id)
			.query(String.class)
			.single());
	}

	private NominationFile find(long id) {
		return this.jdbc.sql(SELECT + " where id = ?")
			.param(id)
			.query(this::row)
			.optional()
			.orElseThrow(() -> DomainException.notFound("file", id));
	}

	private NominationFile row(ResultSet rs, int n) throws SQLException {
		return new NominationFile(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getLong(5),
				NominationRounds.instant(rs, "attached_at"));
	}

}
