package dev.luoshi.demo;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import dev.luoshi.identity.CurrentUser;
import dev.luoshi.organization.Person;
import dev.luoshi.organization.Unit;
import dev.luoshi.supervision.Escalations;
import dev.luoshi.supervision.Finding;
import dev.luoshi.supervision.Findings;
import dev.luoshi.supervision.Inspection;
import dev.luoshi.supervision.NewNotice;
import dev.luoshi.supervision.Notice;
import dev.luoshi.supervision.NoticeLevel;
import dev.luoshi.supervision.Notices;
import dev.luoshi.supervision.Rectification;
import dev.luoshi.supervision.SupervisionFiles;
import dev.luoshi.supervision.Rectifications;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.stereotype.Component;

/**
 * A month of supervision in the demo district: the month's inspections (routine, special,
 * unannounced) and what they found, a leader's instruction and a 调度会's decisions, notices
 * of every level (some answered, some overdue, some closed), rectifications in every
 * state, and the escalation rules run once over it all.
 */
@Component
class DemoSupervision {

	private final Findings findings;

	private final Notices notices;

	private final Rectifications rectifications;

	private final SupervisionFiles files;

	private final Escalations escalations;

	private final DemoUsers users;

	private final Clock clock;

	DemoSupervision(Findings findings, Notices notices, Rectifications rectifications, SupervisionFiles files,
			Escalations escalations, DemoUsers users, Clock clock) {
		this.files = files;
		this.findings = findings;
		this.notices = notices;
		this.rectifications = rectifications;
		this.escalations = escalations;
		this.users = users;
		this.clock = clock;
	}

