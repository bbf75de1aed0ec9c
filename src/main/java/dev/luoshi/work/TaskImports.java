package dev.luoshi.work;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.luoshi.organization.Organization;
import dev.luoshi.organization.People;
import dev.luoshi.organization.Person;
import dev.luoshi.organization.Unit;
import dev.luoshi.shared.DomainException;
import dev.luoshi.shared.EntityChanged;
import dev.luoshi.shared.LedgerDates;
import dev.luoshi.shared.LedgerSheet;
import dev.luoshi.shared.PageRequest;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports a task book from the ledger people keep, all or nothing: every row is checked
 * first and the refused rows are named by their spreadsheet row number and column
 * heading.
 */
@Service
@Transactional
public class TaskImports {

	private static final Pattern SEPARATORS = Pattern.compile("[、，,;；/]+");

	private static final int MAX_TITLE = 500;

	private static final int MAX_TARGET_DIGITS = 16;

	private static final Pattern TARGET = Pattern.compile("^(.*?)(\\d+(?:\\.\\d+)?)\\s*([^\\d\\s]{0,10})\\s*$");

	private final TaskBatches batches;

	private final Campaigns campaigns;

	private final LightKeeper lights;

	private final Organization organization;

	private final People people;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	TaskImports(TaskBatches batches, Campaigns campaigns, LightKeeper lights, Organization organization, People people,
			ApplicationEventPublisher events, Clock clock) {
		this.batches = batches;
		this.campaigns = campaigns;
		this.lights = lights;
		this.organization = organization;
		this.people = people;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Adds the ledger's tasks to the campaign, each row checked as it is read (the sheet
	 * is not held), then all written at once in batches, already with the outline codes
	 * and lights the recomputation after them would give; one audit event records the
	 * import.
	 */
	public ImportResult importLedger(long campaignId, InputStream input) {
		CampaignRepository.Row campaign = this.campaigns.row(campaignId);
		// the checked rows are held only while they are written, not through the
		// recomputation of the lights, which reads the whole tree
		int imported = add(campaign, checked(campaign, input));
		this.lights.refreshCampaign(campaignId);
		this.events.publishEvent(new EntityChanged("campaign", String.valueOf(campaignId), "TASKS_IMPORTED", null,
				Map.of("imported", imported)));
		return new ImportResult(imported, List.of());
	}

	/** The ledger's rows as tasks to add, once every row has passed. */
	private List<TaskBatches.Planned> checked(CampaignRepository.Row campaign, InputStream input) {
		Resolution resolution = new Resolution(campaign);
		LedgerSheet.Parsed<TaskLedger.Column> ledger = LedgerSheet.read(input, TaskLedger.Column.class,
				TaskLedger.Column.TITLE, 3, resolution::resolve);
		if (!ledger.columns().containsKey(TaskLedger.Column.TITLE)
				|| !ledger.columns().containsKey(TaskLedger.Column.LEAD)
				|| !ledger.columns().containsKey(TaskLedger.Column.DEADLINE)) {
			throw DomainException.invalid("file", "ledger-header",
					"No header row with 任务名称, 牵头单位 and 完成时限 among the first rows");
		}
		if (!resolution.errors.isEmpty()) {
			throw DomainException.invalidRows("ledger-rows",
					resolution.errors.size() + " errors in the ledger; nothing was imported", resolution.errors);
		}
		return resolution.planned;
	}

	private int add(CampaignRepository.Row campaign, List<TaskBatches.Planned> planned) {
		this.lights.lockCampaign(campaign.id());
		TaskBatches.TopLevel top = this.batches.topLevel(campaign.id());
		LedgerLayout layout = new LedgerLayout(planned, campaign.startDate(), top.count(), top.lastPosition(),
				this.lights.newTaskLights());
		return this.batches.insert(campaign.id(), campaign.startDate(), planned, layout, this.clock.instant()).length;
	}

	/**
	 * A row's outline code as seen: its deadline, and its task's index when it was taken.
	 */
	private record Seen(LocalDate deadline, int index) {
	}

	/**
	 * Checks each row against the organisation and the rows before it. Units and people
	 * are looked up once a name.
	 */
	private final class Resolution {

		private final CampaignRepository.Row campaign;

