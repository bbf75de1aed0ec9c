package dev.luoshi.work;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

import dev.luoshi.shared.DomainException;
import dev.luoshi.shared.FileStore;
import dev.luoshi.shared.EntityChanged;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The files of a campaign's implementation plan (实施方案): documents, tables, scans. */
@Service
@Transactional
public class CampaignAttachments {

	private static final String SELECT = "select id, campaign_id, file_name, content_type, size_bytes from campaign_attachment";

	private final JdbcClient jdbc;

	private final Campaigns campaigns;

	private final FileStore files;

	private final WorkProperties properties;

	private final ApplicationEventPublisher events;

	CampaignAttachments(JdbcClient jdbc, Campaigns campaigns, FileStore files, WorkProperties properties,
			ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.campaigns = campaigns;
		this.files = files;
		this.properties = properties;
		this.events = events;
	}

	/** Adds a file to a campaign's plan. */
	public Attachment attach(long campaignId, String fileName, String contentType, long size, InputStream content) {
		this.campaigns.campaign(campaignId);
		FileStore.Stored stored = this.files.store(contentType, size, content, this.properties.evidenceTypes(),
				this.properties.maxEvidenceSize());
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("insert into campaign_attachment (campaign_id, file_name, content_type, size_bytes, stored_name) "
					+ "values (?, ?, ?, ?, ?)")
			.params(campaignId, FileStore.safeName(fileName), stored.contentType(), stored.size(), stored.name())
			.update(keys, "id");
		Attachment attachment = attachment(keys.getKeyAs(Long.class));
		this.events.publishEvent(EntityChanged.created("campaign-attachment", attachment.id(), attachment));
		return attachment;
	}

	@Transactional(readOnly = true)
	public List<Attachment> ofCampaign(long campaignId) {
		this.campaigns.campaign(campaignId);
		return this.jdbc.sql(SELECT + " where campaign_id = ? order by id")
			.param(campaignId)
			.query((rs, n) -> new Attachment(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
					rs.getLong(5)))
			.list();
	}

	@Transactional(readOnly = true)
	public Attachment attachment(long id) {
		Attachment attachment = this.jdbc.sql(SELECT + " where id = ?")
			.param(id)
			.query((rs, n) -> new Attachment(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
					rs.getLong(5)))
			.optional()
			.orElseThrow(() -> DomainException.notFound("campaign-attachment", id));
		this.campaigns.campaign(attachment.campaignId());
		return attachment;
	}

	@Transactional(readOnly = true)
	public Path file(long id) {
		attachment(id);
		return this.files.path(this.jdbc.sql("select stored_name from campaign_attachment where id = ?")
			.param(id)
			.query(String.class)
			.single());
	}

}
