package org.rectifyflow.rectification.internal;

import java.util.Optional;

import org.rectifyflow.attachment.ItemAttachmentPolicy;
import org.rectifyflow.identity.Roles;
import org.rectifyflow.rectification.LedgerEntry;
import org.rectifyflow.rectification.LedgerService;
import org.rectifyflow.rectification.RectificationProcess;

import org.springframework.stereotype.Component;

/**
 * Evidence attached to ledger entries (item type {@value RectificationProcess#ITEM_TYPE},
 * item id = the entry's id): the unit's staff and the responsible people may see and add
 * it; the supervising roles (office, supervisors, party group, discipline group) may see
 * it, and the campaign office may also add it (its acceptance records).
 */
@Component
class LedgerAttachmentPolicy extends ItemAttachmentPolicy<LedgerEntry> {

	private final LedgerService ledger;

	private final LedgerAccess access;

	LedgerAttachmentPolicy(LedgerService ledger, LedgerAccess access) {
		super(RectificationProcess.ITEM_TYPE);
		this.ledger = ledger;
		this.access = access;
	}

	@Override
	protected Optional<LedgerEntry> find(String itemId) {
		return numericId(itemId).flatMap(this.ledger::find);
	}

	@Override
	protected boolean canView(String userId, LedgerEntry item) {
		return this.access.viewer(userId).canView(item);
	}

	@Override
	protected boolean canAttach(String userId, LedgerEntry item) {
		if (item.isSettled()) {
			return false;
		}
		return this.access.viewer(userId).canWorkOn(item) || this.access.isMember(userId, Roles.CAMPAIGN_OFFICE);
	}

}
