package org.rectifyflow.inspection.internal;

import java.util.Optional;

import org.rectifyflow.inspection.InspectionProcess;
import org.rectifyflow.inspection.InspectionRegister;
import org.rectifyflow.pages.ItemLinks;
import org.rectifyflow.pages.ProcessItems;

import org.springframework.stereotype.Component;

/** An inspection process shows its inspection. */
@Component
class InspectionProcessItems implements ProcessItems {

	private final InspectionRegister inspections;

	InspectionProcessItems(InspectionRegister inspections) {
		this.inspections = inspections;
	}

	@Override
	public String processKey() {
		return InspectionProcess.KEY;
	}

	@Override
	public Optional<String> link(String businessKey) {
		return this.inspections.findByCode(businessKey).map((i) -> ItemLinks.inspection(i.getId()));
	}

}
