package org.rectifyflow.attachment.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The file types attachments may have, each recognised by its extension and checked
 * against the first bytes of the content (its magic number), so that a renamed executable
 * is not accepted as a PDF.
 */
public enum FileType {

	PDF("application/pdf", "pdf"),

	JPEG("image/jpeg", "jpg", "jpeg"),

	PNG("image/png", "png"),

	GIF("image/gif", "gif"),

	DOC("application/msword", "doc"),

	DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),

	XLS("application/vnd.ms-excel", "xls"),

	XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),

	TXT("text/plain", "txt"),

	ZIP("application/zip", "zip"),

	MP3("audio/mpeg", "mp3"),

	M4A("audio/mp4", "m4a");

	/** How many leading bytes {@link #matches(byte[])} wants to see. */
	static final int HEAD_SIZE = 8192;

	private static final byte[] OLE2 = bytes(0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1);

	private final String mediaType;

	private final List<String> extensions;

	FileType(String mediaType, String... extensions) {
		this.mediaType = mediaType;
		this.extensions = List.of(extensions);
	}

	public String mediaType() {
		return this.mediaType;
	}

	List<String> extensions() {
		return this.extensions;
	}

	/**
	 * @param extension a file name extension, any case
	 * @return the type with that extension
	 */
	public static Optional<FileType> forExtension(String extension) {
		String ext = extension.toLowerCase(Locale.ROOT);
		return Arrays.stream(values()).filter((t) -> t.extensions.contains(ext)).findFirst();
	}

	/**
	 * @param head the first bytes of the content (up to {@link #HEAD_SIZE})
	 * @return whether the content looks like this type
	 */
	public boolean matches(byte[] head) {
		return switch (this) {
			case PDF -> startsWith(head, "%PDF-".getBytes(StandardCharsets.US_ASCII));
			case JPEG -> startsWith(head, bytes(0xFF, 0xD8, 0xFF));
			case PNG -> startsWith(head, bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A));
			case GIF -> startsWith(head, "GIF87a".getBytes(StandardCharsets.US_ASCII))
					|| startsWith(head, "GIF89a".getBytes(StandardCharsets.US_ASCII));
			case DOC, XLS -> startsWith(head, OLE2);
			case DOCX, XLSX -> startsWith(head, bytes('P', 'K', 3, 4));
			case ZIP -> startsWith(head, bytes('P', 'K', 3, 4)) || startsWith(head, bytes('P', 'K', 5, 6));
			case MP3 -> startsWith(head, "ID3".getBytes(StandardCharsets.US_ASCII))
					|| (head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xE0) == 0xE0);
			case M4A -> head.length >= 8 && head[4] == 'f' && head[5] == 't' && head[6] == 'y' && head[7] == 'p';
			case TXT -> isText(head);
		};
	}

	/**
	 * Plain text in any ASCII-compatible encoding (UTF-8, GB 18030): no NUL and no
	 * control characters other than tab, line breaks, form feed and escape.
	 */
	private static boolean isText(byte[] head) {
		for (byte b : head) {
			int c = b & 0xFF;
			if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1B) {
				return false;
			}
			if (c == 0x7F) {
				return false;
			}
		}
		return true;
	}

	private static boolean startsWith(byte[] head, byte[] magic) {
		if (head.length < magic.length) {
			return false;
		}
		for (int i = 0; i < magic.length; i++) {
			if (head[i] != magic[i]) {
				return false;
			}
		}
		return true;
	}

	private static byte[] bytes(int... values) {
		byte[] result = new byte[values.length];
		for (int i = 0; i < values.length; i++) {
			result[i] = (byte) values[i];
		}
		return result;
	}

}
