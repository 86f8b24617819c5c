package org.rectifyflow.dashboard.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.rectifyflow.deadline.EscalationProcess;
import org.rectifyflow.engine.SystemAuthority;

import org.springframework.stereotype.Component;

/**
 * Who holds the work of an item: the open user tasks of its process instance, read from
 * the engine as the system (the viewer is checked by {@link SupervisionAccess}).
 */
@Component
class OpenTasks {

	/** Process instances asked for in one task query. */
	private static final int CHUNK = 500;

	private final TaskService taskService;

	private final RuntimeService runtimeService;

	private final IdentityService identityService;

	private final HistoryService historyService;

	private final SystemAuthority systemAuthority;

	OpenTasks(TaskService taskService, RuntimeService runtimeService, IdentityService identityService,
			HistoryService historyService, SystemAuthority systemAuthority) {
		this.historyService = historyService;
		this.taskService = taskService;
		this.runtimeService = runtimeService;
		this.identityService = identityService;
		this.systemAuthority = systemAuthority;
	}

	/**
	 * An open user task.
	 *
	 * @param id the task id
	 * @param processInstanceId its process instance
	 * @param name its name
	 * @param assignee who holds it, {@code null} if unclaimed
	 * @param candidateGroups the groups that may claim it
	 * @param due its due date, may be {@code null}
	 * @param created when it was created
	 */
	record OpenTask(String id, String processInstanceId, String name, String assignee, List<String> candidateGroups,
			Date due, Date created) {
	}

	/**
	 * @param processInstanceIds process instances
	 * @return their open user tasks, by process instance
	 */
	Map<String, List<OpenTask>> byProcessInstance(Collection<String> processInstanceIds) {
		List<String> ids = processInstanceIds.stream().filter(Objects::nonNull).distinct().toList();
		Map<String, List<OpenTask>> result = new LinkedHashMap<>();
		this.systemAuthority.run(() -> {
			for (int from = 0; from < ids.size(); from += CHUNK) {
				String[] chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK)).toArray(String[]::new);
				for (Task task : this.taskService.createTaskQuery().processInstanceIdIn(chunk).list()) {
					result.computeIfAbsent(task.getProcessInstanceId(), (k) -> new ArrayList<>()).add(open(task));
				}
			}
		});
		return result;
	}

	/**
	 * @return the open 督办 tasks ({@code Task_Supervise} of the escalation process)
	 */
	List<Task> supervisions() {
		return this.systemAuthority.call(() -> this.taskService.createTaskQuery()
			.processDefinitionKey(EscalationProcess.KEY)
			.taskDefinitionKey(EscalationProcess.TASK_SUPERVISE)
			.list());
	}

	/**
	 * @param processInstanceIds process instances started by call activities
	 * @return the process definition key of each one's caller, by instance id
	 */
	Map<String, String> callerKeys(Collection<String> processInstanceIds) {
		Set<String> ids = new HashSet<>(processInstanceIds);
		if (ids.isEmpty()) {
			return Map.of();
		}
		return this.systemAuthority.call(() -> {
			Map<String, String> callers = new HashMap<>();
			this.historyService.createHistoricProcessInstanceQuery()
				.processInstanceIds(ids)
				.list()
				.stream()
				.filter((p) -> p.getSuperProcessInstanceId() != null)
				.forEach((p) -> callers.put(p.getId(), p.getSuperProcessInstanceId()));
			if (callers.isEmpty()) {
				return Map.of();
			}
			Map<String, String> keys = this.historyService.createHistoricProcessInstanceQuery()
				.processInstanceIds(new HashSet<>(callers.values()))
				.list()
				.stream()
				.collect(Collectors.toMap(HistoricProcessInstance::getId,
						HistoricProcessInstance::getProcessDefinitionKey));
			Map<String, String> result = new HashMap<>();
			callers.forEach((id, caller) -> {
				if (keys.containsKey(caller)) {
					result.put(id, keys.get(caller));
				}
			});
			return result;
		});
	}

	/**
	 * @param processInstanceIds running process instances
	 * @return their business keys
	 */
	Map<String, String> businessKeys(Collection<String> processInstanceIds) {
		Set<String> ids = new HashSet<>(processInstanceIds);
		if (ids.isEmpty()) {
			return Map.of();
		}
		return this.systemAuthority.call(() -> this.runtimeService.createProcessInstanceQuery()
			.processInstanceIds(ids)
			.list()
			.stream()
			.filter((p) -> p.getBusinessKey() != null)
			.collect(Collectors.toMap(ProcessInstance::getId, ProcessInstance::getBusinessKey)));
	}

	/**
	 * @param groupIds group ids
	 * @return their names, by id
	 */
	Map<String, String> groupNames(Collection<String> groupIds) {
		Set<String> ids = new HashSet<>(groupIds);
		if (ids.isEmpty()) {
			return Map.of();
		}
		return this.systemAuthority.call(() -> this.identityService.createGroupQuery()
			.groupIdIn(ids.toArray(String[]::new))
			.list()
			.stream()
			.filter((g) -> g.getName() != null)
			.collect(Collectors.toMap(Group::getId, Group::getName)));
	}

	private OpenTask open(Task task) {
		List<String> groups = this.taskService.getIdentityLinksForTask(task.getId())
			.stream()
			.filter((l) -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
			.map(IdentityLink::getGroupId)
			.sorted()
			.toList();
		return new OpenTask(task.getId(), task.getProcessInstanceId(), task.getName(), task.getAssignee(), groups,
				task.getDueDate(), task.getCreateTime());
	}

}
