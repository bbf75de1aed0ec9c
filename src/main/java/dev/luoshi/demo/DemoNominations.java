package dev.luoshi.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import dev.luoshi.evaluation.Nomination;
import dev.luoshi.evaluation.NominationRound;
import dev.luoshi.evaluation.NominationRounds;
import dev.luoshi.evaluation.Nominations;
import dev.luoshi.identity.CurrentUser;
import dev.luoshi.organization.Person;

import org.springframework.stereotype.Component;

/**
 * The demo district's selection of exemplary cadres (担当作为好干部): last year's round, decided
 * and published with three cadres selected, and this year's round open for nominations,
 * with five put forward by streets and departments.
 */
@Component
class DemoNominations {

	/** Who is nominated (a unit head by unit code), with the deeds put forward. */
	private record Candidate(String unitCode, String deeds) {
	}

	private static final List<Candidate> LAST_YEAR = List.of(
			new Candidate("LJ-JB", "牵头推进江滨片区城市更新，带领街道干部逐户走访，三个月完成 126 户签约，实现零上访、零强拆；背街小巷整治提前一个月完成。"),
			new Candidate("LJ-ZJJ", "统筹全区老旧小区改造 32 个、加装电梯 86 台，建立“周调度、月通报”机制，年度任务全部按期完成，群众满意度 97%。"),
			new Candidate("LJ-QS", "在汛期连续 20 天驻守青山水库一线，组织转移群众 430 人，无一人伤亡；推动村级集体经济收入全部突破 20 万元。"),
			new Candidate("LJ-CGJ", "推行占道经营疏导点管理，市容投诉同比下降 35%。"));

	private static final List<Candidate> THIS_YEAR = List.of(
			new Candidate("LJ-XQ", "面对新区产业园二期征迁难题，坚持“一户一策”，带队夜访 60 余次，45 天完成 212 亩土地清表，保障项目按期开工。"),
			new Candidate("LJ-LC", "牵头老城历史街区保护利用，协调 11 个部门解决消防、管线等 23 个堵点问题，街区开街首月客流 18 万人次。"),
			new Candidate("LJ-TY", "探索“村集体+合作社+农户”模式发展桃源民宿，带动 9 个村集体增收 260 万元，获评省级乡村旅游重点村。"),
			new Candidate("LJ-GXJ", "“链长制”走访企业 140 家，帮助解决用工、融资问题 57 个，全区规上工业增加值增速居全市第二。"),
			new Candidate("LJ-WLJ", "策划“临江夜游”文旅品牌，旅游集散中心提前两个月运营，国庆假期接待游客同比增长 42%。"));

	private final NominationRounds rounds;

	private final Nominations nominations;

	private final DemoUsers users;

	private final Clock clock;

	DemoNominations(NominationRounds rounds, Nominations nominations, DemoUsers users, Clock clock) {
		this.rounds = rounds;
		this.nominations = nominations;
		this.users = users;
		this.clock = clock;
	}

	/**
	 * Loads both rounds; {@code heads} are the unit heads by unit code. The culture and
	 * tourism bureau's head nominates for her bureau, the office for the others (as it
	 * collects the streets' and departments' recommendations).
	 */
	void load(Map<String, Person> heads) {
		CurrentUser supervisor = this.users.user("supervisor");
		CurrentUser wenlvHead = this.users.user("head.wenlv");
		LocalDate today = LocalDate.now(this.clock);
		int year = today.getYear();
		NominationRound last = DemoUsers.as(supervisor,
				() -> this.rounds.open(year - 1, (year - 1) + "年度担当作为好干部", today, 3));
		List<Nomination> put = LAST_YEAR.stream()
			.map((candidate) -> DemoUsers.as(supervisor, () -> nominate(last, heads, candidate)))
			.toList();
		DemoUsers.as(supervisor, () -> {
			this.rounds.close(last.id());
			for (int i = 0; i < put.size(); i++) {
				boolean selected = i < 3;
				this.nominations.decide(put.get(i).id(), selected,
						selected ? "事迹突出，群众公认，经区委常委会研究同意。" : "事迹较好，名额所限，列入下一年度重点培养。");
			}
			return this.rounds.publish(last.id());
		});
		NominationRound current = DemoUsers.as(supervisor,
				() -> this.rounds.open(year, year + "年度担当作为好干部", today.plusDays(20), 5));
		for (Candidate candidate : THIS_YEAR) {
			CurrentUser nominator = candidate.unitCode().equals("LJ-WLJ") ? wenlvHead : supervisor;
			DemoUsers.as(nominator, () -> nominate(current, heads, candidate));
		}
	}

	private Nomination nominate(NominationRound round, Map<String, Person> heads, Candidate candidate) {
		return this.nominations.nominate(round.id(), heads.get(candidate.unitCode()).id(), candidate.deeds());
	}

}
