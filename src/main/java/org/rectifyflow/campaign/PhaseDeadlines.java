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

}
