package dev.luoshi.work;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

	private static final Pattern TARGET = Pattern.compile("^(.*?)(\\d+(?:\\.\\d+)?)\\s*([^\\d\\s]{0,10})\\s*$");

	private final TaskBook taskBook;

	private final Campaigns campaigns;

	private final LightKeeper lights;

	private final Organization organization;

	private final People people;

	private final ApplicationEventPublisher events;

	TaskImports(TaskBook taskBook, Campaigns campaigns, LightKeeper lights, Organization organization, People people,
			ApplicationEventPublisher events) {
		this.taskBook = taskBook;
		this.campaigns = campaigns;
		this.lights = lights;
		this.organization = organization;
		this.people = people;
		this.events = events;
	}

	public ImportResult importLedger(long campaignId, InputStream input) {
		CampaignRepository.Row campaign = this.campaigns.row(campaignId);
		LedgerSheet.Parsed<TaskLedger.Column> ledger = LedgerSheet.read(input, TaskLedger.Column.class,
				TaskLedger.Column.TITLE, 3);
		if (!ledger.columns().containsKey(TaskLedger.Column.TITLE)
				|| !ledger.columns().containsKey(TaskLedger.Column.LEAD)
				|| !ledger.columns().containsKey(TaskLedger.Column.DEADLINE)) {
			throw DomainException.invalid("file", "ledger-header",
					"No header row with 任务名称, 牵头单位 and 完成时限 among the first rows");
		}
		Resolution resolution = new Resolution(campaign);
		ledger.lines().forEach(resolution::resolve);
		if (!resolution.errors.isEmpty()) {
			throw DomainException.invalidRows("ledger-rows",
					resolution.errors.size() + " errors in the ledger; nothing was imported", resolution.errors);
		}
		Map<String, Long> created = new HashMap<>();
		for (Planned planned : resolution.planned) {
			NewTask command = planned.task();
			Long parent = (planned.parentCode() != null) ? created.get(planned.parentCode()) : null;
			long id = this.taskBook.insert(campaignId,
					new NewTask(parent, command.title(), command.leadUnitId(), command.cooperatingUnitIds(),
							command.responsibleLeaderId(), command.territorialUnitId(), command.deadline(), null, null,
							command.target(), List.of()));
			created.put(planned.code(), id);
		}
		this.lights.refreshCampaign(campaignId);
		this.events.publishEvent(new EntityChanged("campaign", String.valueOf(campaignId), "TASKS_IMPORTED", null,
				Map.of("imported", created.size())));
		return new ImportResult(created.size(), List.of());
	}

	/** A row turned into a task to add, with its outline code and its parent's. */
	private record Planned(String code, String parentCode, NewTask task) {
	}

	/** Checks each row against the organisation and the rows before it. */
	private final class Resolution {

		private final CampaignRepository.Row campaign;

		private final List<Planned> planned = new ArrayList<>();

		private final Map<String, LocalDate> deadlines = new HashMap<>();

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
			String code = outline(line);
			String parentCode = (code != null && code.contains(".")) ? code.substring(0, code.lastIndexOf('.')) : null;
			if (code == null) {
				error(line, TaskLedger.Column.CODE, "编号“" + line.text(TaskLedger.Column.CODE) + "”无法识别");
			}
			else if (this.deadlines.containsKey(code)) {
				error(line, TaskLedger.Column.CODE, "编号 " + code + " 重复");
			}
			else if (parentCode != null && !this.deadlines.containsKey(parentCode)) {
				error(line, TaskLedger.Column.CODE, "上级编号 " + parentCode + " 不在此行之前");
			}
			List<String> leadNames = split(line.text(TaskLedger.Column.LEAD));
			Long lead = leadNames.isEmpty() ? null : unit(line, TaskLedger.Column.LEAD, leadNames.get(0));
			if (leadNames.isEmpty()) {
				error(line, TaskLedger.Column.LEAD, "牵头单位为空");
			}
			List<Long> cooperating = new ArrayList<>();
			leadNames.stream().skip(1).forEach((name) -> cooperating.add(unit(line, TaskLedger.Column.LEAD, name)));
			split(line.text(TaskLedger.Column.COOPERATING))
				.forEach((name) -> cooperating.add(unit(line, TaskLedger.Column.COOPERATING, name)));
			Long territorial = split(line.text(TaskLedger.Column.TERRITORIAL)).stream()
				.findFirst()
				.map((name) -> unit(line, TaskLedger.Column.TERRITORIAL, name))
				.orElse(null);
			Long leader = leader(line);
			LocalDate deadline = deadline(line);
			if (deadline != null && parentCode != null && this.deadlines.get(parentCode) != null
					&& deadline.isAfter(this.deadlines.get(parentCode))) {
				error(line, TaskLedger.Column.DEADLINE, "完成时限晚于上级任务的时限 " + this.deadlines.get(parentCode));
			}
			if (code != null) {
				this.deadlines.put(code, deadline);
			}
			if (this.errors.size() == before) {
				this.planned.add(new Planned(code, parentCode,
						new NewTask(null, title, lead, cooperating.stream().distinct().toList(), leader, territorial,
								deadline, null, null, target(line.text(TaskLedger.Column.TARGET)), List.of())));
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
			Optional<Unit> unit = TaskImports.this.organization.findUnitByCodeOrName(name);
			if (unit.isEmpty()) {
				error(line, column, "单位“" + name + "”不存在");
				return null;
			}
			return unit.get().id();
		}

		private Long leader(LedgerSheet.Line<TaskLedger.Column> line) {
			List<String> names = split(line.text(TaskLedger.Column.LEADER));
			if (names.isEmpty()) {
				return null;
			}
			Optional<Person> person = TaskImports.this.people.people(null, names.get(0), PageRequest.of(0, 50))
				.items()
				.stream()
				.filter((candidate) -> candidate.name().equals(names.get(0)))
				.findFirst();
			if (person.isEmpty()) {
				error(line, TaskLedger.Column.LEADER, "人员“" + names.get(0) + "”不存在");
				return null;
			}
			return person.get().id();
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
