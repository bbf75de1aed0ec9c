package dev.luoshi.supervision.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Where the pages go back to after an action: only a plain path of this site. */
class SafePathTests {

	@ParameterizedTest
	@ValueSource(strings = { "/notices/12", "/rectifications?status=OPEN", "/supervision/inspections?month=2026-11" })
	void aLocalPathIsKept(String path) {
		assertThat(SupervisionPages.safe(path)).isEqualTo(path);
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://evil.example/", "//evil.example/x", "/\\evil.example/x", "/{x}", "/a\tb",
			"javascript:alert(1)", "", "notices/1" })
	void anythingElseGoesToTheInbox(String path) {
		assertThat(SupervisionPages.safe(path)).isEqualTo("/inbox");
	}

}
