package org.rectifyflow.inspection.internal;

import java.util.Optional;

import org.rectifyflow.attachment.ItemAttachmentPolicy;
import org.rectifyflow.inspection.Inspection;
import org.rectifyflow.inspection.InspectionProcess;
import org.rectifyflow.inspection.InspectionRegister;

import org.springframework.stereotype.Component;

/**
 * Evidence of an inspection (item type {@value InspectionProcess#ITEM_TYPE}, item id =
 * the inspection's id): visible to whoever may see the inspection (so not to a target
 * unit before a 暗访 is disclosed); added by the team and the discipline group during the
 * field work.
 */
@Component
class InspectionAttachmentPolicy extends ItemAttachmentPolicy<Inspection> {

	private final InspectionRegister inspections;

	private final InspectionAccess access;

	InspectionAttachmentPolicy(InspectionRegister inspections, InspectionAccess access) {
		super(InspectionProcess.ITEM_TYPE);
		this.inspections = inspections;
		this.access = access;
	}

	@Override
	protected Optional<Inspection> find(String itemId) {
		return numericId(itemId).flatMap(this.inspections::find);
	}

	@Override
	protected boolean canView(String userId, Inspection item) {
		return this.access.viewer(userId).canView(item);
	}

	@Override
	protected boolean canAttach(String userId, Inspection item) {
		return this.access.viewer(userId).canAttach(item);
	}

}
