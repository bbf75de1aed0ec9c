package dev.luoshi.identity;

import java.security.SecureRandom;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.luoshi.organization.NewUnit;
import dev.luoshi.organization.Organization;
import dev.luoshi.organization.Unit;
import dev.luoshi.organization.UnitKind;
import dev.luoshi.shared.PageRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Creates the first administrator, {@code admin}, when there is none: with the password
 * from {@code LUOSHI_ADMIN_PASSWORD}, or with a generated one printed once. There is no
 * default password.
 */
@Component
@Order(100)
class FirstAdministrator implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

	static final String USERNAME = "admin";

	private final Accounts accounts;

	private final Organization organization;

	private final String configuredPassword;

	FirstAdministrator(Accounts accounts, Organization organization,
			@Value("${luoshi.admin-password:}") String configuredPassword) {
		this.accounts = accounts;
		this.organization = organization;
		this.configuredPassword = configuredPassword;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.accounts.exists(USERNAME)) {
			return;
		}
		boolean generated = this.configuredPassword.isBlank();
		String password = generated ? Passwords.generate(new SecureRandom()) : this.configuredPassword;
		try {
			this.accounts
				.create(new NewAccount(USERNAME, password, "系统管理员", rootUnit().id(), null, List.of(Role.ADMIN), null));
		}
		catch (DuplicateKeyException ex) {
			return;
		}
		if (generated) {
			log.warn(
					"\n\n    The first administrator is 'admin' with the password: {}\n"
							+ "    It is shown only this once: sign in and change it, or set LUOSHI_ADMIN_PASSWORD.\n",
					password);
		}
		else {
			log.info("Created the first administrator 'admin' with the password from LUOSHI_ADMIN_PASSWORD");
		}
	}

	private Unit rootUnit() {
		List<Unit> roots = this.organization.units(null, null, null, null, PageRequest.of(0, 1)).items();
		if (!roots.isEmpty() && roots.get(0).depth() == 0) {
			return roots.get(0);
		}
		return this.organization.createUnit(new NewUnit("ROOT", "本级", UnitKind.REGION, null, null, 0));
	}

}
