package org.rectifyflow.inspection;

import org.rectifyflow.inspection.internal.InspectionService;
import org.rectifyflow.inspection.internal.MethodNames;

/**
 * Where the findings of an inspection go when the team leader's report is in: a clue
 * about a person becomes a new clue (channel INSPECTION, starting the {@code clue}
 * process); a problem of a unit becomes a problem of the running campaign, with its own
 * ledger entry and {@code rectification} instance. The features that own those records
 * provide one bean per {@link Finding.Type} (in their own packages); the inspection keeps
 * the returned reference, and the created record keeps the inspection's code as its
 * source reference, so each links to the other.
 */
public interface FindingSink {

	/**
	 * @return the kind of finding this sink takes
	 */
	Finding.Type type();

	/**
	 * Creates the clue or problem for the finding, in the caller's transaction.
	 * @param finding the finding
	 * @return what was created, or why nothing could be created now
	 */
	Result handOver(HandOver finding);

	/**
	 * A finding as handed over.
	 *
	 * @param inspectionCode the inspection's code (the source reference)
	 * @param inspectionId the inspection's id
	 * @param findingId the finding's id
	 * @param unitCode the unit concerned
	 * @param method how it was found ({@link Finding.Method})
	 * @param place where it was found
	 * @param description what was found
	 * @param subjectPerson the person concerned (clues), may be {@code null}
	 * @param categoryCode the problem category (problems), may be {@code null}
	 * @param recordedBy the team member who recorded it
	 * @param evidenceLink a link to the inspection's evidence files
	 */
	record HandOver(String inspectionCode, Long inspectionId, Long findingId, String unitCode, Finding.Method method,
			String place, String description, String subjectPerson, String categoryCode, String recordedBy,
			String evidenceLink) {

		/**
		 * The description as the receiving record keeps it: where and how the finding was
		 * made, then what was found.
		 * @param maxLength the receiving record's limit; longer text is cut with an
		 * ellipsis
		 * @return e.g. {@code 【明察暗访MC-2026-001，实地查看，办事大厅】窗口无人值守}
		 */
		public String sourcedDescription(int maxLength) {
			return InspectionService.cut("【明察暗访" + this.inspectionCode + "，" + MethodNames.of(this.method) + "，"
					+ this.place + "】" + this.description, maxLength);
		}

	}

	/**
	 * The outcome of a hand-over.
	 *
	 * @param created whether a record was created
	 * @param ref the created record's code (clue number, ledger entry or problem code)
	 * @param id the created record's id
	 * @param note why nothing was created, in Chinese
	 */
	record Result(boolean created, String ref, Long id, String note) {

		public static Result created(String ref, Long id) {
			return new Result(true, ref, id, null);
		}

		public static Result pending(String note) {
			return new Result(false, null, null, note);
		}

	}

}
