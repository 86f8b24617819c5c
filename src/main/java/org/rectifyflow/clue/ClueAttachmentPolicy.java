package org.rectifyflow.clue;

import java.util.Optional;

import org.rectifyflow.attachment.ItemAttachmentPolicy;

import org.springframework.stereotype.Component;

/**
 * Evidence of a clue (item type {@value ClueProcess#ITEM_TYPE}, item id = the clue
 * number): seen and added by the discipline group and its lead only, like the clue
 * itself. Evidence sent with a public report is stored by the intake, not through this
 * policy; without it, only the uploader could see a file (for a public report: nobody),
 * and anybody could attach to a clue that had no files yet.
 */
@Component
class ClueAttachmentPolicy extends ItemAttachmentPolicy<Clue> {

	private final ClueService clueService;

	ClueAttachmentPolicy(ClueService clueService) {
		super(ClueProcess.ITEM_TYPE);
		this.clueService = clueService;
	}

	@Override
	protected Optional<Clue> find(String itemId) {
		return this.clueService.findByNumber(itemId);
	}

	@Override
	protected boolean canView(String userId, Clue item) {
		return this.clueService.accessOf(userId) == ClueService.Access.FULL;
	}

	@Override
	protected boolean canAttach(String userId, Clue item) {
		return this.clueService.accessOf(userId) == ClueService.Access.FULL;
	}

}