		private final List<TaskBatches.Planned> planned = new ArrayList<>();

		private final Map<String, Seen> codes = new HashMap<>();

		private final Map<String, Optional<Long>> units = new HashMap<>();

		private final Map<String, Optional<Long>> people = new HashMap<>();

		private final List<DomainException.RowError> errors = new ArrayList<>();

		private int topLevel;

		private String lastTop;

		Resolution(CampaignRepository.Row campaign) {
			this.campaign = campaign;
		}

		void resolve(LedgerSheet.Line<TaskLedger.Column> line) {
			int before = this.errors.size();
			String title = line.text(TaskLedger.Column.TITLE);
			if (title.isEmpty()) {
				error(line, TaskLedger.Column.TITLE, "任务名称为空");
			}
			else if (title.length() > MAX_TITLE) {
				error(line, TaskLedger.Column.TITLE, "任务名称超过 " + MAX_TITLE + " 字");
			}
			String code = outline(line);
			String parentCode = (code != null && code.contains(".")) ? code.substring(0, code.lastIndexOf('.')) : null;
			Seen parent = (parentCode != null) ? this.codes.get(parentCode) : null;
			if (code == null) {
				error(line, TaskLedger.Column.CODE, "编号“" + line.text(TaskLedger.Column.CODE) + "”无法识别");
			}
			else if (this.codes.containsKey(code)) {
				error(line, TaskLedger.Column.CODE, "编号 " + code + " 重复");
			}
			else if (parentCode != null && parent == null) {
				error(line, TaskLedger.Column.CODE, "上级编号 " + parentCode + " 不在此行之前");
			}
			List<String> leadNames = split(line.text(TaskLedger.Column.LEAD));
			Long lead = leadNames.isEmpty() ? null : unit(line, TaskLedger.Column.LEAD, leadNames.get(0));
			if (leadNames.isEmpty()) {
				error(line, TaskLedger.Column.LEAD, "牵头单位为空");
			}
			Set<Long> cooperating = new LinkedHashSet<>();
			leadNames.stream().skip(1).forEach((name) -> cooperating.add(unit(line, TaskLedger.Column.LEAD, name)));
			split(line.text(TaskLedger.Column.COOPERATING))
				.forEach((name) -> cooperating.add(unit(line, TaskLedger.Column.COOPERATING, name)));
			cooperating.remove(lead);
			Long territorial = split(line.text(TaskLedger.Column.TERRITORIAL)).stream()
				.findFirst()
				.map((name) -> unit(line, TaskLedger.Column.TERRITORIAL, name))
				.orElse(null);
			Long leader = leader(line);
			LocalDate deadline = deadline(line);
			if (deadline != null && parent != null && parent.deadline() != null
					&& deadline.isAfter(parent.deadline())) {
				error(line, TaskLedger.Column.DEADLINE, "完成时限晚于上级任务的时限 " + parent.deadline());
			}
			if (deadline != null && deadline.isBefore(this.campaign.startDate())) {
				error(line, TaskLedger.Column.DEADLINE, "完成时限早于专项行动的开始日期 " + this.campaign.startDate());
			}
			Target target = target(line.text(TaskLedger.Column.TARGET));
			if (target != null && target.value() != null
					&& target.value().precision() - target.value().scale() > MAX_TARGET_DIGITS) {
				error(line, TaskLedger.Column.TARGET, "目标值超过 " + MAX_TARGET_DIGITS + " 位");
			}
			boolean taken = this.errors.size() == before;
			if (code != null && !this.codes.containsKey(code)) {
				this.codes.put(code, new Seen(deadline, taken ? this.planned.size() : -1));
			}
			if (taken) {
				this.planned
					.add(new TaskBatches.Planned((parent != null) ? parent.index() : -1, new NewTask(null, title, lead,
							List.copyOf(cooperating), leader, territorial, deadline, null, null, target, List.of())));
			}
		}

