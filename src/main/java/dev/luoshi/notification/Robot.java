package dev.luoshi.notification;

/**
 * A group robot; its secret is never shown, only whether it has one, and its address only
 * without the token in it (for WeCom the key is the only credential).
 */
public record Robot(long id, Long unitId, RobotKind kind, String name, String url, boolean signed, boolean enabled) {

	/** The address with the values of its query and a Feishu hook's token hidden. */
	static String masked(String url) {
		return url.replaceAll("([?&][^=&]+=)[^&]*", "$1****").replaceAll("(/hook/)[^/?]+", "$1****");
	}

}
