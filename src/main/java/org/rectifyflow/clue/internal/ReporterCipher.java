package org.rectifyflow.clue.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.rectifyflow.clue.Clue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Encrypts the reporter's identity and contact with AES-256-GCM. The ciphertext is
 * {@code base64(version byte | 12-byte IV | ciphertext+tag)}; the clue number is bound as
 * associated data, so a ciphertext copied to another clue does not decrypt.
 */
@Component
public class ReporterCipher {

	private static final Logger log = LoggerFactory.getLogger(ReporterCipher.class);

	private static final byte VERSION = 1;

	private static final int IV_BYTES = 12;

	private static final int TAG_BITS = 128;

	private final SecretKey key;

	private final SecureRandom random = new SecureRandom();

	private final ObjectMapper json = new ObjectMapper();

	ReporterCipher(ClueProperties properties) {
		this.key = new SecretKeySpec(loadKey(properties), "AES");
	}

	static byte[] loadKey(ClueProperties properties) {
		String configured = properties.encryptionKey();
		if (configured != null && !configured.isBlank()) {
			return decodeKey(configured.strip(), "rectify.clue.encryption-key");
		}
		Path file = properties.keyFile();
		if (file == null || file.toString().isBlank()) {
			throw new IllegalStateException("rectify.clue.encryption-key is not set: the reporters' identities of "
					+ "problem clues cannot be encrypted. Set RECTIFY_CLUE_ENCRYPTION_KEY to a base64 AES-256 key "
					+ "(e.g. `head -c 32 /dev/urandom | base64`) and keep it safe: without it, stored identities "
					+ "cannot be read.");
		}
		try {
			if (Files.exists(file)) {
				return decodeKey(Files.readString(file, StandardCharsets.US_ASCII).strip(), file.toString());
			}
			byte[] generated = new byte[32];
			new SecureRandom().nextBytes(generated);
			Files.createDirectories(file.toAbsolutePath().getParent());
			Files.writeString(file, Base64.getEncoder().encodeToString(generated), StandardCharsets.US_ASCII);
			try {
				Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
			}
			catch (UnsupportedOperationException ex) {
				// not a POSIX file system
			}
			log.warn("Generated the reporter encryption key in {}; keep it with the database", file);
			return generated;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or create the clue key file " + file, ex);
		}
	}

	private static byte[] decodeKey(String base64, String source) {
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(base64);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException(source + " is not valid base64", ex);
		}
		if (bytes.length != 32) {
			throw new IllegalStateException(
					source + " must be a 256-bit key (32 bytes, base64), not " + bytes.length + " bytes");
		}
		return bytes;
	}

	/**
	 * Encrypts a reporter's identity for its clue.
	 * @param reporter the reporter
	 * @param clueNumber the clue
	 * @return the ciphertext as base64
	 */
	String seal(Reporter reporter, String clueNumber) {
		Map<String, String> fields = new HashMap<>();
		fields.put("name", reporter.name());
		fields.put("contact", reporter.contact());
		fields.put("email", reporter.email());
		try {
			return encrypt(this.json.writeValueAsString(fields), clueNumber);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Decrypts the reporter of a clue.
	 * @param clue the clue
	 * @return the reporter, or {@code null} for an anonymous clue
	 */
	public Reporter open(Clue clue) {
		if (clue.getReporterCipher() == null) {
			return null;
		}
		try {
			Map<?, ?> map = this.json.readValue(decrypt(clue.getReporterCipher(), clue.getNumber()), Map.class);
			return new Reporter((String) map.get("name"), (String) map.get("contact"), (String) map.get("email"));
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Damaged reporter record of clue " + clue.getNumber());
		}
	}

	/**
	 * @param plain the text to encrypt
	 * @param clueNumber the clue the text belongs to (authenticated, not encrypted)
	 * @return the ciphertext as base64
	 */
	String encrypt(String plain, String clueNumber) {
		byte[] iv = new byte[IV_BYTES];
		this.random.nextBytes(iv);
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, this.key, new GCMParameterSpec(TAG_BITS, iv));
			cipher.updateAAD(clueNumber.getBytes(StandardCharsets.UTF_8));
			byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
			ByteBuffer out = ByteBuffer.allocate(1 + IV_BYTES + sealed.length);
			out.put(VERSION).put(iv).put(sealed);
			return Base64.getEncoder().encodeToString(out.array());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM encryption failed", ex);
		}
	}

	/**
	 * @param base64 the ciphertext
	 * @param clueNumber the clue the text belongs to
	 * @return the plain text
	 * @throws IllegalStateException if the ciphertext is damaged or the key is wrong
	 */
	String decrypt(String base64, String clueNumber) {
		byte[] all = Base64.getDecoder().decode(base64);
		if (all.length < 1 + IV_BYTES + TAG_BITS / 8 || all[0] != VERSION) {
			throw new IllegalStateException("Unknown reporter ciphertext format");
		}
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, this.key, new GCMParameterSpec(TAG_BITS, all, 1, IV_BYTES));
			cipher.updateAAD(clueNumber.getBytes(StandardCharsets.UTF_8));
			byte[] plain = cipher.doFinal(all, 1 + IV_BYTES, all.length - 1 - IV_BYTES);
			return new String(plain, StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("The reporter's identity cannot be decrypted (wrong key?)", ex);
		}
	}

}