	void load(Map<String, Unit> units, Map<String, Person> leaders, Map<String, Person> liaisons,
			Map<String, Long> campaigns, String password) {
		CurrentUser supervisor = this.users.user("supervisor");
		LocalDate today = LocalDate.now(this.clock);
		ZonedDateTime now = ZonedDateTime.now(this.clock);
		long wenlv = units.get("LJ-WLJ").id();
		long jiangbin = units.get("LJ-JB").id();
		long housing = units.get("LJ-ZJJ").id();
		long city = units.get("LJ-CGJ").id();
		long land = units.get("LJ-ZRZY").id();
		List<Finding> found = DemoUsers.as(supervisor, () -> {
			Inspection routine = this.findings.planInspection(Inspection.Kind.ROUTINE, "每月例行督查：重点任务推进情况",
					"六大攻坚行动重点任务、重点项目建设", "区督查室 高志远、许静", today.minusDays(25));
			Inspection special = this.findings.planInspection(Inspection.Kind.SPECIAL, "城市精细化管理专项督查",
					"背街小巷、占道经营、共享单车停放", "区督查室、区城管局", today.minusDays(20));
			Inspection unannounced = this.findings.planInspection(Inspection.Kind.UNANNOUNCED, "夜间施工扰民暗访", "在建工地夜间施工",
					"区督查室暗访组", today.minusDays(15));
			this.findings.planInspection(Inspection.Kind.ROUTINE, "每月例行督查：民生实事办理情况", "民生实事项目", "区督查室",
					today.plusDays(3));
			List<Finding> first = this.findings.completeInspection(routine.id(), today.minusDays(25),
					"总体推进有序，个别任务进度滞后。",
					List.of(new Findings.NewFinding(wenlv, "滨江文化公园二期进度滞后于序时进度约 20 个百分点", null, null,
							today.plusDays(10)),
							new Findings.NewFinding(housing, "老旧小区改造加装电梯开工数量未达月度目标", null, null, today.plusDays(15))));
			List<Finding> second = this.findings.completeInspection(special.id(), today.minusDays(20),
					"江滨街道背街小巷仍有占道经营。",
					List.of(new Findings.NewFinding(jiangbin, "望江路、滨河路仍有 12 处占道经营", null, null, today.plusDays(7))));
			this.files.attachPhoto(unannounced.id(), photo("暗访-新区工地夜间施工.png", new Color(0x4A4F5C)));
			this.files.attachPhoto(routine.id(), photo("例行督查-滨江文化公园二期.png", new Color(0x2F6DB5)));
			this.findings.completeInspection(unannounced.id(), today.minusDays(15), "2 处工地夜间施工未办理许可。",
					List.of(new Findings.NewFinding(city, "新区两处工地夜间施工未办理夜间施工许可", null, null, today.plusDays(5))));
			this.findings.instruct(leaders.get("周明").id(), today.minusDays(6), new Findings.NewFinding(wenlv,
					"周明副区长批示：请区文旅局抓紧研究旅游集散中心运营方案，月底前报区政府。", null, null, today.plusDays(6)));
			this.findings.recordMeeting("重点项目调度会", today.minusDays(8), leaders.get("王建国").id(),
					List.of(new Findings.NewFinding(land, "会议议定：区自然资源局两周内完成产业园二期用地报批", null, null, today.plusDays(6)),
							new Findings.NewFinding(housing, "解决城市更新片区 3 户未签约问题", null, null, today.plusDays(12),
									campaigns.get("GJ-PG"))));
			return List.of(first.get(0), first.get(1), second.get(0));
		});
		Notice reminder = DemoUsers.as(supervisor, () -> this.notices.issue(new NewNotice(wenlv, NoticeLevel.REMINDER,
				"滨江文化公园二期进度滞后", "请说明滞后原因，报送赶超计划。", null, null, found.get(0).id(), null)));
		Notice urge = DemoUsers.as(supervisor, () -> this.notices.record(new NewNotice(jiangbin, NoticeLevel.URGE,
				"背街小巷占道经营整治", "请于期限内完成整治并报送整改台账。", null, null, found.get(2).id(), 8), now.minusDays(4).toInstant()));
		Notice supervise = DemoUsers.as(supervisor,
				() -> this.notices.record(new NewNotice(housing, NoticeLevel.SUPERVISE, "加装电梯开工数量未达目标",
						"请制定整改措施，明确完成时限。", null, null, found.get(1).id(), 16), now.minusDays(6).toInstant()));
		Notice bulletin = DemoUsers.as(supervisor, () -> this.notices.record(
				new NewNotice(city, NoticeLevel.BULLETIN, "夜间施工未办许可予以通报", "在全区范围内通报，请立即整改。", null, null, null, 24),
				now.minusDays(12).toInstant()));
		DemoUsers
			.as(supervisor,
					() -> this.notices.record(
							new NewNotice(land, NoticeLevel.INTERVIEW, "产业园二期用地报批严重滞后，约谈单位主要负责人",
									"请单位主要负责人于本周五 15:00 到区督查室参加约谈。", null, null, null, 40),
							now.minusDays(2).toInstant()));
		CurrentUser jiangbinOperator = this.users.operatorOf("LJ-JB", liaisons, password);
		CurrentUser housingOperator = this.users.operatorOf("LJ-ZJJ", liaisons, password);
		CurrentUser cityOperator = this.users.operatorOf("LJ-CGJ", liaisons, password);
		DemoUsers.as(this.users.operatorOf("LJ-WLJ", liaisons, password),
				() -> this.notices.acknowledge(reminder.id()));
		DemoUsers.as(jiangbinOperator, () -> this.notices.acknowledge(urge.id()));
		DemoUsers.as(housingOperator, () -> this.notices.respond(supervise.id(), "已制定加装电梯攻坚计划，本月新开工 15 台，月底前补齐缺口。"));
		DemoUsers.as(cityOperator, () -> this.notices.respond(bulletin.id(), "已责令两处工地停止夜间施工并补办许可。"));
		Rectification open = DemoUsers.as(jiangbinOperator,
				() -> this.rectifications.open(urge.id(), "组织城管、市场监管联合执法，设置便民疏导点", today.plusDays(10)));
		Rectification submitted = DemoUsers.as(housingOperator,
				() -> this.rectifications.open(supervise.id(), "倒排加装电梯开工计划，每周调度", today.plusDays(20)));
		DemoUsers.as(housingOperator, () -> this.files.submit(submitted.id(), "本月新开工 15 台，附开工照片和调度台账。", List
			.of(photo("加装电梯开工-望江苑3栋.png", new Color(0x2F6DB5)), photo("加装电梯开工-柳湾小区7栋.png", new Color(0x3C8D5A)))));
		Rectification closed = DemoUsers.as(cityOperator,
				() -> this.rectifications.open(bulletin.id(), "补办夜间施工许可，建立工地夜间巡查制度", today.plusDays(3)));
		DemoUsers.as(cityOperator, () -> this.files.submit(closed.id(), "两处工地已补办许可，巡查制度已印发。",
				List.of(photo("夜间施工许可证.png", new Color(0xB5462F)))));
		DemoUsers.as(supervisor, () -> this.rectifications.verify(closed.id(), true, "经复查，整改到位，予以销号。"));
		DemoUsers.as(supervisor, () -> this.notices.close(bulletin.id()));
		Rectification returned = DemoUsers.as(jiangbinOperator,
				() -> this.rectifications.open(urge.id(), "望江路夜市规范管理", today.plusDays(5)));
		DemoUsers.as(jiangbinOperator, () -> this.rectifications.submit(returned.id(), "已设置 3 处疏导点。"));
		DemoUsers.as(supervisor, () -> this.rectifications.verify(returned.id(), false, "佐证不足，请补充整治前后对比照片。"));
		DemoUsers.as(supervisor, () -> this.escalations.run());
	}

	/** A small picture standing in for a site photo: a sky, a building, a crane. */
	private static SupervisionFiles.Upload photo(String name, Color building) {
		BufferedImage image = new BufferedImage(320, 200, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(new Color(0xDDE8F3));
		g.fillRect(0, 0, 320, 200);
		g.setColor(new Color(0x8A8F98));
		g.fillRect(0, 170, 320, 30);
		g.setColor(building);
		g.fillRect(70, 50, 110, 120);
		g.setColor(Color.WHITE);
		for (int row = 0; row < 5; row++) {
			for (int column = 0; column < 4; column++) {
				g.fillRect(80 + column * 25, 60 + row * 22, 14, 12);
			}
		}
		g.setColor(new Color(0xE0A100));
		g.fillRect(230, 30, 8, 140);
		g.fillRect(190, 30, 110, 6);
		g.dispose();
		ByteArrayOutputStream png = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", png);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new SupervisionFiles.Upload(name, "image/png", png.size(), new ByteArrayResource(png.toByteArray()));
	}

}
