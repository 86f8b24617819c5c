package org.rectifyflow.inspection;

import java.util.Optional;

import org.rectifyflow.attachment.AttachmentAccessPolicy;

import org.springframework.stereotype.Component;

/**
 * Evidence of an inspection (item type {@value InspectionProcess#ITEM_TYPE}, item id =
 * the inspection's id): visible to whoever may see the inspection (so not to a target
 * unit before a 暗访 is disclosed); added by the team and the discipline group during the
 * field work.
 */
@Component
class InspectionAttachmentPolicy implements AttachmentAccessPolicy {

	private final InspectionService inspections;

	private final InspectionAccess access;

	InspectionAttachmentPolicy(InspectionService inspections, InspectionAccess access) {
		this.inspections = inspections;
		this.access = access;
	}

	@Override
	public boolean supports(String itemType) {
		return InspectionProcess.ITEM_TYPE.equals(itemType);
	}

	@Override
	public boolean canView(String userId, String itemType, String itemId) {
		return inspection(itemId).map((i) -> this.access.viewer(userId).canView(i)).orElse(false);
	}

	@Override
	public boolean canAttach(String userId, String itemType, String itemId) {
		return inspection(itemId).map((i) -> this.access.viewer(userId).canAttach(i)).orElse(false);
	}

	private Optional<Inspection> inspection(String itemId) {
		try {
			return this.inspections.find(Long.valueOf(itemId));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

}
