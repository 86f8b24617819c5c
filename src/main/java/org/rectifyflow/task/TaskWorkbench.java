package org.rectifyflow.task;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.DelegationState;
import org.camunda.bpm.engine.task.Task;
import org.rectifyflow.attachment.AttachmentService;
import org.rectifyflow.audit.AuditEvent;
import org.rectifyflow.audit.AuditEventRepository;
import org.rectifyflow.calendar.WorkingDayCalendar;
import org.rectifyflow.clue.ClueExtensionOffer;
import org.rectifyflow.clue.ClueProcess;
import org.rectifyflow.engine.SystemAuthority;
import org.rectifyflow.identity.Membership;
import org.rectifyflow.identity.Roles;
import org.rectifyflow.inspection.InspectionProcess;
import org.rectifyflow.kernel.Refusal;
import org.rectifyflow.organisation.OrganisationService;
import org.rectifyflow.recommendation.RecommendationProcess;
import org.rectifyflow.rectification.RectificationProcess;
import org.rectifyflow.taskrules.ApprovalOpinion;
import org.rectifyflow.taskrules.ApprovalOpinionService;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What Tasklist shows around a task besides its form: the item the task works on (for its
 * attachments), the deadline in working days, the opinions given on the item (审批意见, and
 * the reasons of every 退回) and the people a task may be copied to. Everything here is
 * read only, and only for a user who may see the task.
 */
@Service
@Transactional(readOnly = true)
public class TaskWorkbench {

	/**
	 * The item each process works on: its attachment item type and the variable holding
	 * its id.
	 */
	private static final Map<String, ItemKind> ITEMS = Map.of(RectificationProcess.KEY,
			new ItemKind(RectificationProcess.ITEM_TYPE, RectificationProcess.VAR_LEDGER_ENTRY_ID), ClueProcess.KEY,
			new ItemKind(ClueProcess.ITEM_TYPE, ClueProcess.VAR_CLUE_ID), RecommendationProcess.KEY,
			new ItemKind(RecommendationProcess.ITEM_TYPE, RecommendationProcess.VAR_LETTER_ID), InspectionProcess.KEY,
			new ItemKind(InspectionProcess.ITEM_TYPE, InspectionProcess.VAR_INSPECTION_ID));

	static final String RETURNED = "TASK_RETURNED";

	private static final int MAX_PEOPLE = 500;

	private final TaskService taskService;

	private final RuntimeService runtimeService;

	private final HistoryService historyService;

	private final RepositoryService repositoryService;

	private final IdentityService identityService;

	private final ProcessEngineConfigurationImpl engineConfiguration;

	private final SystemAuthority system;

	private final Membership membership;

	private final ApprovalOpinionService opinions;

	private final AuditEventRepository audit;

	private final AttachmentService attachments;

	private final WorkingDayCalendar calendar;

	private final ClueExtensionOffer clueExtensions;

	private final OrganisationService organisation;

	TaskWorkbench(TaskService taskService, RuntimeService runtimeService, HistoryService historyService,
			RepositoryService repositoryService, IdentityService identityService,
			ProcessEngineConfigurationImpl engineConfiguration, SystemAuthority system, Membership membership,
			ApprovalOpinionService opinions, AuditEventRepository audit, AttachmentService attachments,
			WorkingDayCalendar calendar, ClueExtensionOffer clueExtensions, OrganisationService organisation) {
		this.clueExtensions = clueExtensions;
		this.organisation = organisation;
		this.taskService = taskService;
		this.runtimeService = runtimeService;
		this.historyService = historyService;
		this.repositoryService = repositoryService;
		this.identityService = identityService;
		this.engineConfiguration = engineConfiguration;
		this.system = system;
		this.membership = membership;
		this.opinions = opinions;
		this.audit = audit;
		this.attachments = attachments;
		this.calendar = calendar;
	}

	/**
	 * The header of a task: its item, its deadline in working days and the latest reason
	 * it was sent back.
	 * @param taskId an open task the user may see
	 * @param userId the user
	 * @return the summary
	 */
	public TaskSummary summary(String taskId, String userId) {
		Task task = visibleTask(taskId, userId);
		ItemRef item = item(task);
		List<OpinionView> given = opinionsOf(task);
		OpinionView latest = given.isEmpty() ? null : given.get(given.size() - 1);
		OpinionView latestReturn = (latest != null && latest.returned()) ? latest : null;
		Person delegatedBy = (task.getDelegationState() == DelegationState.PENDING && userId.equals(task.getAssignee())
				&& task.getOwner() != null) ? person(task.getOwner()) : null;
		return new TaskSummary(task.getId(), item, deadline(task), latestReturn, extension(item, userId), delegatedBy);
	}

	private ExtensionOffer extension(ItemRef item, String userId) {
		if (item == null || !ClueProcess.ITEM_TYPE.equals(item.type())) {
			return null;
		}
		OptionalInt max = this.clueExtensions.maxWorkingDays(Long.valueOf(item.id()), userId);
		return max.isPresent() ? new ExtensionOffer("/api/clues/" + item.id() + "/extension", max.getAsInt()) : null;
	}

