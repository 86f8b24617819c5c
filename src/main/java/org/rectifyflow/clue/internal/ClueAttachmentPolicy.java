package org.rectifyflow.clue.internal;

import java.util.Optional;

import org.rectifyflow.attachment.ItemAttachmentPolicy;
import org.rectifyflow.clue.Clue;
import org.rectifyflow.clue.ClueProcess;
import org.rectifyflow.clue.ClueRegister;

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

	private final ClueRegister register;

	private final ClueAccess access;

	ClueAttachmentPolicy(ClueRegister register, ClueAccess access) {
		super(ClueProcess.ITEM_TYPE);
		this.register = register;
		this.access = access;
	}

	@Override
	protected Optional<Clue> find(String itemId) {
		return this.register.findByNumber(itemId);
	}

	@Override
	protected boolean canView(String userId, Clue item) {
		return this.access.of(userId) == ClueAccess.Level.FULL;
	}

	@Override
	protected boolean canAttach(String userId, Clue item) {
		return this.access.of(userId) == ClueAccess.Level.FULL;
	}

}
