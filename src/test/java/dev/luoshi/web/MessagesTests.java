package dev.luoshi.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every refusal the code can raise has its text in Chinese and in English, and both
 * bundles have the same keys.
 */
class MessagesTests {

	private static final Pattern CODE = Pattern.compile(
			"DomainException\\.(?:invalid\\(\"[^\"]*\",\\s*\"([^\"]+)\"|(?:conflict|forbidden|tooLarge)\\(\"([^\"]+)\",)");

	@Test
	void everyProblemCodeHasItsTextInBothLanguages() throws IOException {
		Set<String> codes = new TreeSet<>();
		try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
			for (Path source : sources.filter((path) -> path.toString().endsWith(".java")).toList()) {
				Matcher matcher = CODE.matcher(Files.readString(source));
				while (matcher.find()) {
					codes.add((matcher.group(1) != null) ? matcher.group(1) : matcher.group(2));
				}
			}
		}
		Properties zh = bundle("i18n/messages.properties");
		Properties en = bundle("i18n/messages_en.properties");

		assertThat(codes).hasSizeGreaterThan(50);
		assertThat(codes).allSatisfy((code) -> {
			assertThat(zh).as("zh-CN text of %s", code).containsKey("problem." + code);
			assertThat(en).as("English text of %s", code).containsKey("problem." + code);
		});
		assertThat(en.keySet()).containsExactlyInAnyOrderElementsOf(zh.keySet());
	}

	private static Properties bundle(String name) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = MessagesTests.class.getClassLoader().getResourceAsStream(name)) {
			properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

}