	/**
	 * Every opinion given on the task's item, oldest first: the approvals with their
	 * decision and the reasons of each 退回.
	 * @param taskId an open task the user may see
	 * @param userId the user, who must also be allowed to see the item
	 * @return the opinions
	 */
	public List<OpinionView> opinions(String taskId, String userId) {
		Task task = visibleTask(taskId, userId);
		ItemRef item = item(task);
		if (item != null && !this.attachments.canViewItem(userId, item.type(), item.id())) {
			throw Refusal.forbidden("您无权查看该事项的审批意见。", "You may not see the opinions on this item");
		}
		return opinionsOf(task);
	}

	/**
	 * The people a task may be copied to (抄送): every user but the caller.
	 * @param taskId an open task the user may see
	 * @param userId the user
	 * @return the people, by unit and name
	 */
	public List<Person> copyTargets(String taskId, String userId) {
		visibleTask(taskId, userId);
		return this.system.call(() -> this.identityService.createUserQuery().listPage(0, MAX_PEOPLE))
			.stream()
			.filter((user) -> !user.getId().equals(userId))
			.map((user) -> person(user.getId()))
			.sorted(Comparator.comparing(Person::unit).thenComparing(Person::id))
			.toList();
	}

	/**
	 * Which of Tasklist's own controls the user can use: 新建任务 only while standalone tasks
	 * are on; changing a task's groups, due or follow-up date only for administrators
	 * (see {@code taskrules.TaskAttributeGuard}).
	 * @param userId the user
	 * @return the controls
	 */
	public TasklistControls controls(String userId) {
		boolean admin = this.membership.of(userId).isAdmin();
		return new TasklistControls(this.engineConfiguration.isStandaloneTasksEnabled(), admin);
	}

	private Task visibleTask(String taskId, String userId) {
		Task task = asUser(userId, () -> this.taskService.createTaskQuery().taskId(taskId).singleResult());
		if (task == null) {
			throw Refusal.notFound("未找到该任务，或您无权查看。", "No such open task, or it is not yours to see");
		}
		return task;
	}

	/** Runs an engine query with the user's own authorizations. */
	private <T> T asUser(String userId, java.util.function.Supplier<T> query) {
		Authentication saved = this.identityService.getCurrentAuthentication();
		this.identityService.setAuthentication(userId, List.copyOf(this.membership.of(userId).groups()));
		try {
			return query.get();
		}
		finally {
			if (saved != null) {
				this.identityService.setAuthentication(saved);
			}
			else {
				this.identityService.clearAuthentication();
			}
		}
	}

	private ItemRef item(Task task) {
		String processKey = processKey(task.getProcessDefinitionId());
		ItemKind kind = (processKey != null) ? ITEMS.get(processKey) : null;
		if (kind == null || task.getProcessInstanceId() == null) {
			return null;
		}
		Object id = this.system
			.call(() -> this.runtimeService.getVariable(task.getProcessInstanceId(), kind.variable()));
		if (id == null) {
			return null;
		}
		String businessKey = this.system.call(() -> this.runtimeService.createProcessInstanceQuery()
			.processInstanceId(task.getProcessInstanceId())
			.singleResult()
			.getBusinessKey());
		return new ItemRef(kind.itemType(), String.valueOf(id), businessKey);
	}

	private String processKey(String processDefinitionId) {
		if (processDefinitionId == null) {
			return null;
		}
		ProcessDefinition definition = this.system
			.call(() -> this.repositoryService.getProcessDefinition(processDefinitionId));
		return definition.getKey();
	}

	private DeadlineView deadline(Task task) {
		if (task.getDueDate() == null) {
			return null;
		}
		ZoneId zone = this.calendar.zone();
		LocalDate today = ClockUtil.getCurrentTime().toInstant().atZone(zone).toLocalDate();
		OffsetDateTime due = task.getDueDate().toInstant().atZone(zone).toOffsetDateTime();
		LocalDate dueDay = due.toLocalDate();
		boolean overdue = ClockUtil.getCurrentTime().after(task.getDueDate());
		if (overdue) {
			int days = this.calendar.workingDaysBetween(dueDay, today);
			return new DeadlineView(due, -days, true, (days == 0) ? "已逾期" : "已逾期 " + days + " 个工作日");
		}
		int days = this.calendar.workingDaysBetween(today, dueDay);
		return new DeadlineView(due, days, false, (days == 0) ? "今天到期" : "剩余 " + days + " 个工作日");
	}

