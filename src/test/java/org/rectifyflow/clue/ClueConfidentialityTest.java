package org.rectifyflow.clue;

import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rectifyflow.testsupport.RectifyFlowTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Clue process instances and their variables (investigation notes) are readable in
 * Cockpit and the engine APIs only by the discipline group; supervisors see clues through
 * the API without content.
 */
@RectifyFlowTest
class ClueConfidentialityTest {

	@Autowired
	IdentityService identityService;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	HistoryService historyService;

	@AfterEach
	void clear() {
		this.identityService.clearAuthentication();
	}

	@Test
	void shouldHideClueInstancesAndVariablesFromSupervisorsButNotFromTheDisciplineGroup() {
		this.identityService.setAuthentication("discipline", List.of("discipline-group"));
		long visibleToDiscipline = this.runtimeService.createProcessInstanceQuery()
			.processDefinitionKey(ClueProcess.KEY)
			.count();
		this.identityService.clearAuthentication();
		assertThat(visibleToDiscipline).as("the demo clues are running").isPositive();

		this.identityService.setAuthentication("supervisor", List.of("supervisors"));
		assertThat(this.runtimeService.createProcessInstanceQuery().processDefinitionKey(ClueProcess.KEY).count())
			.isZero();
		assertThat(
				this.historyService.createHistoricProcessInstanceQuery().processDefinitionKey(ClueProcess.KEY).count())
			.isZero();
		assertThat(
				this.historyService.createHistoricVariableInstanceQuery().processDefinitionKey(ClueProcess.KEY).count())
			.isZero();
	}

}
