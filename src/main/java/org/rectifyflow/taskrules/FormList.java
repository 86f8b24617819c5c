package org.rectifyflow.taskrules;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;

/**
 * A list a Camunda Form submits (a dynamic list, a checklist, a taglist), read row by
 * row. Tasklist submits such a field as a {@code Json} variable; the engine's Java API
 * may pass a {@link List} of maps, the engine REST API JSON text. The variable is only
 * the form's carrier: the task's {@link ProcessTasks#completed} stores the rows in the
 * feature's records, and the task rules remove the variable when the task ends
 * ({@link TaskInputs#carriers()}).
 * <p>
 * Every refusal is a {@link TaskRuleViolation} whose Chinese message names the row and
 * the field, as the form shows them: 「第2行「严重程度」必须选择」.
 */
public final class FormList {

	/** The most rows a list may hold. */
	public static final int MAX_ROWS = 500;

	private static final ObjectMapper JSON = new ObjectMapper();

	private FormList() {
	}

	/**
	 * Whether a submitted value is a list (or JSON text of one) rather than the plain
	 * text an older form or an integration sends.
	 * @param value the variable's value
	 * @return {@code true} for a list, {@code false} for plain text or nothing
	 */
	public static boolean isList(Object value) {
		if (value == null) {
			return false;
		}
		if (value instanceof String text) {
			return text.strip().startsWith("[");
		}
		return true;
	}

	/**
	 * The rows of a list whose items are groups of fields (a dynamic list).
	 * @param value the variable's value ({@code null} is an empty list)
	 * @param label the list's label in the form, for messages
	 * @return the rows, numbered from 1
	 * @throws TaskRuleViolation if the value is not a list of rows
	 */
	public static List<Row> rows(Object value, String label) {
		JsonNode list = read(value, label);
		List<Row> rows = new ArrayList<>();
		int number = 0;
		for (JsonNode item : list) {
			number++;
			if (!item.isObject()) {
				throw new TaskRuleViolation("「" + label + "」第" + number + "行格式不正确",
						label + ": row " + number + " is not a group of fields");
			}
			rows.add(new Row(number, (ObjectNode) item));
		}
		return rows;
	}

	/**
	 * The values chosen in a checklist or taglist, each one of the options.
	 * @param value the variable's value ({@code null} is nothing chosen)
	 * @param label the field's label, for messages
	 * @param allowed the options' values
	 * @return the chosen values, in order, without repetitions
	 * @throws TaskRuleViolation if a value is not one of the options
	 */
	public static List<String> choices(Object value, String label, Collection<String> allowed) {
		Collection<String> chosen = new LinkedHashSet<>();
		for (JsonNode item : read(value, label)) {
			String text = item.isValueNode() ? item.asText("").strip() : "";
			if (!allowed.contains(text)) {
				throw new TaskRuleViolation("「" + label + "」的选项无效：" + text,
						label + ": " + text + " is not one of the options");
			}
			chosen.add(text);
		}
		return List.copyOf(chosen);
	}

	/**
	 * The options of a select, radio group, checklist or taglist, as the form's
	 * {@code valuesKey} expects them: a {@code Json} variable holding {@code [{"label":
	 * …, "value": …}]}.
	 * @param labelsByValue the options' Chinese labels by their values, in order
	 * @return the variable's value
	 */
	public static JsonValue options(Map<String, String> labelsByValue) {
		ArrayNode options = JSON.createArrayNode();
		labelsByValue.forEach((value, label) -> options.addObject().put("label", label).put("value", value));
		return SpinValues.jsonValue(options.toString()).create();
	}

	/**
	 * Rows as a {@code Json} variable a form's dynamic list or table shows.
	 * @param rows each row's fields by key, in order
	 * @return the variable's value
	 */
	public static JsonValue json(List<? extends Map<String, ?>> rows) {
		try {
			return SpinValues.jsonValue(JSON.writeValueAsString(rows)).create();
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException("rows not representable as JSON", ex);
		}
	}

	/**
	 * Values a checklist or taglist shows as checked.
	 * @param values the options' values
	 * @return the variable's value
	 */
	public static JsonValue values(Collection<String> values) {
		ArrayNode array = JSON.createArrayNode();
		values.forEach(array::add);
		return SpinValues.jsonValue(array.toString()).create();
	}

