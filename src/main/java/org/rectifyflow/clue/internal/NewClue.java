package org.rectifyflow.clue.internal;

import org.rectifyflow.clue.Channel;
import org.rectifyflow.clue.ClueCategory;

/**
 * A clue as submitted (JSON body or the {@code clue} part of a multipart request). Every
 * field is text so that bad values get a Chinese 400 instead of a parse error.
 *
 * @param channel one of {@link Channel}
 * @param subjectUnit code of the unit concerned
 * @param subjectPerson the person concerned (optional)
 * @param category one of {@link ClueCategory}
 * @param description what happened
 * @param occurredOn ISO date, not in the future (optional)
 * @param reporterName the reporter's name (blank: anonymous)
 * @param reporterContact the reporter's phone or address (optional)
 * @param reporterEmail the reporter's mail address for the feedback (optional)
 */
public record NewClue(String channel, String subjectUnit, String subjectPerson, String category, String description,
		String occurredOn, String reporterName, String reporterContact, String reporterEmail) {

	boolean anonymous() {
		return isBlank(this.reporterName) && isBlank(this.reporterContact) && isBlank(this.reporterEmail);
	}

	public static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

}
