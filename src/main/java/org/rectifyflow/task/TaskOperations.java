package org.rectifyflow.task;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstanceModificationBuilder;
import org.camunda.bpm.engine.task.DelegationState;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.rectifyflow.audit.AuditService;
import org.rectifyflow.calendar.WorkingDayCalendar;
import org.rectifyflow.engine.SystemAuthority;
import org.rectifyflow.notification.Notifier;
import org.rectifyflow.identity.Membership;
import org.rectifyflow.identity.Roles;
import org.rectifyflow.kernel.Refusal;
import org.rectifyflow.organisation.Unit;
import org.rectifyflow.taskrules.ProcessOperations;
import org.rectifyflow.taskrules.TaskOperationRules;
import org.rectifyflow.taskrules.TaskOperationRules.Operation;
import org.rectifyflow.pages.ItemLinks;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The operations Chinese approval users expect on any user task: 转办 transfer, 委派 delegate
 * and resolve, 退回 return to the previous step, 撤回 withdraw a completed step, 抄送 copy, 催办
 * urge. Each process declares in its BPMN which of them apply to each user task, to whom,
 * and where 退回 goes ({@link TaskOperationRules}); an operation the task does not declare
 * is refused. 退回 and 撤回 move the process's domain record back through its
 * {@link ProcessOperations} in the same transaction as the engine. Each checks who may
 * act, changes the engine through {@link SystemAuthority} after that check, writes an
 * audit event and notifies the people concerned.
 */
@Service
@Transactional
public class TaskOperations {

	static final String TASKLIST_LINK = "/camunda/app/tasklist/default/#/?task=";

	private final TaskService taskService;

	private final RuntimeService runtimeService;

	private final HistoryService historyService;

	private final RepositoryService repositoryService;

	private final IdentityService identityService;

	private final SystemAuthority system;

	private final AuditService audit;

	private final Notifier notifier;

	private final WorkingDayCalendar calendar;

	private final TaskCcRepository copies;

	private final TaskUrgeRepository urges;

	private final TaskOperationsProperties properties;

	private final Membership membership;

	private final ObjectProvider<ProcessOperations> processOperations;

	private final Clock clock = Clock.systemDefaultZone();

	TaskOperations(TaskService taskService, RuntimeService runtimeService, HistoryService historyService,
			RepositoryService repositoryService, IdentityService identityService, SystemAuthority system,
			AuditService audit, Notifier notifier, WorkingDayCalendar calendar, TaskCcRepository copies,
			TaskUrgeRepository urges, TaskOperationsProperties properties, Membership membership,
			ObjectProvider<ProcessOperations> processOperations) {
		this.membership = membership;
		this.processOperations = processOperations;
		this.taskService = taskService;
		this.runtimeService = runtimeService;
		this.historyService = historyService;
		this.repositoryService = repositoryService;
		this.identityService = identityService;
		this.system = system;
		this.audit = audit;
		this.notifier = notifier;
		this.calendar = calendar;
		this.copies = copies;
		this.urges = urges;
		this.properties = properties;
	}

	/**
	 * 转办: hands the task to another user, who becomes its assignee.
	 * @param taskId the task
	 * @param userId the acting user
	 * @param targetUserId the new assignee
	 * @param reason why (required)
	 * @return the task after the transfer
	 */
	public TaskView transfer(String taskId, String userId, String targetUserId, String reason) {
		requireText(reason, "转办原因", "reason");
		Task task = activeTask(taskId);
		if (!holds(task, userId) && !mayClaim(task, userId) && !supervises(task, userId)) {
			throw forbidden("您不能转办此任务：只有办理人、可认领该任务的人员或督办人员可以转办。",
					"Only the assignee, a candidate or a supervisor may transfer the task");
		}
		TaskOperationRules rules = declared(task, Operation.TRANSFER);
		requireUser(targetUserId);
		requireTarget(task, rules, userId, targetUserId, Operation.TRANSFER);
		if (targetUserId.equals(task.getAssignee())) {
			throw Refusal.conflict("该任务已由此人办理，无需转办。", "The task is already assigned to that user");
		}
		String before = task.getAssignee();
		this.system.run(() -> this.taskService.setAssignee(taskId, targetUserId));
		this.audit.record("TASK_TRANSFERRED", "task", taskId, before, targetUserId, reason);
		this.notifier.notifyUser(targetUserId, userName(userId) + " 将任务「" + task.getName() + "」转办给您：" + reason,
				TASKLIST_LINK + taskId);
		return view(activeTask(taskId));
	}

