package dev.luoshi.identity;

import java.util.Locale;

import dev.luoshi.shared.DomainException;

/**
 * At least 10 characters from at least three of the four classes (lower case, upper case,
 * digits, symbols), and not containing the username.
 */
final class PasswordPolicy {

	static final int MIN_LENGTH = 10;

	private PasswordPolicy() {
	}

	static void check(String username, String password) {
		if (password == null || password.length() < MIN_LENGTH) {
			throw DomainException.invalid("password", "password-too-short",
					"The password must have at least " + MIN_LENGTH + " characters", MIN_LENGTH);
		}
		if (password.length() > 128) {
			throw DomainException.invalid("password", "password-too-long",
					"The password may have at most 128 characters");
		}
		if (classes(password) < 3) {
			throw DomainException.invalid("password", "password-too-simple",
					"The password must mix at least three of: lower case, upper case, digits, symbols");
		}
		if (username != null && !username.isBlank()
				&& password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
			throw DomainException.invalid("password", "password-contains-username",
					"The password must not contain the username");
		}
	}

	static int classes(String password) {
		boolean lower = false;
		boolean upper = false;
		boolean digit = false;
		boolean other = false;
		for (int i = 0; i < password.length(); i++) {
			char c = password.charAt(i);
			if (Character.isLowerCase(c)) {
				lower = true;
			}
			else if (Character.isUpperCase(c)) {
				upper = true;
			}
			else if (Character.isDigit(c)) {
				digit = true;
			}
			else {
				other = true;
			}
		}
		return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
	}

}
