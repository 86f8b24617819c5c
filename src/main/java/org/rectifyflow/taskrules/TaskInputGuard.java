package org.rectifyflow.taskrules;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.MessageCorrelationBuilderImpl;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.SignalEventReceivedBuilderImpl;
import org.camunda.bpm.engine.impl.batch.RestartProcessInstancesBatchCmd;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractCorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractRemoveVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractRestartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractVariableCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceAsyncCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.PatchTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.ProcessInstanceModificationBatchCmd;
import org.camunda.bpm.engine.impl.cmd.RemoveTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SignalCmd;
import org.camunda.bpm.engine.impl.cmd.SignalEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.batch.variables.SetVariablesToProcessInstancesBatchCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A user writes process data only as the input of a task it works on: each user task
 * accepts the {@link TaskInputs} derived from its form and rules when its process was
 * deployed, and nothing else. Identity and routing data (entity ids, responsible users,
 * proposers, deadlines, routes) are the system's.
 * <p>
 * The guard looks at every command a user (an authenticated, non-administrator caller)
 * starts, whichever door it came through (engine REST API, Tasklist, Cockpit, Java API):
 * <ul>
 * <li>starting a process (with or without its start form): only the fields of the
 * process's start form; starting at chosen activities is refused;</li>
 * <li>completing a task or submitting its form, and setting, patching or removing its
 * variables (local or not): only the task's inputs, read-only form fields unchanged,
 * values as the form's fields declare them ({@link FieldConstraint}: length, range,
 * pattern; on completion also the required fields);</li>
 * <li>setting, patching or removing variables of an execution or process instance (singly
 * or as a batch), and variables carried by a message, a signal, a process instance
 * modification or restart: refused, since a process's data enters through its tasks;</li>
 * <li>modifying or restarting process instances: refused, the system or an administrator
 * moves a process.</li>
 * </ul>
 * Commands the application runs for itself (no authenticated user, or
 * {@code SystemAuthority}) and commands nested in another command are not checked. A
 * refusal is a {@link TaskRuleViolation} (HTTP 400) thrown before the command runs, so
 * nothing changes.
 */
class TaskInputGuard extends CommandInterceptor {

	private static final Logger logger = LoggerFactory.getLogger(TaskInputGuard.class);

	private final ProcessEngineConfigurationImpl configuration;

	TaskInputGuard(ProcessEngineConfigurationImpl configuration) {
		this.configuration = configuration;
	}

	@Override
	public <T> T execute(Command<T> command) {
		if (Context.getCommandContext() == null) {
			Authentication user = this.configuration.getIdentityService().getCurrentAuthentication();
			if (user != null && user.getUserId() != null && !isAdministrator(user)) {
				check(command, user.getUserId());
			}
		}
		return this.next.execute(command);
	}

	private boolean isAdministrator(Authentication user) {
		List<String> adminUsers = this.configuration.getAdminUsers();
		List<String> adminGroups = this.configuration.getAdminGroups();
		if (adminUsers != null && adminUsers.contains(user.getUserId())) {
			return true;
		}
		return adminGroups != null && user.getGroupIds() != null
				&& user.getGroupIds().stream().anyMatch(adminGroups::contains);
	}

