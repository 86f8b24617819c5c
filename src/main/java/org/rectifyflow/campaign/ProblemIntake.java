package org.rectifyflow.campaign;

import org.rectifyflow.kernel.Refusal;

/**
 * The campaign's one way in for a problem found elsewhere (a verified clue, an
 * inspection's finding, a problem entered through the API): it registers the problem in a
 * running campaign and, when the problem is confirmed, its ledger entry with its
 * {@code rectification} process. The campaign owns the rules: which campaign takes the
 * problem, and whether it waits for 全面剖析.
 * <p>
 * A problem that cannot be taken is not an exception: {@link #take} then returns a
 * {@link Receipt} with the {@link Refusal} and writes nothing, so a caller that hands
 * several things over in one transaction can keep the others (call
 * {@link Receipt#orElseThrow()} to refuse instead).
 */
public interface ProblemIntake {

	/**
	 * Registers a problem found elsewhere, in the caller's transaction.
	 * @param problem the problem
	 * @return what was registered, or why nothing was
	 */
	Receipt take(FoundProblem problem);

	/**
	 * A problem found outside the campaign's own 自查 and 互查.
	 *
	 * @param campaignId the campaign chosen by the caller, or {@code null} for the one
	 * rule: the newest running campaign whose plan takes the unit and category (in 问题整改
	 * before 查找问题)
	 * @param unitCode the unit where the problem is
	 * @param categoryCode the problem category: code, Chinese name, or a clue category
	 * ({@code MEETINGS_DOCUMENTS}) that the taxonomy maps to a category
	 * @param description what is wrong
	 * @param evidence evidence note or link, may be {@code null}
	 * @param severity the severity, {@code null} for {@link Problem.Severity#SERIOUS}
	 * @param source where it was found ({@link Problem.Source#CLUE},
	 * {@link Problem.Source#INSPECTION}, ...)
	 * @param sourceRef the record there (clue number, inspection code), may be
	 * {@code null}
	 * @param confirmed whether the source has verified it already (a clue closed with a
	 * confirmed outcome): then it is confirmed at once and gets its ledger entry in any
	 * phase of a running campaign; otherwise the campaign must be in 查找问题 (the problem
	 * waits for 全面剖析) or 问题整改 (confirmed with a ledger entry at once)
	 * @param recordedBy who recorded it
	 */
	record FoundProblem(Long campaignId, String unitCode, String categoryCode, String description, String evidence,
			Problem.Severity severity, Problem.Source source, String sourceRef, boolean confirmed, String recordedBy) {

	}

	/**
	 * The outcome of {@link #take}.
	 *
	 * @param campaignId the campaign that took the problem
	 * @param campaignCode its code
	 * @param problemId the registered problem
	 * @param problemLabel its number within the campaign, e.g. {@code P007}
	 * @param ledgerEntryCode its ledger entry, {@code null} while it waits for 全面剖析
	 * @param refusal why nothing was registered, {@code null} if the problem was taken
	 */
	record Receipt(Long campaignId, String campaignCode, Long problemId, String problemLabel, String ledgerEntryCode,
			Refusal refusal) {

		public static Receipt taken(Campaign campaign, Problem problem) {
			return new Receipt(campaign.getId(), campaign.getCode(), problem.getId(), problem.getLabel(),
					problem.getLedgerEntryCode(), null);
		}

		public static Receipt refused(Refusal refusal) {
			return new Receipt(null, null, null, null, null, refusal);
		}

		/**
		 * @return whether the problem was registered
		 */
		public boolean isTaken() {
			return this.refusal == null;
		}

		/**
		 * @return the ledger entry code, or {@code <campaign code>/<problem label>} while
		 * the problem waits for 全面剖析
		 */
		public String reference() {
			return (this.ledgerEntryCode != null) ? this.ledgerEntryCode : this.campaignCode + "/" + this.problemLabel;
		}

		/**
		 * @return this receipt if the problem was taken
		 * @throws Refusal why it was not
		 */
		public Receipt orElseThrow() {
			if (this.refusal != null) {
				throw this.refusal;
			}
			return this;
		}

	}

}
