package org.rectifyflow.taskrules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every form in {@code bpmn/forms} speaks to a person, not to a program: no help text
 * with a URL or an API path, no list of codes to choose from, no separator or line format
 * to type, no English enum value in an option's label, no ISO date to copy, and no input
 * that asks for a code or an id. Choices are selects, checklists, taglists or radios with
 * Chinese labels; several items are a dynamic list.
 */
class FormWordingTest {

	private static final Pattern URL = Pattern.compile("https?://|/api/|/engine-rest|/camunda/");

	/** A markdown link's target: a person sees the link text, not the address. */
	private static final Pattern LINK_TARGET = Pattern.compile("\\]\\([^)]*\\)");

	/**
	 * An English enum value or code: two or more capitals, e.g. IMPLEMENT,
	 * STYLE-MEETINGS.
	 */
	private static final Pattern ENGLISH_CODE = Pattern.compile("\\b[A-Z][A-Z0-9]*[_-]?[A-Z0-9]+\\b");

	/**
	 * Codes of records and units a person should never type: u1, P002, ZZ-2026-002-002.
	 */
	private static final Pattern RECORD_CODE = Pattern
		.compile("\\bu\\d+\\b|\\bP\\d{3}\\b|\\b[A-Z]{2}-\\d{4}-\\d{3}|\\b[a-z]+\\d*,[a-z]+\\d*\\b");

	private static final Pattern SEPARATOR = Pattern.compile("[｜|]|分隔|一行一|每行一|格式为|格式：");

	private static final Pattern ISO_DATE = Pattern
		.compile("\\d{4}-\\d{2}-\\d{2}|yyyy|YYYY|\\bMM-dd|\\bdd/|T\\d{2}:\\d{2}|\\+0000");

	/** Labels that ask a person to type a code, a number of a record or an id. */
	private static final Pattern ASKS_FOR_CODE = Pattern.compile("代码|编号|用户名|[（(]ID[）)]|\\bid\\b",
			Pattern.CASE_INSENSITIVE);

	/** Keys of free-text inputs that can only hold codes or ids. */
	private static final Pattern CODE_KEY = Pattern.compile(".*(Code|Codes|Id|Ids|Refs|Units|Unit)$");

	private static final Set<String> FREE_TEXT = Set.of("textfield", "textarea");

	/** Words that name abbreviations people use, not codes. */
	private static final Set<String> ALLOWED_CAPITALS = Set.of("PDF", "OK", "Word", "Excel");

	private static final ObjectMapper JSON = new ObjectMapper();

	@Test
	void shouldAskNobodyForACodeASeparatorOrAnIsoDate() throws IOException {
		List<String> findings = new ArrayList<>();
		for (Path form : forms()) {
			findings.addAll(check(form));
		}
		assertThat(findings).as("wording a person cannot be asked to follow").isEmpty();
	}

	@Test
	void shouldFindWhatThisTestIsMeantToFind() throws IOException {
		Path bad = Files.createTempFile("bad", ".form");
		Files.writeString(bad,
				"""
						{"id": "bad", "components": [
						  {"type": "text", "text": "可选单位（填写单位代码）：u1（办公室）、u2（财务科）"},
						  {"type": "textfield", "key": "targetUnits", "label": "目标单位",
						   "description": "单位代码，多个用逗号分隔，如 u1,u2"},
						  {"type": "textarea", "key": "problems", "label": "问题",
						   "description": "每行一条：类别｜严重程度｜描述，类别见 https://example.org/api/categories"},
						  {"type": "select", "key": "category", "label": "类别",
						   "values": [{"label": "STYLE-MEETINGS", "value": "STYLE-MEETINGS"}]},
						  {"type": "textfield", "key": "deadline", "label": "期限", "placeholder": "2027-01-15T10:00:00.000+0000"},
						  {"type": "dynamiclist", "path": "rows", "components": [
						    {"type": "textfield", "key": "basisRefs", "label": "依据（编号）"}
						  ]}
						]}
						""");
		try {
			assertThat(String.join("\n", check(bad))).contains("asks for a code", "separator", "URL", "English code",
					"ISO date", "record code", "basisRefs", "targetUnits");
		}
		finally {
			Files.delete(bad);
		}
	}

	private static List<Path> forms() throws IOException {
		try (Stream<Path> files = Files.list(Path.of("bpmn", "forms"))) {
			List<Path> forms = files.filter((f) -> f.toString().endsWith(".form")).sorted().toList();
			assertThat(forms).isNotEmpty();
			return forms;
		}
	}

	private static List<String> check(Path form) throws IOException {
		List<String> findings = new ArrayList<>();
		check(form.getFileName().toString(), JSON.readTree(form.toFile()).path("components"), findings);
		return findings;
	}

	private static void check(String form, JsonNode components, List<String> findings) {
		for (JsonNode component : components) {
			if ("=true".equals(component.path("conditional").path("hide").asText(""))) {
				continue; // never shown: a carrier of a value the API may send at the
							// start
			}
			String type = component.path("type").asText("");
			String where = form + " " + component.path("id").asText(component.path("key").asText("?"));
			boolean input = !component.path("readonly").asBoolean(false)
					&& !component.path("disabled").asBoolean(false);
			String text = LINK_TARGET.matcher(component.path("text").asText("")).replaceAll("]");
			for (String field : List.of("label", "description", "placeholder", "dateLabel", "timeLabel")) {
				String value = component.path(field).asText("");
				if (value.isEmpty()) {
					continue;
				}
				wording(where + " " + field, value, findings);
				if (URL.matcher(value).find()) {
					findings.add(where + " " + field + ": URL or API path in a help text: " + value);
				}
				if (input && !type.equals("text") && field.equals("label") && ASKS_FOR_CODE.matcher(value).find()) {
					findings.add(where + ": asks for a code, a record number or an id: " + value);
				}
			}
			if (!text.isEmpty()) {
				wording(where + " text", text.replaceAll("\\{\\{[^}]*}}", ""), findings);
				if (URL.matcher(text).find()) {
					findings.add(where + ": URL or API path shown as text");
				}
			}
			for (JsonNode option : component.path("values")) {
				String label = option.path("label").asText("");
				if (ENGLISH_CODE.matcher(label).find() || !label.codePoints().anyMatch(FormWordingTest::isHan)) {
					findings.add(where + ": option label is an English code, not Chinese: " + label);
				}
			}
			String key = component.path("key").asText("");
			if (input && FREE_TEXT.contains(type) && CODE_KEY.matcher(key).matches()) {
				findings.add(where + ": free-text input " + key + " can only hold codes; make it a choice");
			}
			if (component.has("components")) {
				check(form, component.path("components"), findings);
			}
		}
	}

	private static void wording(String where, String value, List<String> findings) {
		if (SEPARATOR.matcher(value).find()) {
			findings.add(where + ": a separator or line format to type: " + value);
		}
		if (ISO_DATE.matcher(value).find()) {
			findings.add(where + ": an ISO date or date pattern: " + value);
		}
		if (RECORD_CODE.matcher(value).find()) {
			findings.add(where + ": a record code or code list: " + value);
		}
		var codes = ENGLISH_CODE.matcher(value);
		while (codes.find()) {
			if (!ALLOWED_CAPITALS.contains(codes.group())) {
				findings.add(where + ": an English code: " + codes.group() + " in " + value);
				break;
			}
		}
	}

	private static boolean isHan(int codePoint) {
		return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
	}

}
