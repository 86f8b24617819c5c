package org.rectifyflow.clue.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Receipt codes (查询码): 16 characters from an alphabet without look-alikes (no 0/O,
 * 1/I/L), shown as four groups of four ({@code ABCD-EFGH-JKMN-PQRS}), about 80 bits of
 * entropy. Only the SHA-256 of the normalised code is stored, so a copy of the database
 * does not reveal the codes.
 */
final class ReceiptCodes {

	static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

	static final int LENGTH = 16;

	private static final Pattern NORMALISED = Pattern.compile("[" + ALPHABET + "]{" + LENGTH + "}");

	private static final SecureRandom RANDOM = new SecureRandom();

	private ReceiptCodes() {
	}

	/**
	 * @return a new random receipt code, grouped for display
	 */
	static String generate() {
		StringBuilder code = new StringBuilder(LENGTH + 3);
		for (int i = 0; i < LENGTH; i++) {
			if (i > 0 && i % 4 == 0) {
				code.append('-');
			}
			code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return code.toString();
	}

	/**
	 * Upper-cases the code and drops separators and spaces.
	 * @param code what the user typed
	 * @return the normalised code, or {@code null} if it cannot be a receipt code
	 */
	static String normalise(String code) {
		if (code == null || code.length() > 64) {
			return null;
		}
		String normalised = code.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "");
		return NORMALISED.matcher(normalised).matches() ? normalised : null;
	}

	/**
	 * @param code a receipt code (any form {@link #normalise} accepts)
	 * @return the hex SHA-256 of the normalised code; for a malformed code, the hash of
	 * the raw text (which matches nothing) so that callers take the same path
	 */
	static String hash(String code) {
		String normalised = normalise(code);
		String input = (normalised != null) ? normalised : "invalid:" + code;
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(input.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Compares two hashes in constant time.
	 */
	static boolean sameHash(String a, String b) {
		return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
	}

}
