package org.rectifyflow.campaign;

import java.time.LocalDate;

/**
 * The deadlines of a campaign's phases, each a calendar day (work is due at close of
 * business that day).
 *
 * @param selfInspection 自查
 * @param crossInspection 互查
 * @param review 全面剖析
 * @param rectification 问题整改
 * @param regulation 建章立制
 */
public record PhaseDeadlines(LocalDate selfInspection, LocalDate crossInspection, LocalDate review,
		LocalDate rectification, LocalDate regulation) {

	/**
	 * @param which {@code SELF_INSPECTION}, {@code CROSS_INSPECTION}, {@code REVIEW},
	 * {@code RECTIFICATION} or {@code REGULATION}
	 * @return that phase's deadline
	 */
	public LocalDate of(String which) {
		return switch (which) {
			case "SELF_INSPECTION" -> this.selfInspection;
			case "CROSS_INSPECTION" -> this.crossInspection;
			case "REVIEW" -> this.review;
			case "RECTIFICATION" -> this.rectification;
			case "REGULATION" -> this.regulation;
			default -> throw new IllegalArgumentException("unknown phase deadline " + which);
		};
	}

}
