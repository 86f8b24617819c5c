package org.rectifyflow.pages;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Collectors;

import org.rectifyflow.kernel.Dates;
import org.rectifyflow.organisation.OrganisationService;
import org.rectifyflow.organisation.Unit;

import org.springframework.stereotype.Component;

/**
 * How an item page writes what it shows: dates in Chinese form in Beijing time
 * ({@code 2027年1月15日 18:00}), persons by name and unit, units by name. Templates call it
 * as {@code ${@pageText.dateTime(…)}}.
 */
@Component("pageText")
public class PageText {

	private static final String NONE = "—";

	private final OrganisationService organisation;

	PageText(OrganisationService organisation) {
		this.organisation = organisation;
	}

	/**
	 * @param at a moment, may be {@code null}
	 * @return e.g. {@code 2027年1月15日 18:00} (Beijing time), or a dash
	 */
	public String dateTime(OffsetDateTime at) {
		return (at != null) ? Dates.chinese(at) : NONE;
	}

	/**
	 * @param at a moment, may be {@code null}
	 * @return e.g. {@code 2027年1月15日} (Beijing time), or a dash
	 */
	public String date(OffsetDateTime at) {
		return (at != null) ? Dates.chinese(at.atZoneSameInstant(Dates.ZONE).toLocalDate()) : NONE;
	}

	/**
	 * @param day a calendar day, may be {@code null}
	 * @return e.g. {@code 2027年1月15日}, or a dash
	 */
	public String day(LocalDate day) {
		return (day != null) ? Dates.chinese(day) : NONE;
	}

	/**
	 * @param value a flag
	 * @return 是 or 否
	 */
	public String yesNo(boolean value) {
		return value ? "是" : "否";
	}

	/**
	 * @param decision an approval decision as stored ({@code true}, {@code false},
	 * {@code APPROVE}, {@code RETURN}, {@code REJECT}), may be {@code null}
	 * @return 同意, 退回, 不同意, or the value itself
	 */
	public String decision(String decision) {
		if (decision == null || decision.isBlank()) {
			return NONE;
		}
		return switch (decision.strip().toUpperCase(java.util.Locale.ROOT)) {
			case "TRUE", "APPROVE", "APPROVED", "ACCEPT" -> "同意";
			case "FALSE", "RETURN", "RETURNED" -> "退回";
			case "REJECT", "REJECTED" -> "不同意";
			default -> decision;
		};
	}

	/**
	 * @param bytes a file size
	 * @return e.g. {@code 12.5 KB}
	 */
	public String size(long bytes) {
		if (bytes < 1024) {
			return bytes + " B";
		}
		if (bytes < 1024 * 1024) {
			return String.format(java.util.Locale.ROOT, "%.1f KB", bytes / 1024.0);
		}
		return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
	}

	/**
	 * @param text a text, may be {@code null} or blank
	 * @return the text, or a dash
	 */
	public String text(String text) {
		return (text == null || text.isBlank()) ? NONE : text;
	}

	/**
	 * @param code a unit code, may be {@code null}
	 * @return the unit's name, or the code if the unit is unknown
	 */
	public String unit(String code) {
		if (code == null || code.isBlank()) {
			return NONE;
		}
		return this.organisation.findUnit(code).map(Unit::getName).orElse(code);
	}

	/**
	 * @param codes unit codes
	 * @return their names, separated by 、
	 */
	public String units(List<String> codes) {
		if (codes == null || codes.isEmpty()) {
			return NONE;
		}
		return codes.stream().map(this::unit).collect(Collectors.joining("、"));
	}

	/**
	 * A person by name and unit: {@code 周明（第一处）}; someone without a unit by name and role
	 * groups: {@code 张正明（派驻纪检组）}.
	 * @param userId a user id, may be {@code null}
	 * @return how a page names the person
	 */
	public String person(String userId) {
		if (userId == null || userId.isBlank()) {
			return NONE;
		}
		if ("system".equals(userId)) {
			return "系统";
		}
		return this.organisation.personLabel(userId);
	}

}
