package org.rectifyflow.campaign.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.rectifyflow.campaign.BasisDocument;
import org.rectifyflow.campaign.Problem;
import org.rectifyflow.taskrules.FormList;
import org.rectifyflow.taskrules.TaskRuleViolation;

/**
 * Reads the text that forms and the API submit: lists of codes, dates, basis documents,
 * problem lines and review decisions. Every error is a {@link TaskRuleViolation} with a
 * Chinese message.
 */
public final class CampaignInputs {

	private static final Pattern SEPARATOR = Pattern.compile("\\s*[|｜]\\s*");

	private static final Pattern DOC_NUMBER = Pattern.compile("^(.*?)[\\s（(]*([^\\s（(）)]*〔\\d{4}〕\\d+号)[）)]?\\s*$");

	private static final Pattern PROBLEM_LABEL = Pattern.compile("[Pp]?0*(\\d+)");

	/** The longest text the engine stores in a string process variable (PostgreSQL). */
	static final int MAX_VARIABLE_TEXT = 4000;

	private CampaignInputs() {
	}

	/** A problem line of a 自查/互查 form. */
	record ProblemLine(int line, String category, Problem.Severity severity, String description, String evidence) {
	}

	/** The 全面剖析 decision on one problem (number {@code null} = all remaining). */
	public record Decision(Integer number, Action action, Integer mergeInto, String reason) {

		public enum Action {

			CONFIRM("确认"), MERGE("合并"), REJECT("驳回");

			private final String label;

			Action(String label) {
				this.label = label;
			}

			public String label() {
				return this.label;
			}

		}

	}

	static List<String> codes(Object value) {
		if (value == null) {
			return List.of();
		}
		if (value instanceof Collection<?> collection) {
			return collection.stream()
				.map(String::valueOf)
				.map(String::trim)
				.filter((s) -> !s.isEmpty())
				.distinct()
				.toList();
		}
		return Arrays.stream(String.valueOf(value).split("[,，、;；\\s]+"))
			.map(String::trim)
			.filter((s) -> !s.isEmpty())
			.distinct()
			.toList();
	}

	public static String joined(Collection<String> codes) {
		return String.join(",", codes);
	}

	static LocalDate date(Object value, String label, ZoneId zone) {
		if (value == null || (value instanceof String s && s.isBlank())) {
			throw new TaskRuleViolation("「" + label + "」为必填项", label + " is required");
		}
		if (value instanceof LocalDate date) {
			return date;
		}
		if (value instanceof Date date) {
			return LocalDate.ofInstant(date.toInstant(), zone);
		}
		String text = String.valueOf(value).trim();
		try {
			return LocalDate.parse((text.length() > 10) ? text.substring(0, 10) : text);
		}
		catch (DateTimeParseException ex) {
			throw new TaskRuleViolation("「" + label + "」不是有效的日期：" + text, label + " is not a date: " + text);
		}
	}

	public static String required(Object value, String label, int maxLength) {
		String text = (value != null) ? String.valueOf(value).strip() : "";
		if (text.isEmpty()) {
			throw new TaskRuleViolation("「" + label + "」为必填项", label + " is required");
		}
		if (text.codePointCount(0, text.length()) > maxLength) {
			throw new TaskRuleViolation("「" + label + "」不能超过" + maxLength + "个字",
					label + " may not be longer than " + maxLength + " characters");
		}
		return text;
	}

	public static String optional(Object value, String label, int maxLength) {
		String text = (value != null) ? String.valueOf(value).strip() : "";
		return text.isEmpty() ? null : required(text, label, maxLength);
	}

	/**
	 * Basis documents: the rows of the start form's list (标题, 文号), or, as the API passes
	 * them, one per line: {@code 标题｜文号} or {@code 标题（中纪办〔2022〕8号）}.
	 */
	static List<BasisDocument> basisDocuments(Object value) {
		List<BasisDocument> documents = new ArrayList<>();
		if (value == null) {
			return documents;
		}
		if (FormList.isList(value)) {
			for (FormList.Row row : FormList.rows(value, "文件依据")) {
				if (row.isBlank()) {
					continue;
				}
				documents.add(new BasisDocument(row.text("title", "文件标题", 200), row.optionalText("number", "文号", 100)));
			}
			return documents;
		}
		for (String raw : String.valueOf(value).split("\\R")) {
			String line = raw.strip();
			if (line.isEmpty()) {
				continue;
			}
			String[] parts = SEPARATOR.split(line, 2);
			String title;
			String number = null;
			if (parts.length == 2) {
				title = parts[0];
				number = parts[1].isBlank() ? null : parts[1];
			}
			else {
				Matcher matcher = DOC_NUMBER.matcher(line);
				if (matcher.matches() && !matcher.group(1).isBlank()) {
					title = matcher.group(1).strip();
					number = matcher.group(2);
				}
				else {
					title = line;
				}
			}
			documents.add(new BasisDocument(required(title, "文件依据标题", 200),
					(number != null) ? required(number, "文号", 100) : null));
		}
		return documents;
	}

