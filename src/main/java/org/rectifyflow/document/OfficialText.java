package org.rectifyflow.document;

import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * How the text of an official document is written: 成文日期 in Arabic numerals, numbers in
 * Chinese for 「一、」「（一）」「一是」, and nothing that only the system understands (codes, tags, a
 * list's own numbering).
 */
public final class OfficialText {

	private static final String DIGITS = "〇一二三四五六七八九";

	private static final String CODE_PATTERN = "(?<![A-Za-z0-9])(?:P\\d{3,}|[A-Z]{2}-\\d{4}-\\d{3,}(?:-\\d{3,})?)(?![A-Za-z0-9])";

	private static final Pattern CODE_IN_BRACKETS = Pattern
		.compile("[（(]\\s*" + CODE_PATTERN + "(?:\\s*[,，、]\\s*" + CODE_PATTERN + ")*\\s*[）)]");

	private static final Pattern CODE = Pattern
		.compile("\\s*" + CODE_PATTERN + "(?:\\s*[,，、]\\s*" + CODE_PATTERN + ")*\\s*");

	private static final Pattern TAG = Pattern.compile("【[^】]{0,12}】");

	private static final Pattern NUMBERING = Pattern
		.compile("^(?:[一二三四五六七八九十]+[、是]|[（(][一二三四五六七八九十\\d]+[）)]|\\d+[.、．)）]|[①-⑳])\\s*");

	private OfficialText() {
	}

	/**
	 * @param date a day
	 * @return the day as 成文日期: 2026年12月3日
	 */
	public static String date(LocalDate date) {
		return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
	}

	/**
	 * @param n a number from 1
	 * @return the number in Chinese (一 … 九十九), as in 「一、」「（一）」「一是」
	 */
	public static String chinese(int n) {
		if (n < 1 || n > 99) {
			return String.valueOf(n);
		}
		int tens = n / 10;
		int ones = n % 10;
		String result = (tens == 0) ? "" : ((tens == 1) ? "" : String.valueOf(DIGITS.charAt(tens))) + "十";
		return (ones == 0) ? result : result + DIGITS.charAt(ones);
	}

	/**
	 * Removes what only the system understands from a text written for people: codes of
	 * problems, ledger entries, campaigns and clues (P009, ZZ-2026-002-002,
	 * XS-2026-000012) with their brackets, and bracketed tags such as 【共性问题】.
	 * @param text a text, may be {@code null}
	 * @return the text without codes, stripped; empty for {@code null}
	 */
	public static String withoutCodes(String text) {
		if (text == null) {
			return "";
		}
		String result = CODE_IN_BRACKETS.matcher(text).replaceAll("");
		result = CODE.matcher(result).replaceAll("");
		result = TAG.matcher(result).replaceAll("");
		return result.replaceAll("[ \\t]{2,}", " ").replaceAll("[ \\t]*([，。；：、])", "$1").strip();
	}

	/**
	 * @param line a line of a list
	 * @return the line without its own numbering (一、 （一） 1. 1、 (1) 一是)
	 */
	public static String withoutNumbering(String line) {
		return NUMBERING.matcher(line.strip()).replaceFirst("").strip();
	}

}
