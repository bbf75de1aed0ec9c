package dev.luoshi.work;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.luoshi.identity.CurrentUser;
import dev.luoshi.identity.DataScopes;
import dev.luoshi.identity.Role;
import dev.luoshi.organization.Organization;
import dev.luoshi.shared.Digests;
import dev.luoshi.shared.DomainException;
import dev.luoshi.shared.EntityChanged;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Responsibility letters (责任状): one per lead unit of a campaign, listing its tasks and
 * targets, signed by that unit's head. Signing freezes the text and keeps its SM3 digest.
 */
@Service
@Transactional
public class ResponsibilityLetters {

	private final JdbcClient jdbc;

	private final Campaigns campaigns;

	private final TaskRepository tasks;

	private final Organization organization;

	private final DataScopes scopes;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ResponsibilityLetters(JdbcClient jdbc, Campaigns campaigns, TaskRepository tasks, Organization organization,
			DataScopes scopes, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.campaigns = campaigns;
		this.tasks = tasks;
		this.organization = organization;
		this.scopes = scopes;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Makes sure every lead unit of the campaign has its letter, and returns them all.
	 */
	public List<Letter> issue(long campaignId) {
		CampaignRepository.Row campaign = this.campaigns.row(campaignId);
		List<Long> leadUnits = this.tasks.byCampaign(campaignId)
			.stream()
			.filter((task) -> task.status() != TaskStatus.CANCELLED)
			.map(TaskRepository.Row::leadUnitId)
			.distinct()
			.toList();
		for (Long unit : leadUnits) {
			if (find(campaignId, unit).isEmpty()) {
				this.jdbc.sql("insert into responsibility_letter (campaign_id, unit_id) values (?, ?)")
					.params(campaignId, unit)
					.update();
				Letter issued = find(campaignId, unit).map((row) -> view(campaign, row)).orElseThrow();
				this.events.publishEvent(EntityChanged.created("letter", issued.id(), issued));
			}
		}
		return letters(campaignId);
	}

	@Transactional(readOnly = true)
	public List<Letter> letters(long campaignId) {
		CampaignRepository.Row campaign = this.campaigns.row(campaignId);
		this.campaigns.campaign(campaignId);
		return this.jdbc.sql(SELECT + " where campaign_id = ? order by id")
			.param(campaignId)
			.query(ResponsibilityLetters::row)
			.list()
			.stream()
			.map((row) -> view(campaign, row))
			.toList();
	}

	/** Signs a letter: only the head of its unit may, and only once. */
	public Letter sign(long letterId) {
		Row row = this.jdbc.sql(SELECT + " where id = ?")
			.param(letterId)
			.query(ResponsibilityLetters::row)
			.optional()
			.orElseThrow(() -> DomainException.notFound("letter", letterId));
		CurrentUser user = this.scopes.caller().orElseThrow(() -> DomainException.forbidden("Sign in first"));
		if (!user.hasRole(Role.UNIT_HEAD) || user.unitId() != row.unitId()) {
			throw DomainException.forbidden("Only the head of the unit signs its responsibility letter");
		}
		if (row.signedAt() != null) {
			throw DomainException.conflict("letter-signed", "The letter was signed already");
		}
		CampaignRepository.Row campaign = this.campaigns.row(row.campaignId());
		Letter before = view(campaign, row);
		String content = content(campaign, row.unitId());
		int updated = this.jdbc
			.sql("update responsibility_letter set content = ?, digest = ?, signed_at = ?, signed_by = ?, "
					+ "version = version + 1 where id = ? and signed_at is null")
			.params(content, Digests.sm3(content), Timestamp.from(this.clock.instant()), user.accountId(), letterId)
			.update();
		if (updated == 0) {
			throw DomainException.conflict("letter-signed", "The letter was signed already");
		}
		Letter after = find(row.campaignId(), row.unitId()).map((signed) -> view(campaign, signed)).orElseThrow();
		this.events.publishEvent(new EntityChanged("letter", String.valueOf(letterId), "SIGNED", before, after));
		return after;
	}

	private Optional<Row> find(long campaignId, long unitId) {
		return this.jdbc.sql(SELECT + " where campaign_id = ? and unit_id = ?")
			.params(campaignId, unitId)
			.query(ResponsibilityLetters::row)
			.optional();
	}

	private Letter view(CampaignRepository.Row campaign, Row row) {
		String current = content(campaign, row.unitId());
		boolean matches = row.digest() == null || row.digest().equals(Digests.sm3(current));
		return new Letter(row.id(), row.campaignId(), row.unitId(),
				this.organization.unitNames(List.of(row.unitId())).get(row.unitId()),
				ledTasks(campaign.id(), row.unitId()).stream().map(TaskRepository.Row::id).toList(),
				(row.content() != null) ? row.content() : current, row.signedAt(), row.signedBy(), row.digest(),
				matches);
	}

	/**
	 * The letter's text: the campaign, the unit, and each task it leads with target and
	 * deadline.
	 */
	private String content(CampaignRepository.Row campaign, long unitId) {
		String unitName = this.organization.unitNames(List.of(unitId)).get(unitId);
		String lines = ledTasks(campaign.id(), unitId).stream()
			.map((task) -> task.outline() + " " + task.title()
					+ ((task.targetIndicator() != null) ? "｜目标：" + task.targetIndicator() + " "
							+ ((task.targetValue() != null) ? task.targetValue().stripTrailingZeros().toPlainString()
									: "")
							+ ((task.targetUnit() != null) ? task.targetUnit() : "") : "")
					+ "｜完成时限：" + task.deadline())
			.collect(Collectors.joining("\n"));
		return "目标责任书\n" + campaign.name() + "（" + campaign.code() + "）\n责任单位：" + unitName + "\n" + lines + "\n";
	}

	private List<TaskRepository.Row> ledTasks(long campaignId, long unitId) {
		return this.tasks.byCampaign(campaignId)
			.stream()
			.filter((task) -> task.leadUnitId() == unitId && task.status() != TaskStatus.CANCELLED)
			.sorted(Comparator.comparing(TaskRepository.Row::idPath))
			.toList();
	}

	private static final String SELECT = "select id, campaign_id, unit_id, content, digest, signed_at, signed_by "
			+ "from responsibility_letter";

	private static Row row(java.sql.ResultSet rs, int rowNum) throws java.sql.SQLException {
		OffsetDateTime signedAt = rs.getObject("signed_at", OffsetDateTime.class);
		return new Row(rs.getLong("id"), rs.getLong("campaign_id"), rs.getLong("unit_id"), rs.getString("content"),
				rs.getString("digest"), (signedAt != null) ? signedAt.toInstant() : null,
				rs.getObject("signed_by", Long.class));
	}

	private record Row(long id, long campaignId, long unitId, String content, String digest, java.time.Instant signedAt,
			Long signedBy) {
	}

}