	/**
	 * 委派: asks another user to work on the task; the task comes back to the acting user
	 * when the delegate resolves it.
	 * @param taskId the task
	 * @param userId the acting user, who must hold the task
	 * @param delegateUserId the delegate
	 * @param note what to do (optional)
	 * @return the delegated task
	 */
	public TaskView delegate(String taskId, String userId, String delegateUserId, String note) {
		Task task = activeTask(taskId);
		if (!holds(task, userId)) {
			throw forbidden("只有任务的办理人可以委派。请先认领该任务。", "Only the assignee may delegate the task");
		}
		TaskOperationRules rules = declared(task, Operation.DELEGATE);
		if (task.getDelegationState() == DelegationState.PENDING) {
			throw Refusal.conflict("该任务正在委派中，不能再次委派。", "The task is already delegated");
		}
		requireUser(delegateUserId);
		if (delegateUserId.equals(userId)) {
			throw Refusal.invalid("不能委派给自己。", "Cannot delegate to yourself");
		}
		requireTarget(task, rules, userId, delegateUserId, Operation.DELEGATE);
		this.system.run(() -> this.taskService.delegateTask(taskId, delegateUserId));
		this.audit.record("TASK_DELEGATED", "task", taskId, userId, delegateUserId, note);
		this.notifier.notifyUser(delegateUserId, userName(userId) + " 委派您协助办理「" + task.getName() + "」"
				+ ((note != null && !note.isBlank()) ? "：" + note : ""), TASKLIST_LINK + taskId);
		return view(activeTask(taskId));
	}

	/**
	 * Gives a delegated task back to its owner.
	 * @param taskId the task
	 * @param userId the delegate
	 * @param note the result (optional)
	 * @return the task, assigned to its owner again
	 */
	public TaskView resolve(String taskId, String userId, String note) {
		Task task = activeTask(taskId);
		if (task.getDelegationState() != DelegationState.PENDING || !userId.equals(task.getAssignee())) {
			throw Refusal.conflict("该任务不是委派给您的待办任务。", "The task is not delegated to you");
		}
		this.system.run(() -> this.taskService.resolveTask(taskId));
		this.audit.record("TASK_RESOLVED", "task", taskId, userId, task.getOwner(), note);
		this.notifier.notifyUser(task.getOwner(), userName(userId) + " 已完成委派的「" + task.getName() + "」"
				+ ((note != null && !note.isBlank()) ? "：" + note : ""), TASKLIST_LINK + taskId);
		return view(activeTask(taskId));
	}

	/**
	 * 退回: sends the process back to the user task the task declares
	 * ({@code rf:returnTo}), with an opinion; the domain record goes back with it.
	 * @param taskId the task to return
	 * @param userId the acting user, who holds or may claim the task
	 * @param opinion why (required)
	 * @return the recreated previous task
	 */
	public TaskView returnToPrevious(String taskId, String userId, String opinion) {
		requireText(opinion, "退回意见", "opinion");
		Task task = activeTask(taskId);
		if (!holds(task, userId) && !mayClaim(task, userId)) {
			throw forbidden("只有办理人或可认领该任务的人员可以退回。", "Only the assignee or a candidate may return the task");
		}
		TaskOperationRules rules = declared(task, Operation.RETURN);
		HistoricActivityInstance previous = this.system.call(() -> previousUserTask(task, rules.returnTo()));
		if (previous == null) {
			throw Refusal.conflict("流程尚未经过要退回的环节，无法退回。",
					"The process has not passed " + rules.returnTo() + " yet; nothing to return to");
		}
		String ancestor = parentActivityInstance(task);
		moveDomainBack(task.getProcessDefinitionId(), task.getProcessInstanceId(), List.of(task),
				previous.getActivityId());
		modify(task.getProcessInstanceId(), previous.getActivityId(), ancestor, List.of(task));
		this.system.run(() -> this.taskService.createComment(null, task.getProcessInstanceId(),
				"退回「" + task.getName() + "」：" + opinion));
		this.audit.record("TASK_RETURNED", "task", taskId, task.getTaskDefinitionKey(), previous.getActivityId(),
				opinion);
		Task recreated = newestTask(task.getProcessInstanceId(), previous.getActivityId());
		String previousAssignee = previousAssignee(task.getProcessInstanceId(), previous.getActivityId());
		if (previousAssignee != null) {
			this.notifier.notifyUser(previousAssignee,
					"「" + task.getName() + "」将您办理的「" + previous.getActivityName() + "」退回：" + opinion,
					TASKLIST_LINK + recreated.getId());
		}
		return view(recreated);
	}

