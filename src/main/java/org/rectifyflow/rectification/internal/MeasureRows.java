package org.rectifyflow.rectification.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.rectifyflow.kernel.Dates;
import org.rectifyflow.rectification.LedgerMeasure;
import org.rectifyflow.taskrules.FormList;
import org.rectifyflow.taskrules.TaskRuleViolation;

/**
 * The measures of a ledger entry (整改措施) as the drafting form submits them, one row per
 * measure: what is done ({@code measure}), who does it ({@code responsible}, one of the
 * unit's staff) and by when ({@code deadline}, a date no later than the entry's
 * deadline). Every refusal names the row and the field. The rows are also written out as
 * one text, which the ledger, its export and the letters print.
 */
final class MeasureRows {

	/** The most measures an entry may have. */
	static final int MAX_ROWS = 30;

	/** The most characters of one measure. */
	static final int MAX_MEASURE = 1000;

	private static final String LABEL = "整改措施";

	private MeasureRows() {
	}

	/**
	 * The measures a drafting form or an integration submitted: the text of
	 * {@code measures} (which the form does not have) as one measure of the entry's
	 * responsible person, otherwise the rows of {@code measureRows}.
	 * @param rows the value of {@code measureRows}, may be {@code null}
	 * @param text the value of {@code measures}, may be {@code null}
	 * @param staff the unit's staff (the responsible persons allowed)
	 * @param defaultResponsible the entry's responsible person
	 * @param today today's date
	 * @param latest the entry's proposed deadline, no measure may end later
	 * @return the measures, at least one
	 * @throws TaskRuleViolation if a row is incomplete or invalid, or there is no measure
	 */
	static List<LedgerMeasure> read(Object rows, String text, Collection<String> staff, String defaultResponsible,
			LocalDate today, LocalDate latest) {
		List<LedgerMeasure> measures = new ArrayList<>();
		if (text != null && !text.isBlank()) {
			String measure = text.strip();
			if (measure.codePointCount(0, measure.length()) > RectificationService.LONG_TEXT) {
				throw new TaskRuleViolation("「整改措施」不能超过" + RectificationService.LONG_TEXT + "个字",
						"measures may not be longer than " + RectificationService.LONG_TEXT + " characters");
			}
			measures.add(new LedgerMeasure(measure, defaultResponsible, null));
		}
		else if (FormList.isList(rows)) {
			for (FormList.Row row : FormList.rows(rows, LABEL)) {
				if (row.isBlank()) {
					continue;
				}
				String measure = row.text("measure", "措施内容", MAX_MEASURE);
				String responsible = row.choice("responsible", "责任人", staff);
				LocalDate deadline = date(row, today, latest);
				measures.add(new LedgerMeasure(measure, responsible, deadline));
			}
		}
		if (measures.isEmpty()) {
			throw new TaskRuleViolation("请至少填写一项整改措施", "at least one measure is required");
		}
		if (measures.size() > MAX_ROWS) {
			throw new TaskRuleViolation("整改措施不能超过" + MAX_ROWS + "项", "no more than " + MAX_ROWS + " measures");
		}
		return measures;
	}

	private static LocalDate date(FormList.Row row, LocalDate today, LocalDate latest) {
		String text = row.optionalText("deadline", "完成时限", 40);
		if (text == null) {
			return null;
		}
		LocalDate date;
		try {
			date = LocalDate.parse((text.length() > 10) ? text.substring(0, 10) : text);
		}
		catch (DateTimeParseException ex) {
			throw new TaskRuleViolation("第" + row.number() + "行「完成时限」不是有效的日期",
					"row " + row.number() + ": deadline is not a date");
		}
		if (date.isBefore(today)) {
			throw new TaskRuleViolation("第" + row.number() + "行「完成时限」不能早于今天",
					"row " + row.number() + ": deadline lies in the past");
		}
		if (latest != null && date.isAfter(latest)) {
			throw new TaskRuleViolation("第" + row.number() + "行「完成时限」不能晚于整改时限" + Dates.chinese(latest),
					"row " + row.number() + ": deadline after the entry's deadline " + latest);
		}
		return date;
	}

	/**
	 * The measures as one text, a numbered line each: 「1.
	 * 精简例会；责任人：孙晓明（办公室）；完成时限：2027年1月15日」.
	 * @param measures the measures
	 * @param people a person's label by user id
	 * @return the text
	 */
	static String text(List<LedgerMeasure> measures, Function<String, String> people) {
		List<String> lines = new ArrayList<>();
		int number = 0;
		for (LedgerMeasure m : measures) {
			number++;
			StringBuilder line = new StringBuilder();
			if (measures.size() > 1) {
				line.append(number).append(". ");
			}
			line.append(m.getText());
			if (m.getResponsible() != null) {
				line.append("；责任人：").append(people.apply(m.getResponsible()));
			}
			if (m.getDeadline() != null) {
				line.append("；完成时限：").append(Dates.chinese(m.getDeadline()));
			}
			lines.add(line.toString());
		}
		return String.join("\n", lines);
	}

	/**
	 * The measures as a form's list or table shows them.
	 * @param measures the measures
	 * @param people a person's label by user id
	 * @param editable {@code true} for the drafting form (values as submitted: user id,
	 * ISO date), {@code false} for a read-only table (labels, Chinese dates)
	 * @return one map per measure
	 */
	static List<Map<String, Object>> shown(List<LedgerMeasure> measures, Function<String, String> people,
			boolean editable) {
		List<Map<String, Object>> rows = new ArrayList<>();
		for (LedgerMeasure m : measures) {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("measure", m.getText());
			if (editable) {
				row.put("responsible", m.getResponsible());
				row.put("deadline", (m.getDeadline() != null) ? m.getDeadline().toString() : null);
			}
			else {
				row.put("responsible", (m.getResponsible() != null) ? people.apply(m.getResponsible()) : "");
				row.put("deadline", (m.getDeadline() != null) ? Dates.chinese(m.getDeadline()) : "随整改时限");
			}
			rows.add(row);
		}
		return rows;
	}

}
