package org.rectifyflow.attachment.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Pattern;

import org.rectifyflow.attachment.AttachmentService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.env.Environment;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * Attachment files on the file system, named by a random UUID in a two-character
 * sub-folder. A file is first streamed to a temporary file in the same folder (hashing
 * and counting on the way) and only moved into place once it was accepted.
 */
@Component
public class AttachmentStorage {

	private static final Logger log = LoggerFactory.getLogger(AttachmentStorage.class);

	private static final Pattern KEY = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

	private final Path dir;

	AttachmentStorage(AttachmentProperties properties, Environment environment) {
		Path configured = properties.dir();
		this.dir = ((configured != null) ? configured
				: Path.of(environment.getProperty("rectify.data-dir", "./data"), "attachments"))
			.toAbsolutePath()
			.normalize();
	}

	Path dir() {
		return this.dir;
	}

	/**
	 * Streams the content to a temporary file.
	 * @param content the content, read to the end but not closed
	 * @param maxBytes the most bytes accepted
	 * @return the temporary file with size, hash and leading bytes
	 * @throws org.rectifyflow.kernel.Refusal (413) if the content is larger than maxBytes
	 */
	public Upload receive(InputStream content, long maxBytes) {
		Path temp = null;
		try {
			Files.createDirectories(this.dir);
			temp = Files.createTempFile(this.dir, ".upload-", ".tmp");
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			byte[] head = new byte[FileType.HEAD_SIZE];
			int headLength = 0;
			long size = 0;
			try (OutputStream out = Files.newOutputStream(temp)) {
				byte[] buffer = new byte[64 * 1024];
				int n;
				while ((n = content.read(buffer)) != -1) {
					size += n;
					if (size > maxBytes) {
						throw AttachmentService.tooLarge(maxBytes);
					}
					if (headLength < head.length) {
						int copy = Math.min(n, head.length - headLength);
						System.arraycopy(buffer, 0, head, headLength, copy);
						headLength += copy;
					}
					sha256.update(buffer, 0, n);
					out.write(buffer, 0, n);
				}
			}
			return new Upload(temp, size, HexFormat.of().formatHex(sha256.digest()), Arrays.copyOf(head, headLength));
		}
		catch (IOException ex) {
			deleteQuietly(temp);
			throw new UncheckedIOException("Could not store attachment", ex);
		}
		catch (NoSuchAlgorithmException ex) {
			deleteQuietly(temp);
			throw new IllegalStateException(ex);
		}
		catch (RuntimeException ex) {
			deleteQuietly(temp);
			throw ex;
		}
	}

	/**
	 * Moves an accepted upload into place under a new random key.
	 * @param upload the upload
	 * @return the storage key
	 */
	public String keep(Upload upload) {
		String key = UUID.randomUUID().toString();
		Path target = path(key);
		try {
			Files.createDirectories(target.getParent());
			try {
				Files.move(upload.file(), target, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (AtomicMoveNotSupportedException ex) {
				Files.move(upload.file(), target);
			}
			return key;
		}
		catch (IOException ex) {
			discard(upload);
			throw new UncheckedIOException("Could not store attachment", ex);
		}
	}

	/**
	 * Deletes the temporary file of a refused upload.
	 * @param upload the upload
	 */
	public void discard(Upload upload) {
		deleteQuietly(upload.file());
	}

	/**
	 * Deletes a stored file (used when the transaction that recorded it rolls back).
	 * @param key the storage key
	 */
	public void delete(String key) {
		deleteQuietly(path(key));
	}

	/**
	 * @param key the storage key
	 * @return the stored content
	 */
	public Resource open(String key) {
		Path file = path(key);
		if (!Files.isRegularFile(file)) {
			throw new IllegalStateException("Attachment file " + key + " is missing from " + this.dir);
		}
		return new FileSystemResource(file);
	}

	private Path path(String key) {
		if (key == null || !KEY.matcher(key).matches()) {
			throw new IllegalArgumentException("Not a storage key: " + key);
		}
		return this.dir.resolve(key.substring(0, 2)).resolve(key);
	}

	private static void deleteQuietly(Path file) {
		if (file == null) {
			return;
		}
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			log.warn("Could not delete {}: {}", file, ex.toString());
		}
	}

	/**
	 * Content received into a temporary file.
	 *
	 * @param file the temporary file
	 * @param size the size in bytes
	 * @param sha256 the SHA-256, lower-case hex
	 * @param head the first bytes, up to {@link FileType#HEAD_SIZE}
	 */
	public record Upload(Path file, long size, String sha256, byte[] head) {
	}

}
