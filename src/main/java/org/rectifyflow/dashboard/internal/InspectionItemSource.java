package org.rectifyflow.dashboard.internal;

import java.util.List;

import org.rectifyflow.campaign.Campaign;
import org.rectifyflow.inspection.Inspection;
import org.rectifyflow.inspection.InspectionRegister;
import org.rectifyflow.pages.ItemLinks;

import org.springframework.stereotype.Component;

/**
 * Inspections (明察暗访) not yet closed, read through the inspection register. Their deadline
 * is that of the field work, the due date of the members' 现场检查 tasks. An unannounced
 * inspection (暗访) is confidential until its field work has ended.
 */
@Component
class InspectionItemSource implements ItemSource {

	static final String KIND = "inspection";

	private final InspectionRegister inspections;

	InspectionItemSource(InspectionRegister inspections) {
		this.inspections = inspections;
	}

	@Override
	public String kind() {
		return KIND;
	}

	@Override
	public String label() {
		return "明察暗访";
	}

	@Override
	public int order() {
		return 40;
	}

	@Override
	public List<TrackedItem> openItems(Campaign campaign) {
		return this.inspections.open().stream().map(InspectionItemSource::item).toList();
	}

	private static TrackedItem item(Inspection i) {
		List<String> targets = i.targetUnitList();
		return new TrackedItem(KIND, i.getCode(), targets.isEmpty() ? null : String.join(",", targets), true, null,
				i.getTitle(), ItemLinks.inspection(i.getId()), i.getProcessInstanceId(),
				i.getKind() == Inspection.Kind.UNANNOUNCED && i.getFieldWorkEndedAt() == null);
	}

}