	/**
	 * 撤回: takes back a step the user completed, while none of the tasks it created has
	 * been acted on (claimed, transferred or delegated; a task the process assigned by
	 * itself does not count as acted on). The domain record goes back with it.
	 * @param completedTaskId the completed task (from history)
	 * @param userId the user who completed it
	 * @return the recreated task
	 */
	public TaskView withdraw(String completedTaskId, String userId) {
		HistoricTaskInstance done = this.system
			.call(() -> this.historyService.createHistoricTaskInstanceQuery().taskId(completedTaskId).singleResult());
		if (done == null) {
			throw Refusal.notFound("未找到该任务。", "No such task");
		}
		if (done.getEndTime() == null || !"completed".equals(done.getDeleteReason())) {
			throw Refusal.conflict("该任务尚未办结，无需撤回。", "The task has not been completed");
		}
		if (!userId.equals(done.getAssignee())) {
			throw forbidden("只能撤回本人办结的任务。", "Only the user who completed the task may withdraw it");
		}
		declared(done.getProcessDefinitionId(), done.getTaskDefinitionKey(), done.getName(), Operation.WITHDRAW);
		List<Task> next = nextTasks(done);
		if (next.isEmpty()) {
			throw Refusal.conflict("流程已经继续，无法撤回。", "The process has moved on; nothing to withdraw");
		}
		if (loopsBack(done, next)) {
			throw Refusal.conflict("流程已回到「" + done.getName() + "」，本环节已登记的办理结果无需撤回。",
					"The process is back at " + done.getTaskDefinitionKey() + "; nothing to withdraw");
		}
		if (next.stream().anyMatch(this::actedOn)) {
			throw Refusal.conflict("下一环节已被认领办理，无法撤回。", "The next task has already been acted on");
		}
		String ancestor = parentActivityInstance(next.get(0));
		moveDomainBack(done.getProcessDefinitionId(), done.getProcessInstanceId(), next, done.getTaskDefinitionKey());
		modify(done.getProcessInstanceId(), done.getTaskDefinitionKey(), ancestor, next);
		this.audit.record("TASK_WITHDRAWN", "task", completedTaskId,
				next.stream().map(Task::getTaskDefinitionKey).toList().toString(), done.getTaskDefinitionKey(), null);
		Task recreated = newestTask(done.getProcessInstanceId(), done.getTaskDefinitionKey());
		this.system.run(() -> this.taskService.setAssignee(recreated.getId(), userId));
		return view(activeTask(recreated.getId()));
	}

	/**
	 * 抄送: copies the task's information to users who read it without acting.
	 * @param taskId the task
	 * @param userId the acting user
	 * @param recipients the users to copy (not the acting user)
	 * @param note a note (optional)
	 * @return the number of copies made
	 */
	public int copy(String taskId, String userId, List<String> recipients, String note) {
		if (recipients == null || recipients.isEmpty()) {
			throw Refusal.invalid("请选择抄送对象。", "Recipients are required");
		}
		if (recipients.size() > 50) {
			throw Refusal.invalid("一次最多抄送 50 人。", "At most 50 recipients");
		}
		if (note != null && note.length() > 1000) {
			throw Refusal.invalid("抄送说明不能超过 1000 个字。", "Note too long");
		}
		Task task = activeTask(taskId);
		if (!holds(task, userId) && !mayClaim(task, userId) && !supervises(task, userId)) {
			throw forbidden("您不能抄送此任务。", "You may not copy this task");
		}
		declared(task, Operation.CC);
		Set<String> targets = new LinkedHashSet<>(recipients);
		targets.remove(userId);
		targets.forEach(this::requireUser);
		String businessKey = businessKey(task);
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		for (String target : targets) {
			TaskCc cc = this.copies.save(new TaskCc(taskId, task.getProcessInstanceId(), businessKey, task.getName(),
					userId, target, note, now));
			this.audit.record("TASK_COPIED", "task", taskId, null, target, note);
			this.notifier.notifyUser(target,
					userName(userId) + " 抄送给您：「" + task.getName() + "」"
							+ ((businessKey != null) ? "（" + businessKey + "）" : ""),
					ItemLinks.process(task.getProcessInstanceId()));
		}
		return targets.size();
	}

