package org.rectifyflow.inspection.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.rectifyflow.audit.AuditService;
import org.rectifyflow.calendar.WorkingDayCalendar;
import org.rectifyflow.deadline.DeadlinePassed;
import org.rectifyflow.inspection.Inspection;
import org.rectifyflow.inspection.InspectionProcess;
import org.rectifyflow.inspection.InspectionRegister;
import org.rectifyflow.kernel.Refusal;
import org.rectifyflow.notification.Notifier;
import org.rectifyflow.pages.ItemLinks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steps of {@code bpmn/inspection.bpmn}: registration, the plan, the approval, the
 * start and end of the field work and disclosure. The team draw is {@link TeamDrawing},
 * the findings and their hand-over {@link InspectionFindings}, the lists
 * {@link InspectionRegister}. Every change is made on the {@link Inspection} (which
 * guards its own transitions) and audited.
 */
@Service("inspectionService")
public class InspectionService {

	static final String ACTION_STARTED = "INSPECTION_STARTED";

	static final String ACTION_PLANNED = "INSPECTION_PLANNED";

	static final String ACTION_PLAN_DECIDED = "INSPECTION_PLAN_DECIDED";

	static final String ACTION_FIELD_WORK_STARTED = "INSPECTION_FIELD_WORK_STARTED";

	static final String ACTION_FIELD_WORK_ENDED = "INSPECTION_FIELD_WORK_ENDED";

	static final String ACTION_OVERDUE = "INSPECTION_OVERDUE";

	static final int TEXT = 2000;

	static final int LONG_TEXT = 4000;

	static final int MAX_TEAM_SIZE = 20;

	private static final Logger logger = LoggerFactory.getLogger(InspectionService.class);

	private final InspectionRepository inspections;

	private final InspectionRegister register;

	private final InspectionFindings findings;

	private final InspectionSecrecy secrecy;

	private final AuditService audit;

	private final Notifier notifier;

	private final WorkingDayCalendar calendar;

	InspectionService(InspectionRepository inspections, InspectionRegister register, InspectionFindings findings,
			InspectionSecrecy secrecy, AuditService audit, Notifier notifier, WorkingDayCalendar calendar) {
		this.inspections = inspections;
		this.register = register;
		this.findings = findings;
		this.secrecy = secrecy;
		this.audit = audit;
		this.notifier = notifier;
		this.calendar = calendar;
	}

	/**
	 * The multi-instance collection of the field work: every team member, the leader
	 * first.
	 * @param inspectionId the inspection
	 * @return the user ids
	 */
	@Transactional(readOnly = true)
	public List<String> teamUserIds(Long inspectionId) {
		List<TeamMember> team = this.register.team(inspectionId);
		List<String> ids = new ArrayList<>();
		team.stream().filter(TeamMember::isTeamLeader).forEach((m) -> ids.add(m.getUserId()));
		team.stream().filter((m) -> !m.isTeamLeader()).forEach((m) -> ids.add(m.getUserId()));
		return ids;
	}

	// ------------------------------------------------------------------ steps

	/**
	 * {@code Task_Register}: stores the inspection (code {@code JC-<year>-<nnn>}) and
	 * makes the code the business key.
	 * @param execution the starting execution
	 */
	@Transactional
	public void register(DelegateExecution execution) {
		Object initiator = execution.getVariable(InspectionProcess.VAR_PLANNER);
		String planner = (initiator != null) ? initiator.toString() : this.audit.currentActor();
		String code = nextCode();
		Inspection inspection = this.inspections.save(new Inspection(code, planner, now()));
		inspection.linkProcess(execution.getProcessInstanceId());
		execution.setProcessBusinessKey(code);
		execution.setVariable(InspectionProcess.VAR_INSPECTION_ID, inspection.getId());
		execution.setVariable(InspectionProcess.VAR_INSPECTION_CODE, code);
		execution.setVariable(InspectionProcess.VAR_PLANNER, planner);
		this.audit.record(ACTION_STARTED, InspectionProcess.ITEM_TYPE, String.valueOf(inspection.getId()), null,
				code + " planner=" + planner);
		logger.info("Inspection {} registered by {}", code, planner);
	}

	/**
	 * The planner of an inspection: the assignee of the planning task.
	 * @param code the process instance's business key
	 * @return the planner recorded on the inspection
	 */
	public String plannerOf(String code) {
		return byCode(code).getPlanner();
	}

	/**
	 * The leader of an inspection's team: the assignee of the report.
	 * @param code the process instance's business key
	 * @return the team leader recorded on the inspection
	 */
	public String teamLeaderOf(String code) {
		return byCode(code).getTeamLeader();
	}

	/**
	 * {@code Task_Plan} completed: stores the plan (validated by {@link InspectionTasks})
	 * and applies the secrecy of its kind.
	 * @param inspectionId the inspection
	 * @param plan the parsed plan
	 */
	@Transactional
	public void recordPlan(Long inspectionId, PlanInput plan) {
		Inspection inspection = inspection(inspectionId);
		inspection.plan(plan.kind(), plan.title(), plan.targetUnits(), plan.places(), plan.periodStart(),
				plan.periodEnd(), plan.teamSize(), plan.focusCategories(), plan.focus(), now());
		this.secrecy.apply(inspection);
		this.audit.record(ACTION_PLANNED, InspectionProcess.ITEM_TYPE, String.valueOf(inspectionId), null,
				"kind=" + plan.kind() + " targets=" + plan.targetUnits() + " places=" + plan.places().size() + " focus="
						+ plan.focusCategories() + " period=" + plan.periodStart() + ".." + plan.periodEnd()
						+ " teamSize=" + plan.teamSize());
	}

