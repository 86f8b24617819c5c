package org.rectifyflow.dashboard;

import java.time.OffsetDateTime;

/**
 * One item whose deadline the dashboard watches (a ledger entry, a clue, a recommendation
 * reply …), as an {@link ItemSource} reports it.
 *
 * @param kind the source's kind, e.g. {@code ledger}
 * @param ref the item's code or number
 * @param unitCode the unit responsible (or concerned)
 * @param open whether the item is still open
 * @param overdue whether it is open and past its deadline
 * @param deadline its deadline, {@code null} if none is set yet
 * @param title a short title; {@code null} where the title would be confidential content
 * @param link where the item can be read
 */
record TrackedItem(String kind, String ref, String unitCode, boolean open, boolean overdue, OffsetDateTime deadline,
		String title, String link) {

}