	/**
	 * The copies sent to the user, newest first.
	 * @param userId the user
	 * @param unreadOnly only unread copies
	 * @param page zero-based page
	 * @param size page size (at most 100)
	 * @return the copies
	 */
	@Transactional(readOnly = true)
	public List<CcView> copiesFor(String userId, boolean unreadOnly, int page, int size) {
		var pageable = org.rectifyflow.kernel.Paging.of(Math.max(page, 0), Math.min(Math.max(size, 1), 100),
				org.springframework.data.domain.Sort.unsorted());
		var result = unreadOnly ? this.copies.findByToUserAndReadAtIsNullOrderByCreatedAtDescIdDesc(userId, pageable)
				: this.copies.findByToUserOrderByCreatedAtDescIdDesc(userId, pageable);
		return result.map(CcView::of).getContent();
	}

	/**
	 * Marks a copy as read.
	 * @param id the copy
	 * @param userId its recipient
	 * @return the copy
	 */
	public CcView markCopyRead(Long id, String userId) {
		TaskCc cc = this.copies.findByIdAndToUser(id, userId)
			.orElseThrow(() -> Refusal.notFound("未找到该抄送。", "No such copy"));
		cc.markRead(OffsetDateTime.now(this.clock));
		return CcView.of(cc);
	}

	/**
	 * 催办: a supervisor reminds whoever holds (or may claim) the task; at most once per
	 * task and working day.
	 * @param taskId the task
	 * @param userId the supervisor
	 * @param message the reminder text (optional)
	 * @return the working day the reminder counts for
	 */
	public LocalDate urge(String taskId, String userId, String message) {
		if (message != null && message.length() > 1000) {
			throw Refusal.invalid("催办内容不能超过 1000 个字。", "Message too long");
		}
		Task task = activeTask(taskId);
		if (!supervises(task, userId)) {
			throw forbidden("只有督办人员可以催办本流程的任务。", "Only supervisors may urge tasks of this process");
		}
		declared(task, Operation.URGE);
		LocalDate today = ClockUtil.getCurrentTime().toInstant().atZone(this.calendar.zone()).toLocalDate();
		LocalDate workingDay = this.calendar.isWorkingDay(today) ? today : this.calendar.plusWorkingDays(today, 0);
		if (this.urges.existsByTaskIdAndUrgedOn(taskId, workingDay)) {
			throw Refusal.conflict("该任务本工作日已催办过，请勿重复催办。", "The task was already urged on this working day");
		}
		try {
			this.urges.saveAndFlush(new TaskUrge(taskId, userId, workingDay, message, OffsetDateTime.now(this.clock)));
		}
		catch (DataIntegrityViolationException ex) {
			throw Refusal.conflict("该任务本工作日已催办过，请勿重复催办。", "The task was already urged on this working day");
		}
		this.audit.record("TASK_URGED", "task", taskId, null, workingDay.toString(), message);
		String text = "督办催办：请尽快办理「" + task.getName() + "」"
				+ ((message != null && !message.isBlank()) ? "。" + message : "");
		for (String recipient : responsibleUsers(task)) {
			this.notifier.notifyUser(recipient, text, TASKLIST_LINK + taskId);
		}
		for (String group : candidateGroups(task)) {
			if (task.getAssignee() == null) {
				this.notifier.notifyGroup(group, text, TASKLIST_LINK + taskId);
			}
		}
		return workingDay;
	}

	/**
	 * What the user may do on the task right now: the operations the task declares and
	 * the user may perform in its current state, with the users it may go to. On a task
	 * the user completed, the answer is whether it may still be withdrawn.
	 * @param taskId an open task, or a task the user completed
	 * @param userId the user asking
	 * @return the operations available, with their targets
	 */
	@Transactional(readOnly = true)
	public AvailableOperations available(String taskId, String userId) {
		Task task = this.system.call(() -> this.taskService.createTaskQuery().taskId(taskId).singleResult());
		if (task == null) {
			return availableOnCompleted(taskId, userId);
		}
		TaskOperationRules rules = rules(task.getProcessDefinitionId(), task.getTaskDefinitionKey());
		boolean holds = holds(task, userId);
		boolean mayClaim = mayClaim(task, userId);
		boolean supervises = supervises(task, userId);
		List<OperationView> operations = new ArrayList<>();
		if (rules.allows(Operation.TRANSFER) && (holds || mayClaim || supervises)) {
			offerTo(operations, Operation.TRANSFER, targets(task, rules, userId, Operation.TRANSFER));
		}
		if (rules.allows(Operation.DELEGATE) && holds && task.getDelegationState() != DelegationState.PENDING) {
			offerTo(operations, Operation.DELEGATE, targets(task, rules, userId, Operation.DELEGATE));
		}
		if (rules.allows(Operation.RETURN) && (holds || mayClaim)) {
			HistoricActivityInstance previous = this.system.call(() -> previousUserTask(task, rules.returnTo()));
			if (previous != null) {
				operations.add(new OperationView(Operation.RETURN, List.of(),
						new Step(previous.getActivityId(), previous.getActivityName())));
			}
		}
		if (rules.allows(Operation.CC) && (holds || mayClaim || supervises)) {
			operations.add(new OperationView(Operation.CC, List.of(), null));
		}
		if (rules.allows(Operation.URGE) && supervises) {
			operations.add(new OperationView(Operation.URGE, List.of(), null));
		}
		return new AvailableOperations(task.getId(), task.getName(), task.getTaskDefinitionKey(), true, operations);
	}

