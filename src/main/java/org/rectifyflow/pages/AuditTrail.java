package org.rectifyflow.pages;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import org.rectifyflow.audit.AuditEvent;
import org.rectifyflow.audit.AuditEventRepository;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit trail of an item as its page shows it: each event with its time, the person
 * and what happened, in Chinese. Who may see it is the feature's decision.
 */
@Component
public class AuditTrail {

	private static final Map<String, String> ACTIONS = Map.ofEntries(Map.entry("LEDGER_ENTRY_OPENED", "建立台账条目"),
			Map.entry("LEDGER_ENTRY_ASSIGNED", "指定责任人"), Map.entry("LEDGER_MEASURES_SUBMITTED", "提交整改措施"),
			Map.entry("LEDGER_MEASURES_DECIDED", "审核整改措施"), Map.entry("LEDGER_PROGRESS_REPORTED", "报告整改进展"),
			Map.entry("LEDGER_CLOSURE_REQUESTED", "申请销号"), Map.entry("LEDGER_CLOSURE_DECIDED", "销号验收"),
			Map.entry("LEDGER_CARRY_OVER_REQUESTED", "申请结转"), Map.entry("LEDGER_CARRY_OVER_DECIDED", "结转审批"),
			Map.entry("LEDGER_ENTRY_OVERDUE", "逾期"), Map.entry("ATTACHMENT_UPLOADED", "上传附件"),
			Map.entry("CLUE_RECEIVED", "受理线索"), Map.entry("CLUE_REPORTER_REVEALED", "查看举报人信息"),
			Map.entry("CLUE_TO_LEDGER", "移交整改台账"), Map.entry("CLUE_EXTENSION_REQUESTED", "申请延期"),
			Map.entry("CLUE_EXTENSION_APPROVED", "批准延期"), Map.entry("CLUE_EXTENSION_REJECTED", "不批准延期"),
			Map.entry("CLUE_CONSISTENCY_ISSUE", "一致性检查发现问题"), Map.entry("RECOMMENDATION_STARTED", "启动建议书"),
			Map.entry("RECOMMENDATION_DRAFTED", "起草建议书"), Map.entry("RECOMMENDATION_APPROVAL_DECIDED", "审批建议书"),
			Map.entry("RECOMMENDATION_ISSUED", "发出建议书"), Map.entry("RECOMMENDATION_REPLIED", "回复整改情况"),
			Map.entry("RECOMMENDATION_REPLY_VERIFIED", "核实整改情况"), Map.entry("RECOMMENDATION_OVERDUE", "逾期"),
			Map.entry("INSPECTION_STARTED", "启动检查"), Map.entry("INSPECTION_PLANNED", "制定检查方案"),
			Map.entry("INSPECTION_TEAM_DRAWN", "抽取检查组"), Map.entry("INSPECTION_TEAM_DRAW_FAILED", "抽取检查组未成功"),
			Map.entry("INSPECTION_PLAN_DECIDED", "审批检查方案"), Map.entry("INSPECTION_FIELD_WORK_STARTED", "开始现场检查"),
			Map.entry("INSPECTION_FINDING_RECORDED", "记录发现的问题"), Map.entry("INSPECTION_FIELD_WORK_ENDED", "现场检查结束"),
			Map.entry("INSPECTION_FINDING_HANDED_OVER", "移交发现的问题"), Map.entry("INSPECTION_CLOSED", "检查办结"),
			Map.entry("INSPECTION_OVERDUE", "逾期"), Map.entry("REGULATION_SUBMITTED", "提交制度草案"),
			Map.entry("REGULATION_PUBLISHED", "制度审定发布"), Map.entry("REGULATION_RETURNED", "制度草案退回"),
			Map.entry("CAMPAIGN_STARTED", "启动专项整治"), Map.entry("STUDY_SESSION_RECORDED", "记录学习研讨"),
			Map.entry("PLAN_SUBMITTED", "提交整治方案"), Map.entry("PLAN_APPROVED", "批准整治方案"),
			Map.entry("PLAN_RETURNED", "退回整治方案"), Map.entry("CAMPAIGN_PHASE", "进入下一阶段"),
			Map.entry("CAMPAIGN_COMPLETED", "专项整治结束"), Map.entry("ANALYSIS_SNAPSHOT", "分析研判统计"),
			Map.entry("CROSS_INSPECTION_ASSIGNED", "安排互查"), Map.entry("CROSS_INSPECTION_SKIPPED", "不安排互查"),
			Map.entry("LEDGER_SETTLED", "整改台账全部办结"), Map.entry("CAMPAIGN_REPORT_NARRATIVE_SAVED", "修改工作情况报告"),
			Map.entry("DEADLINE_REMINDER_SENT", "到期提醒"), Map.entry("DEADLINE_ESCALATED", "逾期督办"),
			Map.entry("DEADLINE_REURGED", "再次督办"), Map.entry("DEADLINE_EXTENDED", "延长期限"),
			Map.entry("DEADLINE_RESCHEDULED", "调整期限（节假日变更）"), Map.entry("READ_AS_COPY_RECIPIENT", "以抄送身份查阅"),
			Map.entry("TASK_REDIRECTED", "审批转至上一级（四眼原则）"), Map.entry("TASK_TRANSFERRED", "转办"),
			Map.entry("TASK_DELEGATED", "委派"), Map.entry("TASK_RESOLVED", "交回委派的任务"), Map.entry("TASK_RETURNED", "退回"),
			Map.entry("TASK_WITHDRAWN", "撤回"), Map.entry("TASK_COPIED", "抄送"), Map.entry("TASK_COPY_READ", "查阅抄送"),
			Map.entry("TASK_URGED", "催办"), Map.entry("TASK_ASSIGNED", "指定办理人"), Map.entry("TASK_COMPLETED", "办理完成"),
			Map.entry("TASK_CREATED", "生成待办任务"), Map.entry("TASK_DELETED", "撤销待办任务"));