	private void check(Command<?> command, String userId) {
		if (command instanceof CompleteTaskCmd) {
			checkTask(userId, true, field(command, CompleteTaskCmd.class, "taskId"),
					field(command, CompleteTaskCmd.class, "variables"), List.of());
		}
		else if (command instanceof SubmitTaskFormCmd) {
			checkTask(userId, true, field(command, SubmitTaskFormCmd.class, "taskId"),
					field(command, SubmitTaskFormCmd.class, "properties"), List.of());
		}
		else if (command instanceof SetTaskVariablesCmd) {
			checkTask(userId, false, field(command, AbstractVariableCmd.class, "entityId"),
					field(command, AbstractSetVariableCmd.class, "variables"), List.of());
		}
		else if (command instanceof RemoveTaskVariablesCmd) {
			checkTask(userId, false, field(command, AbstractVariableCmd.class, "entityId"), null,
					field(command, AbstractRemoveVariableCmd.class, "variableNames"));
		}
		else if (command instanceof PatchTaskVariablesCmd) {
			checkTask(userId, false, field(command, AbstractPatchVariablesCmd.class, "entityId"),
					field(command, AbstractPatchVariablesCmd.class, "variables"),
					field(command, AbstractPatchVariablesCmd.class, "deletions"));
		}
		else if (command instanceof StartProcessInstanceCmd) {
			ProcessInstantiationBuilderImpl builder = field(command, StartProcessInstanceCmd.class,
					"instantiationBuilder");
			checkStart(userId, builder.getProcessDefinitionId(), builder.getProcessDefinitionKey(),
					builder.getVariables());
		}
		else if (command instanceof SubmitStartFormCmd) {
			checkStart(userId, field(command, SubmitStartFormCmd.class, "processDefinitionId"), null,
					field(command, SubmitStartFormCmd.class, "variables"));
		}
		else if (command instanceof StartProcessInstanceAtActivitiesCmd) {
			throw refused(userId, command, "流程只能从开始节点发起，不能从中间环节开始",
					"a user starts a process at its start event only, not at chosen activities");
		}
		else if (command instanceof AbstractVariableCmd || command instanceof AbstractPatchVariablesCmd
				|| command instanceof SetVariablesToProcessInstancesBatchCmd) {
			throw refused(userId, command, "流程数据只能通过办理本人的任务提交，不能直接修改流程变量",
					"process variables are written by completing a task, not directly");
		}
		else if (command instanceof ModifyProcessInstanceCmd || command instanceof ModifyProcessInstanceAsyncCmd
				|| command instanceof ProcessInstanceModificationBatchCmd
				|| command instanceof AbstractRestartProcessInstanceCmd
				|| command instanceof RestartProcessInstancesBatchCmd) {
			throw refused(userId, command, "流程的流转只能由系统或管理员调整",
					"only the system or an administrator modifies or restarts a process instance");
		}
		else if (carriesVariables(command)) {
			throw refused(userId, command, "消息和信号不能携带流程数据，流程数据只能通过办理本人的任务提交",
					"messages and signals sent by a user may not carry variables");
		}
	}

	private static boolean carriesVariables(Command<?> command) {
		if (command instanceof AbstractCorrelateMessageCmd) {
			MessageCorrelationBuilderImpl builder = field(command, AbstractCorrelateMessageCmd.class, "builder");
			return builder != null && (notEmpty(builder.getPayloadProcessInstanceVariables())
					|| notEmpty(builder.getPayloadProcessInstanceVariablesLocal())
					|| notEmpty(builder.getPayloadProcessInstanceVariablesToTriggeredScope()));
		}
		if (command instanceof SignalEventReceivedCmd) {
			SignalEventReceivedBuilderImpl builder = field(command, SignalEventReceivedCmd.class, "builder");
			return builder != null && notEmpty(builder.getVariables());
		}
		if (command instanceof SignalCmd) {
			return notEmpty(field(command, SignalCmd.class, "processVariables"));
		}
		return false;
	}

	private static boolean notEmpty(Map<?, ?> variables) {
		return variables != null && !variables.isEmpty();
	}

	private void checkTask(String userId, boolean working, String taskId, Map<String, ?> written,
			Collection<String> removed) {
		if (taskId == null || (!working && !notEmpty(written) && (removed == null || removed.isEmpty()))) {
			return;
		}
		Verdict verdict = this.configuration.getCommandExecutorTxRequired()
			.execute((context) -> verdict(context, working, taskId, written, removed));
		if (verdict != null) {
			logger.info("Refused user {} writing {} on task {} ({})", userId, verdict.names(), taskId,
					verdict.taskKey());
			throw new TaskRuleViolation(verdict.messageZh(), verdict.messageEn());
		}
	}

	private void checkStart(String userId, String definitionId, String definitionKey, Map<String, ?> written) {
		if (!notEmpty(written) || (definitionId == null && definitionKey == null)) {
			return;
		}
		Verdict verdict = this.configuration.getCommandExecutorTxRequired()
			.execute((context) -> startVerdict(context, definitionId, definitionKey, written));
		if (verdict != null) {
			logger.info("Refused user {} starting {} with {}", userId, verdict.taskKey(), verdict.names());
			throw new TaskRuleViolation(verdict.messageZh(), verdict.messageEn());
		}
	}