	// A button without anybody to choose is no use: offered only with targets.
	private static void offerTo(List<OperationView> operations, Operation operation, List<UserRef> targets) {
		if (!targets.isEmpty()) {
			operations.add(new OperationView(operation, targets, null));
		}
	}

	private AvailableOperations availableOnCompleted(String taskId, String userId) {
		HistoricTaskInstance done = this.system
			.call(() -> this.historyService.createHistoricTaskInstanceQuery().taskId(taskId).singleResult());
		if (done == null || !userId.equals(done.getAssignee())) {
			throw Refusal.notFound("未找到该任务，或已被处理。", "No such task");
		}
		List<OperationView> operations = new ArrayList<>();
		if (rules(done.getProcessDefinitionId(), done.getTaskDefinitionKey()).allows(Operation.WITHDRAW)
				&& "completed".equals(done.getDeleteReason())) {
			List<Task> next = nextTasks(done);
			if (!next.isEmpty() && !loopsBack(done, next) && next.stream().noneMatch(this::actedOn)) {
				operations.add(new OperationView(Operation.WITHDRAW, List.of(), null));
			}
		}
		return new AvailableOperations(done.getId(), done.getName(), done.getTaskDefinitionKey(), false, operations);
	}

	private static boolean loopsBack(HistoricTaskInstance done, List<Task> next) {
		return next.stream().anyMatch((t) -> t.getTaskDefinitionKey().equals(done.getTaskDefinitionKey()));
	}

	private List<Task> nextTasks(HistoricTaskInstance done) {
		return this.system.call(() -> this.taskService.createTaskQuery()
			.processInstanceId(done.getProcessInstanceId())
			.taskCreatedAfter(new Date(done.getEndTime().getTime() - 1))
			.list());
	}

	private TaskOperationRules declared(Task task, Operation operation) {
		return declared(task.getProcessDefinitionId(), task.getTaskDefinitionKey(), task.getName(), operation);
	}

	private TaskOperationRules declared(String processDefinitionId, String taskKey, String taskName,
			Operation operation) {
		TaskOperationRules rules = rules(processDefinitionId, taskKey);
		if (!rules.allows(operation)) {
			throw Refusal.conflict("「" + taskName + "」环节不能" + operation.label() + "。",
					"Task " + taskKey + " does not allow " + operation.id());
		}
		return rules;
	}

	private TaskOperationRules rules(String processDefinitionId, String taskKey) {
		return this.system.call(() -> TaskOperationRules.of(this.repositoryService, processDefinitionId, taskKey));
	}

	private void requireTarget(Task task, TaskOperationRules rules, String userId, String targetUserId,
			Operation operation) {
		if (targets(task, rules, userId, operation).stream().noneMatch((t) -> t.id().equals(targetUserId))) {
			throw Refusal.forbidden(
					"不能" + operation.label() + "给「" + userName(targetUserId) + "」：只能" + operation.label()
							+ "给本环节的办理范围内的人员。",
					"User " + targetUserId + " is not an allowed target of " + operation.id());
		}
	}

