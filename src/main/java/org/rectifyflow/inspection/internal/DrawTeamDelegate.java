package org.rectifyflow.inspection.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * {@code Task_DrawTeam}: the random team draw; sets several routing variables.
 */
@Component("drawInspectionTeam")
class DrawTeamDelegate implements JavaDelegate {

	private final TeamDrawing drawing;

	DrawTeamDelegate(TeamDrawing drawing) {
		this.drawing = drawing;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.drawing.drawTeam(execution);
	}

}
