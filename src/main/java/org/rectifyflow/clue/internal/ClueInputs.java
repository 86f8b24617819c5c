package org.rectifyflow.clue.internal;

import org.rectifyflow.kernel.Choices;
import org.rectifyflow.kernel.Refusal;

/**
 * Checks of submitted text shared by intake, the register filters and the extension
 * request; each refusal is a {@link Refusal} (invalid) with a Chinese and an English
 * message.
 */
public final class ClueInputs {

	private ClueInputs() {
	}

	public static <E extends Enum<E>> E parseEnum(Class<E> type, String value, String labelZh, String field) {
		if (NewClue.isBlank(value)) {
			throw Refusal.invalid("请选择" + labelZh, field + " is required");
		}
		return Choices.parse(type, value)
			.orElseThrow(() -> Refusal.invalid(labelZh + "无效：" + value.strip() + "，应为" + Choices.labels(type),
					"unknown " + field + ": " + value.strip() + "; expected " + Choices.names(type)));
	}

	public static void checkLength(String value, int max, String labelZh, String field) {
		if (value != null && value.strip().codePointCount(0, value.strip().length()) > max) {
			throw Refusal.invalid(labelZh + "不能超过" + max + "个字", field + " is longer than " + max);
		}
	}

	static String trimToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
