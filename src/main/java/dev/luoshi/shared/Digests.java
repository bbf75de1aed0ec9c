package dev.luoshi.shared;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SM3Digest;

/** SM3 (GB/T 32905-2016) and SHA-256 digests of text, as lower-case hex. */
public final class Digests {

	public static final String SM3 = "SM3";

	public static final String SHA256 = "SHA-256";

	public static final String ZERO = "0".repeat(64);

	private Digests() {
	}

	public static String sm3(String text) {
		return hex(SM3, text);
	}

	public static String hex(String algorithm, String text) {
		Digest digest = switch (algorithm) {
			case SM3 -> new SM3Digest();
			case SHA256 -> new SHA256Digest();
			default -> throw new IllegalArgumentException("Unknown digest " + algorithm);
		};
		byte[] input = text.getBytes(StandardCharsets.UTF_8);
		digest.update(input, 0, input.length);
		byte[] output = new byte[digest.getDigestSize()];
		digest.doFinal(output, 0);
		return HexFormat.of().formatHex(output);
	}

}
