package org.rectifyflow.clue;

import org.rectifyflow.attachment.AttachmentAccessPolicy;

import org.springframework.stereotype.Component;

/**
 * Evidence of a clue (item type {@value ClueProcess#ITEM_TYPE}, item id = the clue
 * number): seen and added by the discipline group and its lead only, like the clue
 * itself. Evidence sent with a public report is stored by the intake, not through this
 * policy; without it, only the uploader could see a file (for a public report: nobody),
 * and anybody could attach to a clue that had no files yet.
 */
@Component
class ClueAttachmentPolicy implements AttachmentAccessPolicy {

	private final ClueService clueService;

	ClueAttachmentPolicy(ClueService clueService) {
		this.clueService = clueService;
	}

	@Override
	public boolean supports(String itemType) {
		return ClueProcess.ITEM_TYPE.equals(itemType);
	}

	@Override
	public boolean canView(String userId, String itemType, String itemId) {
		return mayWorkOn(userId, itemId);
	}

	@Override
	public boolean canAttach(String userId, String itemType, String itemId) {
		return mayWorkOn(userId, itemId);
	}

	private boolean mayWorkOn(String userId, String clueNumber) {
		return this.clueService.accessOf(userId) == ClueService.Access.FULL
				&& this.clueService.findByNumber(clueNumber).isPresent();
	}

}
