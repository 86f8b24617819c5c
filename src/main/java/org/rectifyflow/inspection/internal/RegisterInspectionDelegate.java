package org.rectifyflow.inspection.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * {@code Task_Register}: stores the inspection and sets the business key.
 */
@Component("registerInspection")
class RegisterInspectionDelegate implements JavaDelegate {

	private final InspectionService inspections;

	RegisterInspectionDelegate(InspectionService inspections) {
		this.inspections = inspections;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.inspections.register(execution);
	}

}
