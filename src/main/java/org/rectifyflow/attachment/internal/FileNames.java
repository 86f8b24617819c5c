package org.rectifyflow.attachment.internal;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Makes a client's file name safe to store and to show: no path, no control, format or
 * reserved characters, no leading or trailing dots and spaces, at most
 * {@value #MAX_LENGTH} characters with the extension kept.
 */
public final class FileNames {

	static final int MAX_LENGTH = 200;

	private static final String RESERVED = "<>:\"/\\|?*";

	private FileNames() {
	}

	/**
	 * @param original the name the client sent, may be {@code null}
	 * @return the sanitised name, possibly empty
	 */
	public static String sanitise(String original) {
		if (original == null) {
			return "";
		}
		String name = original.substring(Math.max(original.lastIndexOf('/'), original.lastIndexOf('\\')) + 1);
		name = Normalizer.normalize(name, Normalizer.Form.NFC);
		StringBuilder clean = new StringBuilder(name.length());
		name.codePoints().forEach((cp) -> {
			if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT || RESERVED.indexOf(cp) >= 0) {
				clean.append('_');
			}
			else {
				clean.appendCodePoint(Character.isWhitespace(cp) ? ' ' : cp);
			}
		});
		String result = strip(clean.toString());
		if (result.length() > MAX_LENGTH) {
			String ext = extension(result);
			int keep = MAX_LENGTH - ((ext.isEmpty()) ? 0 : ext.length() + 1);
			result = strip(result.substring(0, keep)) + ((ext.isEmpty()) ? "" : "." + ext);
		}
		return result;
	}

	/**
	 * @param name a sanitised file name
	 * @return its extension in lower case, or an empty string
	 */
	public static String extension(String name) {
		int dot = name.lastIndexOf('.');
		return (dot > 0 && dot < name.length() - 1) ? name.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
	}

	private static String strip(String name) {
		int start = 0;
		int end = name.length();
		while (start < end && (name.charAt(start) == '.' || name.charAt(start) == ' ')) {
			start++;
		}
		while (end > start && (name.charAt(end - 1) == '.' || name.charAt(end - 1) == ' ')) {
			end--;
		}
		return name.substring(start, end);
	}

}
