package org.rectifyflow.taskrules;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.rectifyflow.audit.AuditEventRepository;
import org.rectifyflow.audit.AuditService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The four-eyes principle of an approval task ({@value TaskRules#FOUR_EYES},
 * {@value TaskRules#FOUR_EYES_VARIABLE}): who proposed the matter, the refusal of a
 * proposer who would claim, be handed or complete the task, and the redirection of a new
 * task that only proposers could work on to the next level of its process's approval
 * chain. Used by {@link TaskRuleEnforcer} inside the engine command.
 */
@Component
class FourEyes {

	static final String MESSAGE = "审批人不能是提出人本人（四眼原则）";

	/** More members than any group of the organisation has. */
	private static final int MAX_MEMBERS = 1000;

	private static final Logger logger = LoggerFactory.getLogger(FourEyes.class);

	private final AuditService audit;

	private final AuditEventRepository auditEvents;

	private final HistoryService historyService;

	private final IdentityService identityService;

	private final ApplicationEventPublisher events;

	FourEyes(AuditService audit, AuditEventRepository auditEvents, HistoryService historyService,
			IdentityService identityService, ApplicationEventPublisher events) {
		this.audit = audit;
		this.auditEvents = auditEvents;
		this.historyService = historyService;
		this.identityService = identityService;
		this.events = events;
	}

	/**
	 * Refuses the user if they proposed the matter the task decides.
	 * @param userId who would work on the task (claim, be handed it, complete it)
	 * @param task the task
	 * @param rules its rules, with four-eyes
	 */
	void check(String userId, DelegateTask task, UserTaskRules rules) {
		if (proposers(task, rules).contains(userId)) {
			logger.info("Four-eyes rule refused user {} on task {} ({})", userId, task.getId(),
					task.getTaskDefinitionKey());
			throw new TaskRuleViolation(MESSAGE,
					"user " + userId + " proposed this matter and may not approve it (four-eyes principle)");
		}
	}

	/**
	 * The users who may not work on the task: whoever completed one of the
	 * {@value TaskRules#FOUR_EYES} tasks, and the user named by
	 * {@value TaskRules#FOUR_EYES_VARIABLE}.
	 */
	Set<String> proposers(DelegateTask task, UserTaskRules rules) {
		Set<String> proposers = new LinkedHashSet<>();
		String variable = rules.fourEyesVariable();
		if (variable != null && task.getVariable(variable) != null) {
			proposers.add(String.valueOf(task.getVariable(variable)));
		}
		List<String> taskKeys = rules.fourEyesTasks();
		if (!taskKeys.isEmpty()) {
			// Unfiltered by the current user's history permissions: the rule must see
			// every
			// completer.
			// Unfinished ones too: a task completed in this very command (the one whose
			// completion creates this task) is not finished in history yet, but its
			// completion is already in the audit trail.
			List<HistoricTaskInstance> done = withoutAuthorization(
					() -> this.historyService.createHistoricTaskInstanceQuery()
						.processInstanceId(task.getProcessInstanceId())
						.taskDefinitionKeyIn(taskKeys.toArray(String[]::new))
						.list());
			for (HistoricTaskInstance historic : done) {
				var completions = this.auditEvents
					.findByItemTypeAndItemIdOrderByOccurredAtAscIdAsc(TaskRules.AUDIT_ITEM_TYPE, historic.getId())
					.stream()
					.filter((event) -> TaskRules.TASK_COMPLETED.equals(event.getAction()))
					.toList();
				if (historic.getEndTime() == null && completions.isEmpty()) {
					continue;
				}
				if (historic.getAssignee() != null) {
					proposers.add(historic.getAssignee());
				}
				// A task completed without being claimed has no assignee; the audit trail
				// knows who completed it.
				completions.stream()
					.filter((event) -> !AuditService.SYSTEM.equals(event.getActor()))
					.forEach((event) -> proposers.add(event.getActor()));
			}
		}
		return proposers;
	}

	/**
	 * Four-eyes without deadlock: when nobody but the proposers may work on a new task
	 * (its assignee proposed the matter, or every member of its candidate groups did),
	 * the task goes to the next group of its process's approval chain that has a member
	 * who did not, recorded as {@value TaskRules#TASK_REDIRECTED} and announced as
	 * {@link ApprovalRedirected}. Without a chain, or without such a group, the task
	 * stays where the process put it.
	 */
	void redirectIfOnlyProposersMay(DelegateTask task, UserTaskRules rules) {
		List<String> chain = approvalChain(task);
		if (chain.isEmpty()) {
			return;
		}
		Set<String> proposers = proposers(task, rules);
		if (proposers.isEmpty()) {
			return;
		}
		List<String> groups = new ArrayList<>();
		List<String> users = new ArrayList<>();
		for (IdentityLink link : task.getCandidates()) {
			if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
				groups.add(link.getGroupId());
			}
			else if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getUserId() != null) {
				users.add(link.getUserId());
			}
		}
		String assignee = task.getAssignee();
		if (assignee != null ? !proposers.contains(assignee) : anyoneBut(proposers, users, groups)) {
			return;
		}
		int next = 0;
		for (String group : groups) {
			next = Math.max(next, chain.indexOf(group) + 1);
		}
		String target = chain.subList(Math.min(next, chain.size()), chain.size())
			.stream()
			.filter((group) -> anyoneBut(proposers, List.of(), List.of(group)))
			.findFirst()
			.orElse(null);
		if (target == null) {
			logger.warn("Only the proposers {} may work on task {} ({}) and no later level of {} has anyone else",
					proposers, task.getId(), task.getTaskDefinitionKey(), chain);
			return;
		}
		if (assignee != null) {
			task.setAssignee(null);
		}
		removeCandidates((TaskEntity) task);
		task.addCandidateGroup(target);
		String before = (assignee != null) ? assignee : String.join(",", groups);
		this.audit.recordAs(this.audit.currentActor(), TaskRules.TASK_REDIRECTED, TaskRules.AUDIT_ITEM_TYPE,
				task.getId(), before, target,
				DeployedTasks.details(task) + ", proposers=" + String.join(",", proposers));
		this.events.publishEvent(new ApprovalRedirected(task.getId(), task.getName(), DeployedTasks.processKey(task),
				task.getProcessInstanceId(), DeployedTasks.businessKey(task), groups, assignee, target, proposers));
	}

	/**
	 * Removes a new task's candidate users and groups. The task's own list is changed:
	 * its links are not in the database yet, where the engine's delete methods look.
	 */
	private static void removeCandidates(TaskEntity task) {
		for (IdentityLinkEntity link : new ArrayList<>(task.getIdentityLinks())) {
			if (IdentityLinkType.CANDIDATE.equals(link.getType())) {
				task.getIdentityLinks().remove(link);
				link.delete();
			}
		}
	}

	/** Whether someone other than the proposers is one of the users or in the groups. */
	private boolean anyoneBut(Set<String> proposers, List<String> users, List<String> groups) {
		if (users.stream().anyMatch((user) -> !proposers.contains(user))) {
			return true;
		}
		for (String group : groups) {
			List<User> members = withoutAuthorization(
					() -> this.identityService.createUserQuery().memberOfGroup(group).listPage(0, MAX_MEMBERS));
			if (members.stream().anyMatch((member) -> !proposers.contains(member.getId()))) {
				return true;
			}
		}
		return false;
	}

	@SuppressWarnings("unchecked")
	private static List<String> approvalChain(DelegateTask task) {
		ProcessDefinitionEntity definition = DeployedTasks.definition(task);
		Object chain = (definition != null) ? definition.getProperty(TaskRulesParseListener.APPROVAL_CHAIN_PROPERTY)
				: null;
		return (chain instanceof List<?> list) ? (List<String>) list : List.of();
	}

	private static <T> T withoutAuthorization(Callable<T> action) {
		return Context.getCommandContext().runWithoutAuthorization(action);
	}

}
