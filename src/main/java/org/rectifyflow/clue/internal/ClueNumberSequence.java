package org.rectifyflow.clue.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The last clue number handed out in a year; the row {@link #ANCHOR} serialises the
 * creation of a year's row.
 */
@Entity
@Table(name = "clue_number_sequence")
class ClueNumberSequence {

	/**
	 * The row that is no year (migration V23): locked by every intake before the row of
	 * its year is read or created.
	 */
	static final int ANCHOR = 0;

	@Id
	@Column(name = "clue_year")
	private Integer year;

	@Column(name = "last_value", nullable = false)
	private int lastValue;

	protected ClueNumberSequence() {
	}

	ClueNumberSequence(int year) {
		this.year = year;
	}

	/**
	 * @return the next number of the year
	 */
	int next() {
		if (this.lastValue >= 999_999) {
			throw new IllegalStateException("Clue numbers of " + this.year + " are exhausted");
		}
		return ++this.lastValue;
	}

}
