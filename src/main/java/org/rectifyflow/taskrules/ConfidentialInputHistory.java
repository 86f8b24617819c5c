package org.rectifyflow.taskrules;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;

/**
 * Keeps what users type into the tasks of a confidential process (a clue, an inspection,
 * a recommendation draft: {@code rectify.authorization.confidential}) out of the engine's
 * history: no historic variable instance and no historic detail is written for a variable
 * that is one of the {@link TaskInputs} of the process's user tasks. The inputs live in
 * the feature's own records, under its own access rules, and the audit trail records who
 * entered them; history grants given when a process is disclosed (the Cockpit groups read
 * an inspection's history once its field work ends) therefore never disclose the inputs
 * themselves, such as the person a clue finding names. Every other history event goes to
 * the engine's handler unchanged.
 */
class ConfidentialInputHistory implements HistoryEventHandler {

	private final HistoryEventHandler delegate;

	private final Set<String> confidentialKeys;

	private final Map<String, Set<String>> inputsByDefinition = new ConcurrentHashMap<>();

	ConfidentialInputHistory(HistoryEventHandler delegate, Set<String> confidentialKeys) {
		this.delegate = delegate;
		this.confidentialKeys = Set.copyOf(confidentialKeys);
	}

	@Override
	public void handleEvent(HistoryEvent event) {
		if (!withheld(event)) {
			this.delegate.handleEvent(event);
		}
	}

	@Override
	public void handleEvents(List<HistoryEvent> events) {
		this.delegate.handleEvents(events.stream().filter((event) -> !withheld(event)).toList());
	}

	private boolean withheld(HistoryEvent event) {
		if (!(event instanceof HistoricVariableUpdateEventEntity variable) || variable.getProcessDefinitionId() == null
				|| !this.confidentialKeys.contains(variable.getProcessDefinitionKey())) {
			return false;
		}
		return inputsOf(variable.getProcessDefinitionId()).contains(variable.getVariableName());
	}

	private Set<String> inputsOf(String processDefinitionId) {
		return this.inputsByDefinition.computeIfAbsent(processDefinitionId, (id) -> {
			ProcessDefinitionEntity definition = Context.getProcessEngineConfiguration()
				.getDeploymentCache()
				.findDeployedProcessDefinitionById(id);
			Set<String> inputs = new HashSet<>();
			if (definition != null) {
				collect(definition, inputs);
			}
			return inputs;
		});
	}

	private static void collect(ScopeImpl scope, Set<String> inputs) {
		for (ActivityImpl activity : scope.getActivities()) {
			TaskInputs taskInputs = activity.getProperties().get(TaskInputs.PROPERTY);
			if (taskInputs != null) {
				inputs.addAll(taskInputs.writable());
				inputs.addAll(taskInputs.readOnly());
				inputs.addAll(taskInputs.shown());
			}
			collect(activity, inputs);
		}
	}

}