	/**
	 * The users the task may be transferred or delegated to, as its process declares: not
	 * the acting user nor the current assignee.
	 */
	private List<UserRef> targets(Task task, TaskOperationRules rules, String userId, Operation operation) {
		Set<String> groups = new LinkedHashSet<>();
		Set<String> users = new LinkedHashSet<>();
		List<IdentityLink> links = this.system.call(() -> this.taskService.getIdentityLinksForTask(task.getId()))
			.stream()
			.filter((link) -> IdentityLinkType.CANDIDATE.equals(link.getType()))
			.toList();
		List<String> candidateGroups = links.stream().map(IdentityLink::getGroupId).filter((g) -> g != null).toList();
		String holder = (task.getOwner() != null) ? task.getOwner() : task.getAssignee();
		switch (rules.transferTo()) {
			case CANDIDATES -> {
				groups.addAll(candidateGroups);
				links.stream().map(IdentityLink::getUserId).filter((u) -> u != null).forEach(users::add);
			}
			case UNIT -> {
				candidateGroups.stream().filter(TaskOperations::isUnitGroup).forEach(groups::add);
				if (holder != null) {
					this.membership.of(holder)
						.groups()
						.stream()
						.filter(TaskOperations::isUnitGroup)
						.forEach(groups::add);
				}
			}
			case OWNER_GROUP -> {
				groups.addAll(candidateGroups);
				if (groups.isEmpty() && holder != null) {
					this.membership.of(holder)
						.groups()
						.stream()
						.filter((g) -> !g.startsWith(Unit.GROUP_PREFIX))
						.forEach(groups::add);
				}
			}
		}
		for (String group : groups) {
			this.system.call(() -> this.identityService.createUserQuery().memberOfGroup(group).list())
				.forEach((user) -> users.add(user.getId()));
		}
		users.remove(userId);
		users.remove(task.getAssignee());
		users.removeAll(fourEyesExcluded(task, rules));
		if (operation == Operation.DELEGATE && task.getOwner() != null) {
			users.remove(task.getOwner());
		}
		return users.stream().sorted().map((id) -> new UserRef(id, userName(id))).toList();
	}

	// "unit-leaders" shares the prefix of the units' groups but is a role across units.
	private static boolean isUnitGroup(String group) {
		return group.startsWith(Unit.GROUP_PREFIX) && !Roles.UNIT_LEADERS.equals(group);
	}

	/** The users the four-eyes rule keeps off the task: no operation hands it to them. */
	private Set<String> fourEyesExcluded(Task task, TaskOperationRules rules) {
		Set<String> excluded = new LinkedHashSet<>();
		if (rules.fourEyesVariable() != null) {
			Object proposer = this.system
				.call(() -> this.runtimeService.getVariable(task.getExecutionId(), rules.fourEyesVariable()));
			if (proposer != null) {
				excluded.add(String.valueOf(proposer));
			}
		}
		if (!rules.fourEyesTasks().isEmpty()) {
			this.system
				.call(() -> this.historyService.createHistoricTaskInstanceQuery()
					.processInstanceId(task.getProcessInstanceId())
					.taskDefinitionKeyIn(rules.fourEyesTasks().toArray(String[]::new))
					.finished()
					.list())
				.stream()
				.map(HistoricTaskInstance::getAssignee)
				.filter((a) -> a != null)
				.forEach(excluded::add);
		}
		return excluded;
	}

	/**
	 * Whether someone has done something on the task: claimed it, had it transferred or
	 * delegated. The assignment the process makes when it creates the task does not
	 * count.
	 */
	private boolean actedOn(Task task) {
		if (task.getDelegationState() != null) {
			return true;
		}
		boolean automatic = rules(task.getProcessDefinitionId(), task.getTaskDefinitionKey()).assignedAutomatically();
		long assignments = this.system.call(() -> this.historyService.createHistoricIdentityLinkLogQuery()
			.taskId(task.getId())
			.type(IdentityLinkType.ASSIGNEE)
			.operationType("add")
			.count());
		return assignments > (automatic ? 1 : 0);
	}

	private void moveDomainBack(String processDefinitionId, String processInstanceId, List<Task> from,
			String toTaskKey) {
		String key = this.system.call(() -> this.repositoryService.getProcessDefinition(processDefinitionId).getKey());
		String businessKey = this.system.call(() -> this.runtimeService.createProcessInstanceQuery()
			.processInstanceId(processInstanceId)
			.singleResult()
			.getBusinessKey());
		List<String> fromKeys = from.stream().map(Task::getTaskDefinitionKey).toList();
		this.processOperations.orderedStream()
			.filter((operations) -> operations.processKey().equals(key))
			.forEach((operations) -> operations.movedBack(businessKey, fromKeys, toTaskKey));
	}

	private void modify(String processInstanceId, String startActivityId, String ancestorActivityInstanceId,
			List<Task> cancel) {
		try {
			this.system.run(() -> {
				ActivityInstance tree = this.runtimeService.getActivityInstance(processInstanceId);
				ProcessInstanceModificationBuilder modification = this.runtimeService
					.createProcessInstanceModification(processInstanceId)
					.startBeforeActivity(startActivityId, ancestorActivityInstanceId);
				for (Task task : cancel) {
					for (String instanceId : activityInstancesOf(tree, task)) {
						modification = modification.cancelActivityInstance(instanceId);
					}
				}
				modification.execute(false, false);
			});
		}
		catch (org.camunda.bpm.engine.ProcessEngineException ex) {
			throw Refusal.conflict("该环节无法退回或撤回（不在同一办理范围内）。", "Cannot move the process back: " + ex.getMessage());
		}
	}