	private List<OpinionView> opinionsOf(Task task) {
		if (task.getProcessInstanceId() == null) {
			return List.of();
		}
		List<OpinionView> views = new ArrayList<>();
		for (ApprovalOpinion opinion : this.opinions.history(task.getProcessInstanceId())) {
			String decision = opinion.getDecision();
			views.add(new OpinionView(opinion.getTaskName(), opinion.getUserId(),
					this.organisation.personName(opinion.getUserId()), this.organisation.placesOf(opinion.getUserId()),
					opinion.getCreatedAt(), decision, decisionLabel(decision), isReturn(decision),
					opinion.getOpinion()));
		}
		List<HistoricTaskInstance> tasks = this.system.call(() -> this.historyService.createHistoricTaskInstanceQuery()
			.processInstanceId(task.getProcessInstanceId())
			.list());
		Map<String, String> names = tasks.stream()
			.filter((t) -> t.getName() != null)
			.collect(Collectors.toMap(HistoricTaskInstance::getId, HistoricTaskInstance::getName, (a, b) -> a));
		for (HistoricTaskInstance returned : tasks) {
			for (AuditEvent event : this.audit.findByItemTypeAndItemIdOrderByOccurredAtAscIdAsc("task",
					returned.getId())) {
				if (RETURNED.equals(event.getAction())) {
					views.add(new OpinionView(names.get(returned.getId()), event.getActor(),
							this.organisation.personName(event.getActor()),
							this.organisation.placesOf(event.getActor()), event.getOccurredAt(), "RETURN", "退回", true,
							event.getDetails()));
				}
			}
		}
		views.sort(Comparator.comparing(OpinionView::at));
		return views;
	}

	private static boolean isReturn(String decision) {
		return "false".equalsIgnoreCase(decision) || "RETURN".equalsIgnoreCase(decision);
	}

	static String decisionLabel(String decision) {
		if (decision == null) {
			return "意见";
		}
		return switch (decision.toUpperCase(java.util.Locale.ROOT)) {
			case "TRUE", "APPROVE" -> "同意";
			case "FALSE", "RETURN" -> "退回";
			case "REDRAW" -> "重新抽取";
			default -> decision;
		};
	}

	private Person person(String userId) {
		return new Person(userId, this.organisation.personName(userId), this.organisation.placesOf(userId));
	}

	private record ItemKind(String itemType, String variable) {
	}

	/**
	 * The item a task works on.
	 *
	 * @param type the attachment item type, e.g. {@code ledger-entry}
	 * @param id the item's id
	 * @param code the item's code (the process's business key)
	 */
	public record ItemRef(String type, String id, String code) {
	}

	/**
	 * A task's deadline in working days.
	 *
	 * @param due the due date
	 * @param workingDaysLeft working days left (negative: overdue by so many)
	 * @param overdue whether the due date has passed
	 * @param text e.g. 剩余 3 个工作日, 已逾期 2 个工作日
	 */
	public record DeadlineView(OffsetDateTime due, int workingDaysLeft, boolean overdue, String text) {
	}

	/**
	 * What a task's header shows.
	 *
	 * @param taskId the task
	 * @param item the item it works on, {@code null} for a process without one
	 * @param deadline its deadline, {@code null} without a due date
	 * @param latestReturn the latest opinion on the item if it sent the matter back, else
	 * {@code null}
	 * @param extension the deadline extension the user may request now, or {@code null}
	 * @param delegatedBy who delegated the task to the user (委派), to whom 交回 (resolve)
	 * hands it back; {@code null} unless the task is delegated to the user
	 */
	public record TaskSummary(String taskId, ItemRef item, DeadlineView deadline, OpinionView latestReturn,
			ExtensionOffer extension, Person delegatedBy) {
	}

	/**
	 * A deadline extension (延期) the user may request: POST {@code reason} and
	 * {@code workingDays} to the URL.
	 *
	 * @param url where to request it
	 * @param maxWorkingDays the longest extension
	 */
	public record ExtensionOffer(String url, int maxWorkingDays) {
	}

	/**
	 * One opinion on an item.
	 *
	 * @param taskName the step it was given on
	 * @param userId who gave it
	 * @param userName the name of who gave it
	 * @param unit that person's unit (or role group)
	 * @param at when
	 * @param decision the decision as stored ({@code true}, {@code false},
	 * {@code APPROVE}, {@code RETURN}, …)
	 * @param decisionLabel the decision in Chinese (同意, 退回, …)
	 * @param returned whether it sent the matter back
	 * @param text the opinion
	 */
	public record OpinionView(String taskName, String userId, String userName, String unit, OffsetDateTime at,
			String decision, String decisionLabel, boolean returned, String text) {
	}

	/**
	 * A person a task may go to.
	 *
	 * @param id user id
	 * @param name name
	 * @param unit unit (or role group)
	 */
	public record Person(String id, String name, String unit) {
	}

	/**
	 * Tasklist controls the user can use.
	 *
	 * @param createTask 新建任务 (standalone tasks)
	 * @param editTaskAttributes 添加组, 设置跟进日期 and changing the due date
	 */
	public record TasklistControls(boolean createTask, boolean editTaskAttributes) {
	}

}