	private static JsonNode read(Object value, String label) {
		JsonNode node;
		try {
			if (value == null || (value instanceof String text && text.isBlank())) {
				return JSON.createArrayNode();
			}
			else if (value instanceof String text) {
				node = JSON.readTree(text);
			}
			else if (value instanceof SpinJsonNode spin) {
				node = JSON.readTree(spin.toString());
			}
			else {
				node = JSON.valueToTree(value);
			}
		}
		catch (IOException | IllegalArgumentException ex) {
			throw new TaskRuleViolation("「" + label + "」不是有效的列表", label + " is not a list");
		}
		if (node == null || node.isNull()) {
			return JSON.createArrayNode();
		}
		if (!node.isArray()) {
			throw new TaskRuleViolation("「" + label + "」不是有效的列表", label + " is not a list");
		}
		if (node.size() > MAX_ROWS) {
			throw new TaskRuleViolation("「" + label + "」不能超过" + MAX_ROWS + "行",
					label + " may not hold more than " + MAX_ROWS + " rows");
		}
		return node;
	}

	/** One row of a list: its number as the form shows it, and its fields. */
	public static final class Row {

		private final int number;

		private final ObjectNode fields;

		Row(int number, ObjectNode fields) {
			this.number = number;
			this.fields = fields;
		}

		/**
		 * @return the row's number, from 1
		 */
		public int number() {
			return this.number;
		}

		/**
		 * @return whether every field of the row is empty (a row added and left blank)
		 */
		public boolean isBlank() {
			for (JsonNode value : (Iterable<JsonNode>) this.fields::elements) {
				if (!value.isNull() && !(value.isValueNode() && value.asText("").isBlank())
						&& !(value.isContainerNode() && value.isEmpty())) {
					return false;
				}
			}
			return true;
		}

		/**
		 * A text field that must be filled.
		 * @param key the field's key
		 * @param label the field's label
		 * @param maxLength the most characters it may hold
		 * @return the text, stripped
		 */
		public String text(String key, String label, int maxLength) {
			String text = optionalText(key, label, maxLength);
			if (text == null) {
				throw violation(label, "为必填项", "is required");
			}
			return text;
		}

		/**
		 * A text field that may be empty.
		 * @param key the field's key
		 * @param label the field's label
		 * @param maxLength the most characters it may hold
		 * @return the text, stripped, or {@code null} when empty
		 */
		public String optionalText(String key, String label, int maxLength) {
			JsonNode value = this.fields.get(key);
			if (value != null && value.isContainerNode()) {
				throw violation(label, "格式不正确", "is not text");
			}
			String text = (value == null || value.isNull()) ? "" : value.asText("").strip();
			if (text.isEmpty()) {
				return null;
			}
			if (text.codePointCount(0, text.length()) > maxLength) {
				throw violation(label, "不能超过" + maxLength + "个字",
						"may not be longer than " + maxLength + " characters");
			}
			return text;
		}

		/**
		 * A choice (select, radio) that must be made.
		 * @param key the field's key
		 * @param label the field's label
		 * @param allowed the options' values
		 * @return the chosen value
		 */
		public String choice(String key, String label, Collection<String> allowed) {
			String chosen = optionalChoice(key, label, allowed);
			if (chosen == null) {
				throw violation(label, "必须选择", "must be chosen");
			}
			return chosen;
		}

		/**
		 * A choice that may be left open.
		 * @param key the field's key
		 * @param label the field's label
		 * @param allowed the options' values
		 * @return the chosen value, or {@code null}
		 */
		public String optionalChoice(String key, String label, Collection<String> allowed) {
			JsonNode value = this.fields.get(key);
			String text = (value == null || value.isNull() || value.isContainerNode()) ? "" : value.asText("").strip();
			if (text.isEmpty()) {
				return null;
			}
			if (!allowed.contains(text)) {
				throw violation(label, "的选择无效", "is not one of the options: " + text);
			}
			return text;
		}

		/**
		 * A checkbox.
		 * @param key the field's key
		 * @return whether it is ticked
		 */
		public boolean flag(String key) {
			JsonNode value = this.fields.get(key);
			return value != null && (value.asBoolean(false) || "true".equalsIgnoreCase(value.asText("")));
		}

		/**
		 * The row's fields as plain values, e.g. to show the row again.
		 * @return field values by key
		 */
		public Map<String, Object> values() {
			return Collections.unmodifiableMap(JSON.convertValue(this.fields, LinkedHashMap.class));
		}

		private TaskRuleViolation violation(String label, String zh, String en) {
			return new TaskRuleViolation("第" + this.number + "行「" + label + "」" + zh,
					"row " + this.number + ": " + label + " " + en);
		}

	}

}
