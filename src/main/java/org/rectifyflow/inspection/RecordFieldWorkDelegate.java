package org.rectifyflow.inspection;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * {@code Task_RecordFinding}: stores a member's finding and sets the member-local loop
 * flag.
 */
@Component("recordInspectionFieldWork")
class RecordFieldWorkDelegate implements JavaDelegate {

	private final InspectionService inspections;

	RecordFieldWorkDelegate(InspectionService inspections) {
		this.inspections = inspections;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.inspections.recordFieldWork(execution);
	}

}
