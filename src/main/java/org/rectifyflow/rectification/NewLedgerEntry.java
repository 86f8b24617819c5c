package org.rectifyflow.rectification;

/**
 * A problem to be entered in the rectification ledger (整改工作台账), as other features hand it
 * to {@link LedgerService#open(NewLedgerEntry)}.
 *
 * @param campaignId the campaign's id
 * @param campaignCode the campaign's code, e.g. {@code ZZ-2026-001}; the entry's code is
 * this code plus a three-digit sequence number
 * @param problemId the problem's id in the feature that found it, may be {@code null}
 * @param unitCode the code of the unit that must rectify
 * @param categoryCode the problem category's code
 * @param categoryName the problem category's Chinese name ({@code categoryCode} when
 * blank)
 * @param description what is wrong
 * @param source where the problem was found: {@code SELF_INSPECTION},
 * {@code CROSS_INSPECTION}, {@code REVIEW}, {@code CLUE} or {@code INSPECTION}
 * @param sourceRef a reference in the source (e.g. a clue's code), may be {@code null}
 */
public record NewLedgerEntry(Long campaignId, String campaignCode, Long problemId, String unitCode, String categoryCode,
		String categoryName, String description, String source, String sourceRef) {

}