	/**
	 * Why a start refuses the variables, or {@code null} if the process's start form
	 * accepts them (or the process is unknown or not the user's to start: the command
	 * itself then answers).
	 */
	private static Verdict startVerdict(CommandContext context, String definitionId, String definitionKey,
			Map<String, ?> written) {
		ProcessDefinitionEntity definition;
		try {
			definition = (definitionId != null)
					? context.getProcessEngineConfiguration()
						.getDeploymentCache()
						.findDeployedProcessDefinitionById(definitionId)
					: context.getProcessEngineConfiguration()
						.getDeploymentCache()
						.findDeployedLatestProcessDefinitionByKey(definitionKey);
			for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
				checker.checkCreateProcessInstance(definition);
			}
		}
		catch (ProcessEngineException ex) {
			return null;
		}
		ActivityImpl start = definition.getInitial();
		TaskInputs inputs = (start != null) ? start.getProperties().get(TaskInputs.PROPERTY) : null;
		if (inputs == null) {
			inputs = new TaskInputs(Set.of(), Set.of(), Set.of());
		}
		List<String> foreign = inputs.foreign(written.keySet());
		if (foreign.isEmpty()) {
			return null;
		}
		String name = (start != null && start.getName() != null) ? start.getName()
				: (definition.getName() != null) ? definition.getName() : definition.getKey();
		return new Verdict(definition.getKey(), foreign, "「" + name + "」只接受发起表单中的内容，不能提交：" + String.join("、", foreign),
				"starting " + definition.getKey() + " does not accept the input(s) " + String.join(", ", foreign));
	}

	private record Verdict(String taskKey, List<String> names, String messageZh, String messageEn) {
	}

	/**
	 * Why the task refuses the write, or {@code null} if it accepts it (or the task is
	 * unknown or not the user's to work on: the command itself then answers).
	 */
	private static Verdict verdict(CommandContext context, boolean working, String taskId, Map<String, ?> written,
			Collection<String> removed) {
		TaskEntity task = context.getTaskManager().findTaskById(taskId);
		if (task == null || task.getProcessDefinitionId() == null) {
			return null;
		}
		// A task the user may not work on is refused by the command itself (403), without
		// telling the user what the task is or accepts.
		try {
			for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
				if (working) {
					checker.checkTaskWork(task);
				}
				else {
					checker.checkUpdateTaskVariable(task);
				}
			}
		}
		catch (AuthorizationException ex) {
			return null;
		}
		TaskInputs inputs = DeployedTasks.inputs(task);
		if (inputs == null) {
			inputs = new TaskInputs(Set.of(), Set.of(), Set.of());
		}
		String taskName = (task.getName() != null) ? task.getName() : task.getTaskDefinitionKey();
		List<String> names = new ArrayList<>();
		if (written != null) {
			names.addAll(written.keySet());
		}
		if (removed != null) {
			names.addAll(removed);
		}
		List<String> foreign = inputs.foreign(names);
		if (!foreign.isEmpty()) {
			return new Verdict(task.getTaskDefinitionKey(), foreign,
					"「" + taskName + "」只接受本任务表单中的内容，不能提交：" + String.join("、", foreign),
					"the task " + task.getTaskDefinitionKey() + " does not accept the input(s) "
							+ String.join(", ", foreign));
		}
		List<String> changed = new ArrayList<>();
		for (String name : names) {
			if (!inputs.readOnly().contains(name)) {
				continue;
			}
			boolean removing = removed != null && removed.contains(name);
			Object value = (written != null && written.containsKey(name)) ? value(written, name) : null;
			if (removing || !asShown(value).equals(asShown(task.getVariable(name)))) {
				changed.add(name);
			}
		}
		if (!changed.isEmpty()) {
			return new Verdict(task.getTaskDefinitionKey(), changed,
					"「" + taskName + "」中的只读内容不能修改：" + String.join("、", changed),
					"the read-only field(s) " + String.join(", ", changed) + " of the task "
							+ task.getTaskDefinitionKey() + " may not be changed");
		}
		Map<String, Object> sent = new LinkedHashMap<>();
		if (written != null) {
			written.keySet().forEach((name) -> sent.put(name, value(written, name)));
		}
		String[] violation = inputs.violation(sent, task::getVariable, working);
		if (violation != null) {
			return new Verdict(task.getTaskDefinitionKey(), List.copyOf(sent.keySet()), violation[0], violation[1]);
		}
		return null;
	}

	private static Object value(Map<String, ?> written, String name) {
		Object value = (written instanceof VariableMap map) ? map.getValueTyped(name) : written.get(name);
		return (value instanceof TypedValue typed) ? typed.getValue() : value;
	}

	private static TaskRuleViolation refused(String userId, Command<?> command, String messageZh, String messageEn) {
		logger.info("Refused user {} running {}", userId, command.getClass().getSimpleName());
		return new TaskRuleViolation(messageZh, messageEn);
	}

	@SuppressWarnings("unchecked")
	private static <T> T field(Object target, Class<?> declaringClass, String name) {
		try {
			Field field = declaringClass.getDeclaredField(name);
			field.setAccessible(true);
			return (T) field.get(target);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("Camunda changed " + declaringClass.getName() + "." + name, ex);
		}
	}

	/**
	 * A value as a read-only form field shows it: a field without a value shows, and
	 * sends back, an empty text.
	 */
	private static String asShown(Object value) {
		return (value == null) ? "" : String.valueOf(value);
	}

}
