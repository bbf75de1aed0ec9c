package dev.luoshi.shared;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Uploads land under the data directory by a generated name, never under a name the
 * uploader chose, and only when their first bytes prove the declared type.
 */
class FileStoreTests {

	private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0 };

	@TempDir
	Path dataDir;

	@Test
	void aFileIsStoredUnderTheDataDirectoryByAGeneratedName() {
		FileStore store = new FileStore(this.dataDir);

		FileStore.Stored stored = store.store("image/png", PNG.length, new ByteArrayInputStream(PNG),
				List.of("image/png"), DataSize.ofKilobytes(1));

		assertThat(stored.name()).matches("[0-9a-f-]{36}");
		assertThat(store.path(stored.name())).isEqualTo(this.dataDir.resolve("files").resolve(stored.name()))
			.hasBinaryContent(PNG);
	}

	@Test
	void contentThatIsNotWhatItClaimsIsRefusedAndNotKept() {
		FileStore store = new FileStore(this.dataDir);
		byte[] page = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);

		assertThatExceptionOfType(DomainException.Invalid.class)
			.isThrownBy(() -> store.store("image/png", page.length, new ByteArrayInputStream(page),
					List.of("image/png"), DataSize.ofKilobytes(1)))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("evidence-content"));
		assertThatExceptionOfType(DomainException.Invalid.class)
			.isThrownBy(() -> store.store("text/html", page.length, new ByteArrayInputStream(page),
					List.of("image/png", "text/html"), DataSize.ofKilobytes(1)))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("evidence-type"));
		assertThat(this.dataDir.resolve("files").toFile().list()).isNullOrEmpty();
	}

	@Test
	void anUploadersNameNeverBecomesAPath() {
		assertThat(FileStore.safeName("../../etc/passwd")).isEqualTo("passwd");
		assertThat(FileStore.safeName("C:\\temp\\..\\证据.png")).isEqualTo("证据.png");
		assertThat(FileStore.safeName("..")).isEqualTo("file");
	}

}
