package org.rectifyflow.dashboard.internal;

import java.time.OffsetDateTime;

/**
 * One item whose deadline the dashboard watches (a ledger entry, a clue, a recommendation
 * letter, an inspection, a 督办 task), as an {@link ItemSource} reports it. Who holds it is
 * found from the open tasks of its process instance.
 *
 * @param kind the source's kind, e.g. {@code ledger}
 * @param ref the item's code or number
 * @param unitCode the unit responsible or concerned; {@code null} where that is
 * confidential for the viewer
 * @param open whether the item is still open
 * @param deadline its deadline, {@code null} if the record holds none (then the due date
 * of its open task counts)
 * @param title a short title; {@code null} where the title would be confidential content
 * @param link where the item can be read; {@code null} where the viewer may not read it
 * @param processInstanceId the process instance whose open tasks hold the work
 * @param confidential whether the item's content is confidential (clues, unannounced
 * inspections)
 */
record TrackedItem(String kind, String ref, String unitCode, boolean open, OffsetDateTime deadline, String title,
		String link, String processInstanceId, boolean confidential) {

	/**
	 * The item as a viewer who may only count it sees it.
	 * @param withContent whether the viewer may see content
	 * @return this item, or it without unit, title and link if confidential
	 */
	TrackedItem visibleTo(boolean withContent) {
		return (withContent || !this.confidential) ? this : new TrackedItem(this.kind, this.ref, null, this.open,
				this.deadline, null, null, this.processInstanceId, true);
	}

}
