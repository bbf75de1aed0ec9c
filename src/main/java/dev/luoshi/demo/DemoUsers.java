package dev.luoshi.demo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import dev.luoshi.identity.Account;
import dev.luoshi.identity.Accounts;
import dev.luoshi.identity.CurrentUser;
import dev.luoshi.identity.CurrentUsers;
import dev.luoshi.identity.NewAccount;
import dev.luoshi.identity.Role;
import dev.luoshi.organization.Person;

import org.springframework.stereotype.Component;

/**
 * The demo's accounts, and acting as one of them: the demo goes through the same facades,
 * rules and audit trail as a user would.
 */
@Component
class DemoUsers {

	private final Accounts accounts;

	private final Map<String, CurrentUser> operators = new HashMap<>();

	DemoUsers(Accounts accounts) {
		this.accounts = accounts;
	}

	CurrentUser user(String username) {
		Account account = this.accounts.byUsername(username).orElseThrow();
		return this.accounts.currentUser(account.id()).orElseThrow();
	}

	/**
	 * The liaison's account of a unit, created for the demo when the unit has none yet
	 * ({@code op.<code>}).
	 */
	CurrentUser operatorOf(String code, Map<String, Person> liaisons, String password) {
		return this.operators.computeIfAbsent(code, (key) -> {
			String known = switch (code) {
				case "LJ-WLJ" -> "operator.wenlv";
				case "LJ-JB" -> "operator.jiangbin";
				default -> null;
			};
			if (known != null) {
				return user(known);
			}
			String username = "op." + code.toLowerCase().replace("lj-", "");
			if (this.accounts.exists(username)) {
				return user(username);
			}
			Account account = this.accounts.create(new NewAccount(username, password, null, null,
					liaisons.get(code).id(), List.of(Role.UNIT_OPERATOR), null));
			return this.accounts.currentUser(account.id()).orElseThrow();
		});
	}

	static <T> T as(CurrentUser user, Supplier<T> action) {
		return CurrentUsers.actingAs(user, action);
	}

}