	/**
	 * The basis documents as one process variable, which the engine stores in a column of
	 * {@value #MAX_VARIABLE_TEXT} characters.
	 */
	public static String basisDocumentsText(List<BasisDocument> documents) {
		String text = documents.stream()
			.map((d) -> (d.number() != null) ? d.title() + "｜" + d.number() : d.title())
			.collect(Collectors.joining("\n"));
		if (text.length() > MAX_VARIABLE_TEXT) {
			throw new TaskRuleViolation("文件依据过多或过长（合计不能超过" + MAX_VARIABLE_TEXT + "个字）",
					"the basis documents may not exceed " + MAX_VARIABLE_TEXT + " characters in all");
		}
		return text;
	}

	/**
	 * Problem lines: {@code 类别｜严重程度｜问题描述｜证据（可选）}.
	 */
	static List<ProblemLine> problemLines(Object value) {
		List<ProblemLine> lines = new ArrayList<>();
		if (value == null) {
			return lines;
		}
		String[] rows = String.valueOf(value).split("\\R");
		for (int i = 0; i < rows.length; i++) {
			String row = rows[i].strip();
			if (row.isEmpty()) {
				continue;
			}
			int number = i + 1;
			String[] parts = SEPARATOR.split(row, 4);
			if (parts.length < 3) {
				throw new TaskRuleViolation("第" + number + "行格式不正确，应为「类别｜严重程度｜问题描述｜证据」",
						"line " + number + " must read category|severity|description|evidence");
			}
			Problem.Severity severity = Problem.Severity.parse(parts[1]);
			if (severity == null) {
				throw new TaskRuleViolation("第" + number + "行的严重程度「" + parts[1] + "」无效，应为一般、较重或严重",
						"line " + number + ": unknown severity " + parts[1]);
			}
			String description = required(parts[2], "第" + number + "行问题描述", 2000);
			String evidence = (parts.length > 3) ? optional(parts[3], "第" + number + "行证据", 2000) : null;
			lines.add(new ProblemLine(number, parts[0].strip(), severity, description, evidence));
		}
		return lines;
	}

	/**
	 * Review decisions, one per line: {@code P001 确认}, {@code P002 合并 P001},
	 * {@code P003 驳回 理由}, {@code 其余 确认}.
	 */
	static List<Decision> decisions(Object value) {
		List<Decision> decisions = new ArrayList<>();
		if (value == null) {
			return decisions;
		}
		String[] rows = String.valueOf(value).split("\\R");
		for (int i = 0; i < rows.length; i++) {
			String row = rows[i].strip();
			if (row.isEmpty()) {
				continue;
			}
			int line = i + 1;
			String[] parts = row.split("[\\s|｜:：]+", 3);
			if (parts.length < 2) {
				throw new TaskRuleViolation("第" + line + "行格式不正确，应为「问题编号 确认/合并 目标编号/驳回 理由」",
						"line " + line + " must read: number action [target|reason]");
			}
			Integer number = ("其余".equals(parts[0]) || "*".equals(parts[0])) ? null : problemNumber(parts[0], line);
			String action = parts[1];
			String rest = (parts.length > 2) ? parts[2].strip() : "";
			switch (action) {
				case "确认", "CONFIRM", "confirm" ->
					decisions.add(new Decision(number, Decision.Action.CONFIRM, null, null));
				case "合并", "MERGE", "merge" -> {
					if (number == null) {
						throw new TaskRuleViolation("第" + line + "行：「其余」只能确认", "line " + line + ": only confirm all");
					}
					if (rest.isEmpty()) {
						throw new TaskRuleViolation("第" + line + "行：合并须写明并入的问题编号",
								"line " + line + ": merge needs a target");
					}
					decisions.add(new Decision(number, Decision.Action.MERGE, problemNumber(rest, line), null));
				}
				case "驳回", "REJECT", "reject" -> {
					if (number == null) {
						throw new TaskRuleViolation("第" + line + "行：「其余」只能确认", "line " + line + ": only confirm all");
					}
					decisions.add(new Decision(number, Decision.Action.REJECT, null,
							required(rest, "第" + line + "行驳回理由", 500)));
				}
				default -> throw new TaskRuleViolation("第" + line + "行的处理方式「" + action + "」无效，应为确认、合并或驳回",
						"line " + line + ": unknown action " + action);
			}
		}
		return decisions;
	}

	public static int problemNumber(String text, int line) {
		Matcher matcher = PROBLEM_LABEL.matcher(text.strip());
		if (!matcher.matches() || matcher.group(1).length() > 6) {
			throw new TaskRuleViolation("第" + line + "行的问题编号「" + text + "」无效", "line " + line + ": bad number " + text);
		}
		return Integer.parseInt(matcher.group(1));
	}

	static List<Integer> problemNumbers(Object value) {
		List<Integer> numbers = new ArrayList<>();
		for (String code : codes(value)) {
			numbers.add(problemNumber(code, 1));
		}
		return List.copyOf(new LinkedHashSet<>(numbers));
	}

}