		/** 1, 1.1, 1.1.2; also 一、 for a section and （一） for the items under it. */
		private String outline(LedgerSheet.Line<TaskLedger.Column> line) {
			String raw = line.text(TaskLedger.Column.CODE).replaceAll("[\\s、．.]+$", "").replace('．', '.');
			if (raw.isEmpty()) {
				this.topLevel++;
				this.lastTop = String.valueOf(this.topLevel);
				return this.lastTop;
			}
			// a number of more than six digits is no outline number (and no int)
			if (raw.matches("\\d{1,6}(\\.\\d{1,6})*")) {
				String normalised = String.join(".",
						Arrays.stream(raw.split("\\.")).map((part) -> String.valueOf(Integer.parseInt(part))).toList());
				if (!normalised.contains(".")) {
					this.topLevel = Math.max(this.topLevel, Integer.parseInt(normalised));
					this.lastTop = normalised;
				}
				return normalised;
			}
			Integer chinese = chinese(raw.replaceAll("[（()）]", ""));
			if (chinese == null) {
				return null;
			}
			if (raw.startsWith("（") || raw.startsWith("(")) {
				return (this.lastTop != null) ? this.lastTop + "." + chinese : null;
			}
			this.topLevel = chinese;
			this.lastTop = String.valueOf(chinese);
			return this.lastTop;
		}

		private Long unit(LedgerSheet.Line<TaskLedger.Column> line, TaskLedger.Column column, String name) {
			Optional<Long> unit = this.units.computeIfAbsent(name,
					(key) -> TaskImports.this.organization.findUnitByCodeOrName(key).map(Unit::id));
			if (unit.isEmpty()) {
				error(line, column, "单位“" + name + "”不存在");
				return null;
			}
			return unit.get();
		}

		private Long leader(LedgerSheet.Line<TaskLedger.Column> line) {
			List<String> names = split(line.text(TaskLedger.Column.LEADER));
			if (names.isEmpty()) {
				return null;
			}
			Optional<Long> person = this.people.computeIfAbsent(names.get(0),
					(name) -> TaskImports.this.people.people(null, name, PageRequest.of(0, 50))
						.items()
						.stream()
						.filter((candidate) -> candidate.name().equals(name))
						.findFirst()
						.map(Person::id));
			if (person.isEmpty()) {
				error(line, TaskLedger.Column.LEADER, "人员“" + names.get(0) + "”不存在");
				return null;
			}
			return person.get();
		}

		private LocalDate deadline(LedgerSheet.Line<TaskLedger.Column> line) {
			Optional<LocalDate> cell = line.date(TaskLedger.Column.DEADLINE);
			if (cell.isPresent()) {
				return cell.get();
			}
			String text = line.text(TaskLedger.Column.DEADLINE);
			Optional<LocalDate> date = text.isEmpty() ? Optional.empty()
					: LedgerDates.parse(text, this.campaign.year(), this.campaign.endDate());
			if (date.isEmpty()) {
				error(line, TaskLedger.Column.DEADLINE, text.isEmpty() ? "完成时限为空" : "完成时限“" + text + "”无法识别");
				return null;
			}
			return date.get();
		}

		private void error(LedgerSheet.Line<TaskLedger.Column> line, TaskLedger.Column column, String message) {
			this.errors.add(new DomainException.RowError(line.row(), column.heading(), message));
		}

	}

	static Target target(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String value = text.strip();
		Matcher matcher = TARGET.matcher(value);
		if (matcher.matches() && !matcher.group(1).isBlank()) {
			String unit = matcher.group(3).isBlank() ? null : matcher.group(3);
			return new Target(cut(matcher.group(1).strip(), 200), new BigDecimal(matcher.group(2)), unit);
		}
		return new Target(cut(value, 200), null, null);
	}

	private static String cut(String text, int length) {
		return (text.length() > length) ? text.substring(0, length) : text;
	}

	static List<String> split(String cell) {
		return Arrays.stream(SEPARATORS.split(cell)).map(String::strip).filter((part) -> !part.isEmpty()).toList();
	}

	private static Integer chinese(String text) {
		String digits = "一二三四五六七八九";
		if (text.length() == 1 && digits.contains(text)) {
			return digits.indexOf(text) + 1;
		}
		if ("十".equals(text)) {
			return 10;
		}
		if (text.length() == 2 && text.charAt(0) == '十' && digits.indexOf(text.charAt(1)) >= 0) {
			return 10 + digits.indexOf(text.charAt(1)) + 1;
		}
		return null;
	}

}
