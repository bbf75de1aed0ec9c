package dev.luoshi.demo;

import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.luoshi.identity.Accounts;
import dev.luoshi.identity.NewAccount;
import dev.luoshi.identity.Passwords;
import dev.luoshi.identity.Role;
import dev.luoshi.organization.NewPerson;
import dev.luoshi.organization.NewUnit;
import dev.luoshi.organization.Organization;
import dev.luoshi.organization.People;
import dev.luoshi.organization.Person;
import dev.luoshi.organization.Unit;
import dev.luoshi.organization.UnitKind;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the demo district into an empty database, all in one transaction, before the
 * first administrator is created (so that the administrator sits at the district's root).
 */
@Component
@Order(50)
class DemoCity implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoCity.class);

	private final DemoProperties properties;

	private final Organization organization;

	private final People people;

	private final Accounts accounts;

	private final DemoWork work;

	private final DemoProjects projects;

	private final DemoSupervision supervision;

	private final DemoEvaluation evaluation;

	private final DemoNominations nominations;

	private final DemoIndicators indicators;

	private final TransactionTemplate transaction;

	DemoCity(DemoProperties properties, Organization organization, People people, Accounts accounts, DemoWork work,
			DemoProjects projects, DemoSupervision supervision, DemoIndicators indicators, DemoEvaluation evaluation,
			DemoNominations nominations, TransactionTemplate transaction) {
		this.supervision = supervision;
		this.indicators = indicators;
		this.evaluation = evaluation;
		this.nominations = nominations;
		this.work = work;
		this.projects = projects;
		this.properties = properties;
		this.organization = organization;
		this.people = people;
		this.accounts = accounts;
		this.transaction = transaction;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!this.properties.enabled() || this.organization.unitCount() > 0) {
			return;
		}
		String password = (this.properties.password() != null && !this.properties.password().isBlank())
				? this.properties.password() : Passwords.generate(new SecureRandom());
		this.transaction.executeWithoutResult((status) -> load(password));
		log.info("Loaded the demo district 临江区: {} units, {} people", this.organization.unitCount(),
				this.people.count());
		if (this.properties.password() == null || this.properties.password().isBlank()) {
			log.warn(
					"\n\n    Demo accounts {} share the password: {}\n"
							+ "    It is shown only this once; set LUOSHI_DEMO_PASSWORD to choose it.\n",
					DemoDistrict.ACCOUNTS.stream().map(DemoDistrict.AccountSpec::username).toList(), password);
		}
	}

	private void load(String password) {
		Map<String, Unit> units = new HashMap<>();
		Map<String, Person> heads = new HashMap<>();
		Map<String, Person> liaisons = new HashMap<>();
		int order = 0;
		for (DemoDistrict.UnitSpec spec : DemoDistrict.UNITS) {
			Long parentId = (spec.parent() != null) ? units.get(spec.parent()).id() : null;
			Unit unit = this.organization.createUnit(new NewUnit(spec.code(), spec.name(),
					UnitKind.valueOf(spec.kind()), parentId, spec.peerGroup(), order++));
			units.put(spec.code(), unit);
			if (spec.head() != null) {
				heads.put(spec.code(),
						this.people.create(new NewPerson(spec.head(), unit.id(), spec.headTitle(), null)));
			}
			if (spec.liaison() != null) {
				liaisons.put(spec.code(), this.people.create(new NewPerson(spec.liaison(), unit.id(), "联络员", null)));
			}
		}
		Map<String, Person> leaders = new HashMap<>();
		long root = units.get(DemoDistrict.ROOT).id();
		for (DemoDistrict.LeaderSpec spec : DemoDistrict.LEADERS) {
			Person leader = this.people.create(new NewPerson(spec.name(), root, spec.title(), null));
			this.people.assignPortfolio(leader.id(),
					spec.portfolio().stream().map((code) -> units.get(code).id()).toList());
			leaders.put(spec.name(), leader);
		}
		for (DemoDistrict.AccountSpec spec : DemoDistrict.ACCOUNTS) {
			Person person = personFor(spec, leaders, heads, liaisons, units);
			this.accounts.create(new NewAccount(spec.username(), password, null, null, person.id(),
					spec.roles().stream().map(Role::valueOf).toList(), null));
		}
		Map<String, Long> campaigns = this.work.load(units, leaders, liaisons, password);
		this.projects.load(units, leaders, liaisons, campaigns, password);
		this.supervision.load(units, leaders, liaisons, campaigns, password);
		this.indicators.load(units);
		this.evaluation.load(units);
		this.nominations.load(heads);
	}

	private Person personFor(DemoDistrict.AccountSpec spec, Map<String, Person> leaders, Map<String, Person> heads,
			Map<String, Person> liaisons, Map<String, Unit> units) {
		if (spec.leader() != null) {
			return leaders.get(spec.leader());
		}
		Person known = spec.head() ? heads.get(spec.unitCode()) : liaisons.get(spec.unitCode());
		if (known != null) {
			return known;
		}
		if (spec.roles().contains("AUDITOR")) {
			return this.people.create(new NewPerson("陶敏", units.get(spec.unitCode()).id(), "安全审计员", null));
		}
		return this.people.create(new NewPerson("马晓光", units.get(spec.unitCode()).id(), "区人大代表", null));
	}

}