	/**
	 * {@code Task_ApprovePlan} completed: approve, redraw or return.
	 * @param inspectionId the inspection
	 * @param value the discipline lead's decision
	 * @return the field work's deadline (18:00 on the last day of the period) when
	 * approved, else {@code null}
	 */
	@Transactional
	public Date decidePlan(Long inspectionId, InspectionProcess.PlanDecision value) {
		Inspection inspection = inspection(inspectionId);
		this.audit.record(ACTION_PLAN_DECIDED, InspectionProcess.ITEM_TYPE, String.valueOf(inspectionId),
				inspection.getStatus().name(), value.name());
		switch (value) {
			case APPROVE -> {
				inspection.approved(now());
				return Date.from(this.calendar.closeOfBusiness(inspection.getPeriodEnd()).toInstant());
			}
			case RETURN -> {
				inspection.returned(now());
				this.notifier.notifyUser(inspection.getPlanner(), "检查「" + inspection.getCode() + "」的方案被退回，请修改后重新提交。",
						link(inspection));
				return null;
			}
			default -> {
				return null;
			}
		}
	}

	/**
	 * Start listener of {@code SubProcess_FieldWork}: tells the team.
	 * @param inspectionId the inspection
	 */
	@Transactional
	public void fieldWorkStarted(Long inspectionId) {
		Inspection inspection = inspection(inspectionId);
		inspection.fieldWorkStarted(now());
		this.audit.record(ACTION_FIELD_WORK_STARTED, InspectionProcess.ITEM_TYPE, String.valueOf(inspectionId),
				Inspection.Status.APPROVED.name(), Inspection.Status.FIELD_WORK.name());
		for (TeamMember member : this.register.team(inspectionId)) {
			this.notifier.notifyUser(member.getUserId(),
					"您已被抽调参加检查「" + inspection.getCode() + "」" + (member.isTeamLeader() ? "（任组长）" : "")
							+ "，请按方案开展现场检查并记录发现的问题。"
							+ (inspection.getKind() == Inspection.Kind.UNANNOUNCED ? "本次为暗访，检查结束前请勿向任何单位透露。" : ""),
					link(inspection));
		}
	}

	/**
	 * {@code Task_EndFieldWork}: every member is done; a 暗访 is disclosed from now on.
	 * @param inspectionId the inspection
	 * @return the findings as text, for the report form
	 */
	@Transactional
	public String fieldWorkEnded(Long inspectionId) {
		Inspection inspection = inspection(inspectionId);
		inspection.fieldWorkEnded(now());
		boolean disclosed = this.secrecy.apply(inspection);
		this.audit.record(ACTION_FIELD_WORK_ENDED, InspectionProcess.ITEM_TYPE, String.valueOf(inspectionId),
				Inspection.Status.FIELD_WORK.name(), Inspection.Status.REPORTING.name(), "disclosed=" + disclosed);
		this.notifier.notifyUser(inspection.getTeamLeader(), "检查「" + inspection.getCode() + "」现场检查已结束，请汇总检查情况。",
				link(inspection));
		return cut(this.findings.summary(inspectionId), LONG_TEXT);
	}

	/**
	 * Marks an inspection whose field work is overdue.
	 * @param event the deadline that passed
	 */
	@EventListener
	@Transactional
	public void onDeadlinePassed(DeadlinePassed event) {
		if (!InspectionProcess.KEY.equals(event.processDefinitionKey())) {
			return;
		}
		this.inspections.findByProcessInstanceId(event.processInstanceId()).ifPresent((inspection) -> {
			if (inspection.markOverdue(now())) {
				this.audit.record(ACTION_OVERDUE, InspectionProcess.ITEM_TYPE, String.valueOf(inspection.getId()),
						"false", "true");
			}
		});
	}

	// ------------------------------------------------------------------ helpers

	private String nextCode() {
		String prefix = "JC-" + now().getYear() + "-";
		String max = this.inspections.maxCodeWithPrefix(prefix);
		int next = (max == null) ? 1 : Integer.parseInt(max.substring(prefix.length())) + 1;
		return prefix + String.format("%03d", next);
	}

	private Inspection inspection(Long id) {
		return this.inspections.findById(id).orElseThrow(() -> Refusal.notFound("检查不存在", "no inspection " + id));
	}

	private Inspection byCode(String code) {
		return this.inspections.findByCode(code).orElseThrow(() -> Refusal.notFound("检查不存在", "no inspection " + code));
	}

	OffsetDateTime now() {
		return ClockUtil.getCurrentTime().toInstant().atZone(this.calendar.zone()).toOffsetDateTime();
	}

	LocalDate today() {
		return now().toLocalDate();
	}

	static String link(Inspection inspection) {
		return ItemLinks.inspection(inspection.getId());
	}

	public static String cut(String text, int max) {
		if (text == null) {
			return null;
		}
		return (text.length() <= max) ? text : text.substring(0, max - 1) + "…";
	}

	static String str(Object value) {
		return (value == null || value.toString().isBlank()) ? null : value.toString().strip();
	}

}