	private final AuditEventRepository events;

	private final PageText text;

	AuditTrail(AuditEventRepository events, PageText text) {
		this.events = events;
		this.text = text;
	}

	/**
	 * The events of one item, oldest first, optionally with the events of its process
	 * instance (reminders, escalations, extensions).
	 * @param itemType the audit item type, e.g. {@code ledger-entry}
	 * @param itemIds the ids the item is recorded under (its id, its number)
	 * @param processInstanceId its process instance, may be {@code null}
	 * @return the lines to show
	 */
	@Transactional(readOnly = true)
	public List<Line> of(String itemType, Collection<String> itemIds, String processInstanceId) {
		return of(itemType, itemIds, processInstanceId, Set.of());
	}

	/**
	 * The events of one item, as {@link #of(String, Collection, String)}, without the
	 * events of some kinds (kept for fewer readers).
	 * @param itemType the audit item type
	 * @param itemIds the ids the item is recorded under
	 * @param processInstanceId its process instance, may be {@code null}
	 * @param excludedActions the actions left out
	 * @return the lines to show
	 */
	@Transactional(readOnly = true)
	public List<Line> of(String itemType, Collection<String> itemIds, String processInstanceId,
			Set<String> excludedActions) {
		Stream<AuditEvent> own = itemIds.stream()
			.filter(Objects::nonNull)
			.distinct()
			.flatMap((id) -> this.events.findByItemTypeAndItemIdOrderByOccurredAtAscIdAsc(itemType, id).stream());
		Stream<AuditEvent> process = (processInstanceId == null) ? Stream.empty()
				: this.events.findByItemTypeAndItemIdOrderByOccurredAtAscIdAsc("process-instance", processInstanceId)
					.stream();
		return Stream.concat(own, process)
			.filter((e) -> !excludedActions.contains(e.getAction()))
			.sorted(Comparator.comparing(AuditEvent::getId))
			.map(this::line)
			.toList();
	}

	/**
	 * The events of one kind on one item, oldest first.
	 * @param itemType the audit item type
	 * @param itemId the item's id
	 * @param action the action, e.g. {@code CLUE_REPORTER_REVEALED}
	 * @return the lines to show
	 */
	@Transactional(readOnly = true)
	public List<Line> ofAction(String itemType, String itemId, String action) {
		return this.events.findByItemTypeAndItemIdOrderByOccurredAtAscIdAsc(itemType, itemId)
			.stream()
			.filter((e) -> action.equals(e.getAction()))
			.map(this::line)
			.toList();
	}

	private Line line(AuditEvent event) {
		String details = Stream.of(event.getDetails())
			.filter((d) -> d != null && !d.isBlank())
			.map((d) -> d.startsWith("reason: ") ? "事由：" + d.substring("reason: ".length()) : d)
			.findFirst()
			.orElse("");
		return new Line(this.text.dateTime(event.getOccurredAt()), this.text.person(event.getActor()),
				ACTIONS.getOrDefault(event.getAction(), event.getAction()), details);
	}

	/**
	 * One event as a page shows it.
	 *
	 * @param at when, in Chinese form
	 * @param actor who, by name and unit
	 * @param action what happened, in Chinese
	 * @param details the recorded reason or note, may be empty
	 */
	public record Line(String at, String actor, String action, String details) {

	}

}
