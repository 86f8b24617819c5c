package org.rectifyflow.taskrules;

import java.math.BigDecimal;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a form field's {@code validate} block declares (form-js: {@code required},
 * {@code minLength}, {@code maxLength}, {@code min}, {@code max}, {@code pattern}), so
 * that the server refuses what the form refuses, from the same declaration. A field the
 * form may hide ({@code conditional}) is required only by the form, which knows when it
 * shows; its value, when sent, is checked all the same.
 *
 * @param label the field's label for messages, or its key
 * @param required whether the form requires a value
 * @param minLength the least number of characters, or {@code null}
 * @param maxLength the most characters, or {@code null}
 * @param min the smallest number, or {@code null}
 * @param max the largest number, or {@code null}
 * @param pattern the regular expression a text must contain a match of, or {@code null}
 */
record FieldConstraint(String label, boolean required, Integer minLength, Integer maxLength, BigDecimal min,
		BigDecimal max, Pattern pattern) {

	/**
	 * The constraint a form component declares.
	 * @param component a form-js component with a key
	 * @return its constraint, or {@code null} when it declares none
	 */
	static FieldConstraint of(JsonNode component) {
		JsonNode validate = component.path("validate");
		if (!validate.isObject() || validate.isEmpty()) {
			return null;
		}
		String key = component.path("key").asText();
		String label = component.path("label").asText("").isBlank() ? key : component.path("label").asText().strip();
		boolean required = validate.path("required").asBoolean(false) && !component.has("conditional");
		Pattern pattern = null;
		String regex = validate.path("pattern").asText("");
		if (!regex.isBlank()) {
			try {
				pattern = Pattern.compile(regex);
			}
			catch (PatternSyntaxException ex) {
				throw new IllegalArgumentException("field " + key + " has an invalid pattern: " + regex, ex);
			}
		}
		FieldConstraint constraint = new FieldConstraint(label, required, integer(validate, "minLength"),
				integer(validate, "maxLength"), decimal(validate, "min"), decimal(validate, "max"), pattern);
		return constraint.isEmpty() ? null : constraint;
	}

	private boolean isEmpty() {
		return !this.required && this.minLength == null && this.maxLength == null && this.min == null
				&& this.max == null && this.pattern == null;
	}

	private static Integer integer(JsonNode validate, String name) {
		JsonNode value = validate.path(name);
		return value.canConvertToInt() ? value.asInt() : null;
	}

	private static BigDecimal decimal(JsonNode validate, String name) {
		JsonNode value = validate.path(name);
		return value.isNumber() ? value.decimalValue() : null;
	}

	/**
	 * Why a value breaks the constraint.
	 * @param value the submitted value ({@code null} when absent)
	 * @param completing whether the task is being completed (only then is a value
	 * required)
	 * @return the Chinese and English reasons, or {@code null} when the value is fine
	 */
	String[] violation(Object value, boolean completing) {
		boolean blank = value == null || (value instanceof String text && text.isBlank());
		if (blank) {
			return (completing && this.required) ? reason("「" + this.label + "」为必填项", "is required") : null;
		}
		if (value instanceof String text) {
			int length = text.length();
			if (this.minLength != null && length < this.minLength) {
				return reason("「" + this.label + "」不能少于 " + this.minLength + " 个字",
						"needs at least " + this.minLength + " characters");
			}
			if (this.maxLength != null && length > this.maxLength) {
				return reason("「" + this.label + "」不能超过 " + this.maxLength + " 个字",
						"allows at most " + this.maxLength + " characters");
			}
			if (this.pattern != null && !this.pattern.matcher(text).find()) {
				return reason("「" + this.label + "」的格式不正确", "does not match " + this.pattern.pattern());
			}
		}
		if (this.min != null || this.max != null) {
			BigDecimal number = number(value);
			if (number == null) {
				return reason("「" + this.label + "」应为数字", "must be a number");
			}
			if (this.min != null && number.compareTo(this.min) < 0) {
				return reason("「" + this.label + "」不能小于 " + this.min.toPlainString(), "must be at least " + this.min);
			}
			if (this.max != null && number.compareTo(this.max) > 0) {
				return reason("「" + this.label + "」不能大于 " + this.max.toPlainString(), "must be at most " + this.max);
			}
		}
		return null;
	}

	private String[] reason(String zh, String en) {
		return new String[] { zh, "the field '" + this.label + "' " + en };
	}

	private static BigDecimal number(Object value) {
		if (value instanceof Number number) {
			return new BigDecimal(number.toString());
		}
		try {
			return new BigDecimal(String.valueOf(value).strip());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