	private static List<String> activityInstancesOf(ActivityInstance tree, Task task) {
		List<String> found = new ArrayList<>();
		collect(tree, task, found);
		return found;
	}

	private static void collect(ActivityInstance node, Task task, List<String> found) {
		if (task.getTaskDefinitionKey().equals(node.getActivityId())
				&& List.of(node.getExecutionIds()).contains(task.getExecutionId())) {
			found.add(node.getId());
		}
		for (ActivityInstance child : node.getChildActivityInstances()) {
			collect(child, task, found);
		}
	}

	private String parentActivityInstance(Task task) {
		return this.system.call(() -> {
			ActivityInstance tree = this.runtimeService.getActivityInstance(task.getProcessInstanceId());
			return parentOf(tree, task);
		});
	}

	private static String parentOf(ActivityInstance node, Task task) {
		for (ActivityInstance child : node.getChildActivityInstances()) {
			if (task.getTaskDefinitionKey().equals(child.getActivityId())
					&& List.of(child.getExecutionIds()).contains(task.getExecutionId())) {
				return node.getId();
			}
			String nested = parentOf(child, task);
			if (nested != null) {
				return nested;
			}
		}
		return null;
	}

	private HistoricActivityInstance previousUserTask(Task task, String returnTo) {
		return this.historyService.createHistoricActivityInstanceQuery()
			.processInstanceId(task.getProcessInstanceId())
			.activityId(returnTo)
			.finished()
			.list()
			.stream()
			.filter((a) -> !a.getEndTime().after(task.getCreateTime()))
			.filter((a) -> !a.isCanceled())
			.max(Comparator.comparing(HistoricActivityInstance::getEndTime)
				.thenComparing(HistoricActivityInstance::getStartTime))
			.orElse(null);
	}

	private String previousAssignee(String processInstanceId, String activityId) {
		return this.system.call(() -> this.historyService.createHistoricTaskInstanceQuery()
			.processInstanceId(processInstanceId)
			.taskDefinitionKey(activityId)
			.finished()
			.orderByHistoricTaskInstanceEndTime()
			.desc()
			.list()
			.stream()
			.map(HistoricTaskInstance::getAssignee)
			.filter((a) -> a != null)
			.findFirst()
			.orElse(null));
	}

	private Task newestTask(String processInstanceId, String taskDefinitionKey) {
		return this.system.call(() -> this.taskService.createTaskQuery()
			.processInstanceId(processInstanceId)
			.taskDefinitionKey(taskDefinitionKey)
			.orderByTaskCreateTime()
			.desc()
			.list()
			.get(0));
	}

	private Task activeTask(String taskId) {
		Task task = this.system.call(() -> this.taskService.createTaskQuery().taskId(taskId).singleResult());
		if (task == null) {
			throw Refusal.notFound("未找到该任务，或已被处理。", "No such open task");
		}
		return task;
	}

	private boolean holds(Task task, String userId) {
		return userId.equals(task.getAssignee());
	}

	private boolean mayClaim(Task task, String userId) {
		if (task.getAssignee() != null) {
			return false;
		}
		List<String> groups = groupsOf(userId);
		return this.system.call(() -> this.taskService.getIdentityLinksForTask(task.getId()))
			.stream()
			.filter((link) -> IdentityLinkType.CANDIDATE.equals(link.getType()))
			.anyMatch((link) -> userId.equals(link.getUserId()) || groups.contains(link.getGroupId()));
	}

	private boolean supervises(Task task, String userId) {
		return this.properties.covers(groupsOf(userId), processKey(task));
	}

