package org.rectifyflow.taskrules;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;

/**
 * What the operations 转办, 委派, 退回, 撤回, 抄送 and 催办 may do on one user task, as its process
 * declares in the BPMN ({@link TaskRules#OPERATIONS}, {@link TaskRules#RETURN_TO},
 * {@link TaskRules#TRANSFER_TO}). Read once when the process is deployed and kept on the
 * parsed activity.
 *
 * @param operations the operations the task allows
 * @param returnTo the task id a 退回 goes back to, or {@code null}
 * @param transferTo to whom the task may be transferred or delegated
 * @param assignedAutomatically whether the task gets its assignee from the process (an
 * assignee expression) rather than being claimed
 * @param fourEyesTasks the tasks whose completers may not work on this one
 * ({@link TaskRules#FOUR_EYES}): no operation hands the task to them
 * @param fourEyesVariable the variable naming the proposer who may not work on this task,
 * or {@code null}
 */
public record TaskOperationRules(Set<Operation> operations, String returnTo, TransferScope transferTo,
		boolean assignedAutomatically, List<String> fourEyesTasks, String fourEyesVariable) {

	static final String ACTIVITY_PROPERTY = "rectifyflow.taskOperations";

	/** A task that declares nothing: no operation applies. */
	public static final TaskOperationRules NONE = new TaskOperationRules(Set.of(), null, TransferScope.CANDIDATES,
			false, List.of(), null);

	public TaskOperationRules {
		operations = operations.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(operations));
		fourEyesTasks = List.copyOf(fourEyesTasks);
	}

	/**
	 * @param operation an operation
	 * @return whether the task allows it
	 */
	public boolean allows(Operation operation) {
		return this.operations.contains(operation);
	}

	static TaskOperationRules of(UserTaskRules task, boolean assignedAutomatically) {
		Map<String, String> properties = task.properties();
		Set<Operation> operations = EnumSet.noneOf(Operation.class);
		UserTaskRules.names(properties.get(TaskRules.OPERATIONS)).forEach((name) -> operations.add(Operation.of(name)));
		String returnTo = properties.get(TaskRules.RETURN_TO);
		if (operations.contains(Operation.RETURN) && (returnTo == null || returnTo.isBlank())) {
			throw new IllegalArgumentException("operation 'return' needs " + TaskRules.RETURN_TO);
		}
		return new TaskOperationRules(operations, (returnTo != null && !returnTo.isBlank()) ? returnTo.trim() : null,
				TransferScope.of(properties.get(TaskRules.TRANSFER_TO)), assignedAutomatically, task.fourEyesTasks(),
				task.fourEyesVariable());
	}

	/**
	 * The rules of a deployed user task.
	 * @param repositoryService the engine's repository service (called with the authority
	 * to read process definitions)
	 * @param processDefinitionId the task's process definition
	 * @param taskDefinitionKey the task's BPMN id
	 * @return its rules, {@link #NONE} when it declares none
	 */
	public static TaskOperationRules of(RepositoryService repositoryService, String processDefinitionId,
			String taskDefinitionKey) {
		if (processDefinitionId == null || !(repositoryService
			.getProcessDefinition(processDefinitionId) instanceof ProcessDefinitionEntity definition)) {
			return NONE;
		}
		ActivityImpl activity = definition.findActivity(taskDefinitionKey);
		if (activity != null && activity.getProperty(ACTIVITY_PROPERTY) instanceof TaskOperationRules rules) {
			return rules;
		}
		return NONE;
	}

	/** The operations on a user task. */
	public enum Operation {

		/** 转办. */
		TRANSFER("转办"),
		/** 委派. */
		DELEGATE("委派"),
		/** 退回. */
		RETURN("退回"),
		/** 撤回. */
		WITHDRAW("撤回"),
		/** 抄送. */
		CC("抄送"),
		/** 催办. */
		URGE("催办");

		private final String label;

		Operation(String label) {
			this.label = label;
		}

		/**
		 * @return the Chinese name shown to users
		 */
		public String label() {
			return this.label;
		}

		/**
		 * @return the name used in the BPMN and the API, e.g. {@code transfer}
		 */
		public String id() {
			return name().toLowerCase(Locale.ROOT);
		}

		static Operation of(String id) {
			return Arrays.stream(values())
				.filter((operation) -> operation.id().equals(id))
				.findFirst()
				.orElseThrow(() -> new IllegalArgumentException("unknown task operation '" + id + "'"));
		}

	}

	/** To whom a task may be transferred or delegated. */
	public enum TransferScope {

		/** The task's candidate groups and candidate users. */
		CANDIDATES,
		/** The units of the task's holder, or its candidate unit groups. */
		UNIT,
		/**
		 * The task's candidate groups only, or the role groups of its holder: nobody
		 * outside the group that owns a confidential process.
		 */
		OWNER_GROUP;

		static TransferScope of(String value) {
			if (value == null || value.isBlank()) {
				return CANDIDATES;
			}
			return valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
		}

	}

}
