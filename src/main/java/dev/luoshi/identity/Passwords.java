package dev.luoshi.identity;

import java.security.SecureRandom;

/**
 * Generates passwords that meet the policy, for the first administrator and demo
 * accounts.
 */
public final class Passwords {

	private static final String LOWER = "abcdefghijkmnpqrstuvwxyz";

	private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";

	private static final String DIGITS = "23456789";

	private static final String SYMBOLS = "-_.!@#%";

	private Passwords() {
	}

	/** 16 characters with every class present. */
	public static String generate(SecureRandom random) {
		String all = LOWER + UPPER + DIGITS + SYMBOLS;
		StringBuilder password = new StringBuilder();
		password.append(pick(LOWER, random))
			.append(pick(UPPER, random))
			.append(pick(DIGITS, random))
			.append(pick(SYMBOLS, random));
		while (password.length() < 16) {
			password.append(pick(all, random));
		}
		for (int i = password.length() - 1; i > 0; i--) {
			int j = random.nextInt(i + 1);
			char c = password.charAt(i);
			password.setCharAt(i, password.charAt(j));
			password.setCharAt(j, c);
		}
		return password.toString();
	}

	private static char pick(String alphabet, SecureRandom random) {
		return alphabet.charAt(random.nextInt(alphabet.length()));
	}

}
