package org.rectifyflow.rectification;

import java.util.Optional;

import org.rectifyflow.attachment.AttachmentAccessPolicy;
import org.rectifyflow.identity.Roles;

import org.springframework.stereotype.Component;

/**
 * Evidence attached to ledger entries (item type {@value RectificationProcess#ITEM_TYPE},
 * item id = the entry's id): the unit's staff and the responsible people may see and add
 * it; the supervising roles (office, supervisors, party group, discipline group) may see
 * it, and the campaign office may also add it (its acceptance records).
 */
@Component
class LedgerAttachmentPolicy implements AttachmentAccessPolicy {

	private final LedgerService ledger;

	private final LedgerAccess access;

	LedgerAttachmentPolicy(LedgerService ledger, LedgerAccess access) {
		this.ledger = ledger;
		this.access = access;
	}

	@Override
	public boolean supports(String itemType) {
		return RectificationProcess.ITEM_TYPE.equals(itemType);
	}

	@Override
	public boolean canView(String userId, String itemType, String itemId) {
		return entry(itemId).map((entry) -> this.access.viewer(userId).canView(entry)).orElse(false);
	}

	@Override
	public boolean canAttach(String userId, String itemType, String itemId) {
		Optional<LedgerEntry> entry = entry(itemId);
		if (entry.isEmpty() || entry.get().isSettled()) {
			return false;
		}
		LedgerAccess.Viewer viewer = this.access.viewer(userId);
		return viewer.canWorkOn(entry.get()) || isOffice(userId);
	}

	private boolean isOffice(String userId) {
		return this.access.isMember(userId, Roles.CAMPAIGN_OFFICE);
	}

	private Optional<LedgerEntry> entry(String itemId) {
		try {
			return this.ledger.find(Long.valueOf(itemId));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

}
