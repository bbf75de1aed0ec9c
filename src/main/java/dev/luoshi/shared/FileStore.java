package dev.luoshi.shared;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * Uploaded files, stored under {@code luoshi.data-dir/files} (outside the web root) by a
 * generated name. A file's declared type must be among those the caller allows and match
 * what its first bytes say it is. A file stored within a transaction is removed again
 * when the transaction rolls back.
 */
@Component
public class FileStore {

	/** Magic numbers by the content types they prove. */
	private static final Map<String, byte[]> SIGNATURES = Map.of("image/jpeg",
			new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF }, "image/png",
			new byte[] { (byte) 0x89, 'P', 'N', 'G' }, "application/pdf", new byte[] { '%', 'P', 'D', 'F' },
			"application/vnd.openxmlformats-officedocument.wordprocessingml.document", new byte[] { 'P', 'K', 3, 4 },
			"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", new byte[] { 'P', 'K', 3, 4 });

	private final Path directory;

	FileStore(@Value("${luoshi.data-dir:./data}") Path dataDir) {
		this.directory = dataDir.resolve("files");
	}

	/** A stored file: its generated name, checked type and size. */
	public record Stored(String name, String contentType, long size) {
	}

	/**
	 * Stores the content when its type is one of {@code allowedTypes}, its first bytes
	 * prove it and it is no larger than {@code maxSize} (413 otherwise).
	 */
	public Stored store(String contentType, long declaredSize, InputStream content, Collection<String> allowedTypes,
			DataSize maxSize) {
		long max = maxSize.toBytes();
		if (declaredSize > max) {
			throw new MaxUploadSizeExceededException(max);
		}
		String type = (contentType != null) ? contentType.toLowerCase().split(";")[0].strip() : "";
		if (!allowedTypes.contains(type) || !SIGNATURES.containsKey(type)) {
			throw DomainException.invalid("file", "evidence-type", "Files of type " + type + " are not accepted", type);
		}
		String name = UUID.randomUUID().toString();
		Path target = this.directory.resolve(name);
		try {
			Files.createDirectories(this.directory);
			Files.copy(content, target, StandardCopyOption.REPLACE_EXISTING);
			long size = Files.size(target);
			if (size > max || !startsWith(target, SIGNATURES.get(type))) {
				delete(name);
				if (size > max) {
					throw new MaxUploadSizeExceededException(max);
				}
				throw DomainException.invalid("file", "evidence-content", "The file is not really " + type, type);
			}
			// on disk before the row that names it is committed and the upload
			// acknowledged
			try (FileChannel channel = FileChannel.open(target, StandardOpenOption.WRITE)) {
				channel.force(true);
			}
			forgetOnRollback(name);
			return new Stored(name, type, size);
		}
		catch (IOException ex) {
			delete(name);
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Within a transaction, a stored file goes again when the transaction does not
	 * commit, so no file is left that no row names.
	 */
	private void forgetOnRollback(String name) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					if (status != STATUS_COMMITTED) {
						delete(name);
					}
				}
			});
		}
	}

	public Path path(String name) {
		return this.directory.resolve(name);
	}

	/** Removes a stored file that no row refers to, e.g. after its transaction failed. */
	public void delete(String name) {
		try {
			Files.deleteIfExists(this.directory.resolve(name));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The last part of a name, without directories or control characters, at most 200
	 * characters.
	 */
	public static String safeName(String name) {
		String base = (name != null) ? name.replace('\\', '/') : "";
		base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}]", "").strip();
		if (base.isEmpty() || base.equals(".") || base.equals("..")) {
			base = "file";
		}
		return (base.length() > 200) ? base.substring(base.length() - 200) : base;
	}

	/**
	 * A stored file as a response: its checked type, its original name (UTF-8), shown in
	 * the browser ({@code inline}) or downloaded, never sniffed as another type.
	 */
	public static ResponseEntity<Resource> serve(Path file, String fileName, String contentType, boolean inline) {
		ContentDisposition.Builder disposition = inline ? ContentDisposition.inline() : ContentDisposition.attachment();
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(contentType))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					disposition.filename(fileName, StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(new FileSystemResource(file));
	}

	private static boolean startsWith(Path file, byte[] signature) throws IOException {
		try (InputStream input = Files.newInputStream(file)) {
			return Arrays.equals(input.readNBytes(signature.length), signature);
		}
	}

}