	private List<String> candidateGroups(Task task) {
		return this.system.call(() -> this.taskService.getIdentityLinksForTask(task.getId()))
			.stream()
			.filter((link) -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
			.map(IdentityLink::getGroupId)
			.toList();
	}

	private List<String> responsibleUsers(Task task) {
		if (task.getAssignee() != null) {
			return List.of(task.getAssignee());
		}
		return this.system.call(() -> this.taskService.getIdentityLinksForTask(task.getId()))
			.stream()
			.filter((link) -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getUserId() != null)
			.map(IdentityLink::getUserId)
			.toList();
	}

	private String processKey(Task task) {
		if (task.getProcessDefinitionId() == null) {
			return "";
		}
		return this.system
			.call(() -> this.repositoryService.getProcessDefinition(task.getProcessDefinitionId()).getKey());
	}

	private String businessKey(Task task) {
		if (task.getProcessInstanceId() == null) {
			return null;
		}
		return this.system.call(() -> this.runtimeService.createProcessInstanceQuery()
			.processInstanceId(task.getProcessInstanceId())
			.singleResult()
			.getBusinessKey());
	}

	private List<String> groupsOf(String userId) {
		return this.system.call(() -> this.identityService.createGroupQuery()
			.groupMember(userId)
			.list()
			.stream()
			.map(Group::getId)
			.toList());
	}

	private void requireUser(String userId) {
		if (userId == null || userId.isBlank() || this.identityService.createUserQuery().userId(userId).count() == 0) {
			throw Refusal.invalid("用户「" + userId + "」不存在。", "No such user: " + userId);
		}
	}

	private String userName(String userId) {
		var user = this.identityService.createUserQuery().userId(userId).singleResult();
		return (user != null && user.getFirstName() != null) ? user.getFirstName() : userId;
	}

	private static void requireText(String value, String labelZh, String field) {
		if (value == null || value.isBlank()) {
			throw Refusal.invalid("请填写" + labelZh + "。", "'" + field + "' is required");
		}
		if (value.length() > 2000) {
			throw Refusal.invalid(labelZh + "不能超过 2000 个字。", "'" + field + "' is too long");
		}
	}

	private static Refusal forbidden(String zh, String en) {
		return Refusal.forbidden(zh, en);
	}

	private TaskView view(Task task) {
		return new TaskView(task.getId(), task.getName(), task.getTaskDefinitionKey(), task.getProcessInstanceId(),
				task.getAssignee(), task.getOwner(),
				(task.getDelegationState() != null) ? task.getDelegationState().name() : null);
	}

	/**
	 * A task as the operations return it.
	 *
	 * @param id task id
	 * @param name task name
	 * @param taskDefinitionKey BPMN id
	 * @param processInstanceId process instance
	 * @param assignee current assignee
	 * @param owner owner (set while delegated)
	 * @param delegationState PENDING or RESOLVED while delegated
	 */
	public record TaskView(String id, String name, String taskDefinitionKey, String processInstanceId, String assignee,
			String owner, String delegationState) {
	}

	/**
	 * What a user may do on a task right now.
	 *
	 * @param taskId the task
	 * @param name its name
	 * @param taskDefinitionKey its BPMN id
	 * @param open whether the task is open (otherwise it was completed by the user)
	 * @param operations the operations available
	 */
	public record AvailableOperations(String taskId, String name, String taskDefinitionKey, boolean open,
			List<OperationView> operations) {
	}

	/**
	 * One available operation.
	 *
	 * @param operation the operation
	 * @param targets for 转办 and 委派, the users it may go to
	 * @param returnTo for 退回, the step it goes back to
	 */
	public record OperationView(Operation operation, List<UserRef> targets, Step returnTo) {

		/**
		 * @return the operation's name in the API, e.g. {@code transfer}
		 */
		public String getId() {
			return this.operation.id();
		}

		/**
		 * @return the operation's Chinese name
		 */
		public String getLabel() {
			return this.operation.label();
		}

	}

	/**
	 * A user as a target of an operation.
	 *
	 * @param id user id
	 * @param name display name
	 */
	public record UserRef(String id, String name) {
	}

	/**
	 * A step of a process.
	 *
	 * @param taskDefinitionKey its BPMN id
	 * @param name its name
	 */
	public record Step(String taskDefinitionKey, String name) {
	}

	/**
	 * A copy (抄送) as its recipient sees it.
	 *
	 * @param id copy id
	 * @param taskId task
	 * @param businessKey the item's code
	 * @param taskName task name
	 * @param fromUser who copied it
	 * @param note note
	 * @param createdAt when
	 * @param readAt when read, or {@code null}
	 */
	public record CcView(Long id, String taskId, String businessKey, String taskName, String fromUser, String note,
			OffsetDateTime createdAt, OffsetDateTime readAt) {

		static CcView of(TaskCc cc) {
			return new CcView(cc.getId(), cc.getTaskId(), cc.getBusinessKey(), cc.getTaskName(), cc.getFromUser(),
					cc.getNote(), cc.getCreatedAt(), cc.getReadAt());
		}

	}

}
