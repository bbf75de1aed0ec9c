package dev.luoshi.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The script policy ({@code script-src 'self'}) holds only while no page carries a script
 * of its own: no {@code <script>} with a body, no {@code on…=} event attribute (also not
 * as {@code th:on…}), no {@code javascript:} address. Behaviour lives in
 * {@code static/js/luoshi.js}.
 */
class TemplateScriptTests {

	private static final Pattern SCRIPT = Pattern.compile("<script\\b([^>]*)>(.*?)</script\\s*>",
			Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

	private static final Pattern EVENT_ATTRIBUTE = Pattern.compile("\\s(?:th:|data-th-)?on[a-z]+\\s*=",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern JAVASCRIPT_URL = Pattern.compile("javascript\\s*:", Pattern.CASE_INSENSITIVE);

	@Test
	void noTemplateHasAnInlineScriptAnEventAttributeOrAJavascriptAddress() throws IOException {
		List<String> found = new ArrayList<>();
		List<Path> templates = templates();
		for (Path template : templates) {
			String html = Files.readString(template);
			Matcher script = SCRIPT.matcher(html);
			while (script.find()) {
				if (!script.group(2).isBlank() || !script.group(1).contains("src")) {
					found.add(template + ": inline <script>");
				}
			}
			Matcher event = EVENT_ATTRIBUTE.matcher(withoutComments(html));
			while (event.find()) {
				found.add(template + ": event attribute" + event.group());
			}
			if (JAVASCRIPT_URL.matcher(html).find()) {
				found.add(template + ": javascript: address");
			}
		}

		assertThat(templates).hasSizeGreaterThan(30);
		assertThat(found).isEmpty();
	}

	@Test
	void theCheckFindsWhatItLooksFor() {
		String bad = "<div><script>alert(1)</script><a href=\"#\" onclick=\"go()\">x</a>"
				+ "<button th:onclick=\"'go()'\">y</button><a href=\"javascript:void(0)\">z</a></div>";

		assertThat(SCRIPT.matcher(bad).find()).isTrue();
		assertThat(EVENT_ATTRIBUTE.matcher(bad).results().count()).isEqualTo(2);
		assertThat(JAVASCRIPT_URL.matcher(bad).find()).isTrue();
		assertThat(EVENT_ATTRIBUTE.matcher("<form data-confirm=\"确定？\" th:action=\"@{/x}\">").find()).isFalse();
	}

	private static List<Path> templates() throws IOException {
		try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
			return files.filter((file) -> file.toString().endsWith(".html")).sorted().toList();
		}
	}

	private static String withoutComments(String html) {
		return html.replaceAll("(?s)<!--.*?-->", "");
	}

}
