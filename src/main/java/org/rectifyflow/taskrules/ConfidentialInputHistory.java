package org.rectifyflow.taskrules;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
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
 * themselves, such as the person a clue finding names.
 * <p>
 * In every process, a variable that carries a form's list ({@link TaskInputs#carriers()})
 * and a structured value shown by one task (a task-local {@code Json} variable, such as
 * the options of a select) is only the form's carrier: it never reaches history either,
 * so that it does not outlive its task (the task rules remove it from the runtime when
 * the task ends). Every other history event goes to the engine's handler unchanged
 * ({@link org.rectifyflow.engine.WithheldHistory}).
 */
class ConfidentialInputHistory implements Predicate<HistoryEvent> {

	private final Set<String> confidentialKeys;

	private final Map<String, Set<String>> inputsByDefinition = new ConcurrentHashMap<>();

	private final Map<String, Set<String>> carriersByDefinition = new ConcurrentHashMap<>();

	/** The serializers of values a form submits or shows as structures. */
	private static final Set<String> STRUCTURED = Set.of("json", "xml", "serializable");

	ConfidentialInputHistory(Set<String> confidentialKeys) {
		this.confidentialKeys = Set.copyOf(confidentialKeys);
	}

	@Override
	public boolean test(HistoryEvent event) {
		String definitionId;
		String definitionKey;
		String name;
		String serializer = null;
		String taskId;
		if (event instanceof HistoricVariableUpdateEventEntity variable) {
			definitionId = variable.getProcessDefinitionId();
			definitionKey = variable.getProcessDefinitionKey();
			name = variable.getVariableName();
			serializer = variable.getSerializerName();
			taskId = variable.getTaskId();
		}
		else if (event instanceof HistoricFormPropertyEventEntity property) {
			definitionId = property.getProcessDefinitionId();
			definitionKey = property.getProcessDefinitionKey();
			name = property.getPropertyId();
			taskId = property.getTaskId();
		}
		else {
			return false;
		}
		if (definitionId == null) {
			return false;
		}
		if (taskId != null && serializer != null
				&& (STRUCTURED.contains(serializer) || serializer.startsWith("spin://"))) {
			return true;
		}
		if (carriersOf(definitionId).contains(name)) {
			return true;
		}
		return this.confidentialKeys.contains(definitionKey) && inputsOf(definitionId).contains(name);
	}

	private Set<String> carriersOf(String processDefinitionId) {
		return this.carriersByDefinition.computeIfAbsent(processDefinitionId, (id) -> {
			Set<String> carriers = new HashSet<>();
			ProcessDefinitionEntity definition = Context.getProcessEngineConfiguration()
				.getDeploymentCache()
				.findDeployedProcessDefinitionById(id);
			if (definition != null) {
				collectCarriers(definition, carriers);
			}
			return carriers;
		});
	}

	private static void collectCarriers(ScopeImpl scope, Set<String> carriers) {
		for (ActivityImpl activity : scope.getActivities()) {
			TaskInputs taskInputs = activity.getProperties().get(TaskInputs.PROPERTY);
			if (taskInputs != null) {
				carriers.addAll(taskInputs.carriers());
			}
			collectCarriers(activity, carriers);
		}
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
