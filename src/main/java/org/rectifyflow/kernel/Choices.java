package org.rectifyflow.kernel;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads a choice (an enum value) the way people and programs write it: by its name
 * ({@code MINOR}, any case) or by the Chinese label forms and messages show ({@code 一般}),
 * so that an API accepts what its own messages list. The label is the enum's
 * {@code label()} or {@code title()}, or the one a caller gives.
 */
public final class Choices {

	private Choices() {
	}

	/**
	 * @param type the enum
	 * @param text a name or a Chinese label, may be {@code null}
	 * @return the value, empty if the text names none
	 */
	public static <E extends Enum<E>> Optional<E> parse(Class<E> type, String text) {
		return parse(type, text, Choices::label);
	}

	/**
	 * @param type the enum
	 * @param text a name or a Chinese label, may be {@code null}
	 * @param label the Chinese label of each value
	 * @return the value, empty if the text names none
	 */
	public static <E extends Enum<E>> Optional<E> parse(Class<E> type, String text, Function<E, String> label) {
		if (text == null || text.isBlank()) {
			return Optional.empty();
		}
		String value = text.strip();
		return Arrays.stream(type.getEnumConstants())
			.filter((e) -> e.name().equals(value.toUpperCase(Locale.ROOT)) || value.equals(label.apply(e)))
			.findFirst();
	}

	/**
	 * The Chinese labels of an enum as a message lists them: 「一般、较重或严重」.
	 * @param type the enum
	 * @return the labels
	 */
	public static <E extends Enum<E>> String labels(Class<E> type) {
		return labels(type, Choices::label);
	}

	/**
	 * @param type the enum
	 * @param label the Chinese label of each value
	 * @return the labels, 「一般、较重或严重」
	 */
	public static <E extends Enum<E>> String labels(Class<E> type, Function<E, String> label) {
		List<String> all = Arrays.stream(type.getEnumConstants()).map(label).toList();
		if (all.size() < 2) {
			return String.join("", all);
		}
		return String.join("、", all.subList(0, all.size() - 1)) + "或" + all.get(all.size() - 1);
	}

	/**
	 * @param type the enum
	 * @return its names as an English message lists them: {@code MINOR, SERIOUS or GRAVE}
	 */
	public static <E extends Enum<E>> String names(Class<E> type) {
		List<String> all = Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
		if (all.size() < 2) {
			return String.join("", all);
		}
		return String.join(", ", all.subList(0, all.size() - 1)) + " or " + all.get(all.size() - 1);
	}

	/** The value's {@code label()} or {@code title()}, else its name. */
	private static String label(Enum<?> value) {
		for (String accessor : new String[] { "label", "title" }) {
			try {
				Method method = value.getDeclaringClass().getMethod(accessor);
				if (method.getReturnType() == String.class && method.getParameterCount() == 0) {
					Object label = method.invoke(value);
					if (label != null) {
						return (String) label;
					}
				}
			}
			catch (ReflectiveOperationException | RuntimeException ex) {
				// no such accessor: try the next
			}
		}
		return value.name();
	}

}
