package org.rectifyflow.clue;

import java.util.OptionalInt;

import org.rectifyflow.clue.internal.ClueAccess;
import org.rectifyflow.clue.internal.ClueProperties;
import org.rectifyflow.clue.internal.ClueRepository;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whether a user may request a clue's extension (延期) now, so that the task view offers
 * the request exactly when {@code POST /api/clues/{id}/extension} would accept it.
 */
@Component
public class ClueExtensionOffer {

	private final ClueRepository clues;

	private final ClueAccess access;

	private final ClueProperties properties;

	ClueExtensionOffer(ClueRepository clues, ClueAccess access, ClueProperties properties) {
		this.clues = clues;
		this.access = access;
		this.properties = properties;
	}

	/**
	 * @param clueId the clue
	 * @param userId the user
	 * @return the longest extension the user may request now, in working days, or empty
	 * when the user may not request one (not the discipline group, not under
	 * investigation, green channel, or already requested)
	 */
	@Transactional(readOnly = true)
	public OptionalInt maxWorkingDays(Long clueId, String userId) {
		if (clueId == null || !this.access.isDisciplineGroup(userId)) {
			return OptionalInt.empty();
		}
		return this.clues.findById(clueId)
			.filter((clue) -> !clue.isExtensionUsed() && clue.getStatus() == ClueStatus.INVESTIGATING
					&& clue.getRoute() == Route.STANDARD)
			.map((clue) -> OptionalInt.of(this.properties.extensionMaxWorkingDays()))
			.orElse(OptionalInt.empty());
	}

}
