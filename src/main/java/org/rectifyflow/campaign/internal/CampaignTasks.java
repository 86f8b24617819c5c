package org.rectifyflow.campaign.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.rectifyflow.campaign.Campaign;
import org.rectifyflow.campaign.CampaignAnalysis;
import org.rectifyflow.campaign.CampaignPlanning;
import org.rectifyflow.campaign.CampaignService;
import org.rectifyflow.campaign.PhaseDeadlines;
import org.rectifyflow.campaign.Problem;
import org.rectifyflow.campaign.ProblemCategory;
import org.rectifyflow.campaign.StudySession;
import org.rectifyflow.kernel.Refusal;
import org.rectifyflow.taskrules.FormList;
import org.rectifyflow.taskrules.ProcessTasks;
import org.rectifyflow.taskrules.TaskCompletion;
import org.rectifyflow.taskrules.TaskCreation;
import org.rectifyflow.taskrules.TaskRuleViolation;
import org.rectifyflow.taskrules.TaskRules;

import org.springframework.stereotype.Component;

/**
 * The user tasks of {@code campaign.bpmn}: what their forms show
 * ({@link CampaignTaskForms}), the checks made before a task may complete, and what a
 * completed task stores and which routing flag it sets. The campaign is the one of the
 * process instance's business key; the ids of snapshots, flags and regulations are
 * checked against it.
 */
@Component
public class CampaignTasks implements ProcessTasks {

	private final CampaignService register;

	private final CampaignPlanning planning;

	private final ProblemList problemList;

	private final ProblemReview review;

	private final CrossInspection crossInspection;

	private final CampaignRegulations regulations;

	private final CampaignAnalysis analysis;

	private final CampaignTaskForms forms;

	private final CampaignClock clock;

	CampaignTasks(CampaignService register, CampaignPlanning planning, ProblemList problemList, ProblemReview review,
			CrossInspection crossInspection, CampaignRegulations regulations, CampaignAnalysis analysis,
			CampaignTaskForms forms, CampaignClock clock) {
		this.register = register;
		this.planning = planning;
		this.problemList = problemList;
		this.review = review;
		this.crossInspection = crossInspection;
		this.regulations = regulations;
		this.analysis = analysis;
		this.forms = forms;
		this.clock = clock;
	}

	@Override
	public String processKey() {
		return CampaignProcess.KEY;
	}

	@Override
	public void created(TaskCreation task) {
		this.forms.fill(task, campaign(task.getBusinessKey()));
	}

	@Override
	public void validate(TaskCompletion completion) {
		handle(completion, false);
	}

	@Override
	public void completed(TaskCompletion completion) {
		handle(completion, true);
	}

	private void handle(TaskCompletion task, boolean store) {
		Long campaignId = campaign(task.getBusinessKey()).getId();
		String by = task.getUserId();
		switch (task.getTaskDefinitionKey()) {
			case CampaignProcess.TASK_STUDY_SESSION -> {
				LocalDate date = CampaignInputs.date(task.variable(CampaignProcess.VAR_STUDY_DATE), "学习日期",
						this.clock.zone());
				List<StudySession.Attendee> attendeeList = attendees(task);
				String attendees = attendeeList.isEmpty()
						? CampaignInputs.required(task.variable(CampaignProcess.VAR_ATTENDEES), "参加人员", 2000)
						: CampaignInputs.required(
								String.join("、", attendeeList.stream().map(StudySession.Attendee::label).toList()),
								"参加人员", 2000);
				String materials = CampaignInputs.required(task.variable(CampaignProcess.VAR_MATERIALS), "学习内容", 2000);
				this.planning.checkStudyDate(date);
				if (store) {
					this.planning.recordStudySession(campaignId, date, attendeeList, attendees, materials, by);
				}
			}
			case CampaignProcess.TASK_DRAFT_PLAN -> {
				Object unitsValue = task.variable(CampaignProcess.VAR_SCOPE_UNITS);
				List<String> units = FormList.isList(unitsValue)
						? FormList.choices(unitsValue, "整治范围", this.register.unitNames().keySet())
						: CampaignInputs.codes(unitsValue);
				Object categoriesValue = task.variable(CampaignProcess.VAR_CATEGORIES);
				List<String> categories = FormList.isList(categoriesValue)
						? FormList.choices(categoriesValue, "问题类别",
								this.register.categories().stream().map(ProblemCategory::getCode).toList())
						: CampaignInputs.codes(categoriesValue);
				PhaseDeadlines deadlines = CampaignForms.deadlines(task::variable, this.clock.zone());
				this.planning.checkPlan(units, categories, deadlines);
				if (store) {
					this.planning.submitPlan(campaignId, units, categories, deadlines);
				}
			}
			case CampaignProcess.TASK_APPROVE_PLAN -> {
				boolean approved = decision(task, CampaignProcess.VAR_PLAN_APPROVED);
				if (store) {
					this.planning.decidePlan(campaignId, approved, task.string(TaskRules.OPINION_VARIABLE));
					task.route(CampaignProcess.VAR_PLAN_APPROVED, approved);
				}
			}
			case CampaignProcess.TASK_SELF_INSPECTION, CampaignProcess.TASK_CROSS_INSPECTION -> {
				List<NewProblem> found = problems(task, campaignId);
				if (store) {
					this.problemList.registerProblems(campaignId, found, by);
				}
			}
			case CampaignProcess.TASK_REVIEW -> {
				List<CampaignInputs.Decision> decisions = decisions(task, campaignId);
				if (store) {
					this.review.apply(campaignId, decisions, true, by);
				}
				else {
					this.review.check(campaignId, decisions, true);
				}
			}
			case CampaignProcess.TASK_ANALYSIS_REVIEW -> {
				String note = CampaignInputs.required(task.variable(CampaignProcess.VAR_REVIEW_NOTE), "研判意见", 2000);
				Long snapshotId = (Long) task.variable(CampaignProcess.VAR_SNAPSHOT_ID);
				if (!campaignId.equals(this.analysis.campaignOfSnapshot(snapshotId))) {
					throw notOfCampaign("统计快照", snapshotId);
				}
				if (store) {
					this.analysis.reviewSnapshot(snapshotId, note);
				}
			}
			case CampaignProcess.TASK_DECIDE_FLAG -> {
				String note = CampaignInputs.required(task.variable(CampaignProcess.VAR_DECISION_NOTE), "处理意见", 2000);
				String letterUnit = null;
				if (Boolean.TRUE.equals(task.bool(CampaignProcess.VAR_ISSUE_LETTER))) {
					letterUnit = CampaignInputs.required(task.variable(CampaignProcess.VAR_LETTER_UNIT), "被建议单位", 32);
					if (!this.register.scopeUnits(campaignId).contains(letterUnit)) {
						throw new TaskRuleViolation("被建议单位「" + letterUnit + "」不在本次整治范围内",
								"unit " + letterUnit + " is not in the campaign's scope");
					}
				}
				Long flagId = (Long) task.variable(CampaignProcess.VAR_FLAG_ID);
				if (!campaignId.equals(this.analysis.campaignOfFlag(flagId))) {
					throw notOfCampaign("预警", flagId);
				}
				if (store) {
					this.analysis.decideFlag(flagId, note, letterUnit);
				}
			}
			case CampaignProcess.TASK_DRAFT_REGULATION -> {
				String title = CampaignInputs.required(task.variable(CampaignProcess.VAR_REGULATION_TITLE), "制度名称",
						200);
				String body = CampaignInputs.required(task.variable(CampaignProcess.VAR_REGULATION_BODY), "制度内容",
						20000);
				Object problems = task.variable(CampaignProcess.VAR_REGULATION_PROBLEMS);
				List<Integer> numbers = FormList.isList(problems)
						? FormList.choices(problems, "针对的问题", this.forms.confirmedProblems(campaignId).keySet())
							.stream()
							.map((label) -> CampaignInputs.problemNumber(label, 1))
							.toList()
						: CampaignInputs.problemNumbers(problems);
				this.regulations.checkProblems(campaignId, numbers);
				if (store) {
					Long regulationId = this.regulations.draft(campaignId, title, body, numbers, by);
					task.route(CampaignProcess.VAR_REGULATION_ID, regulationId);
					task.route(CampaignProcess.VAR_MORE_REGULATIONS,
							Boolean.TRUE.equals(task.bool(CampaignProcess.VAR_MORE_REGULATIONS)));
				}
			}
			case CampaignProcess.TASK_REVIEW_REGULATION -> {
				boolean approved = decision(task, CampaignProcess.VAR_REGULATION_APPROVED);
				Long regulationId = (Long) task.variable(CampaignProcess.VAR_REGULATION_ID);
				if (!campaignId.equals(this.register.regulation(regulationId).getCampaignId())) {
					throw notOfCampaign("制度", regulationId);
				}
				if (store) {
					this.regulations.decide(regulationId, approved, task.string(TaskRules.OPINION_VARIABLE));
					task.route(CampaignProcess.VAR_REGULATION_APPROVED, approved);
				}
			}
			case CampaignProcess.TASK_SUMMARY -> {
				String summary = CampaignInputs.required(task.variable(CampaignProcess.VAR_SUMMARY), "工作总结", 10000);
				if (store) {
					task.route(CampaignProcess.VAR_PHASE, this.planning.complete(campaignId, summary));
				}
			}
			default -> {
			}
		}
	}

	/**
	 * The study session's attendees: the people chosen in the taglist and the rows of
	 * attendees from outside; none when an integration sends the attendees as text.
	 */
	private List<StudySession.Attendee> attendees(TaskCompletion task) {
		Object chosen = task.variable(CampaignProcess.VAR_ATTENDEES);
		Object external = task.variable(CampaignProcess.VAR_EXTERNAL_ATTENDEES);
		if (!FormList.isList(chosen) && !FormList.isList(external)) {
			return List.of();
		}
		List<StudySession.Attendee> attendees = new ArrayList<>();
		if (FormList.isList(chosen)) {
			Map<String, String> people = this.forms.people();
			FormList.choices(chosen, "参加人员", people.keySet())
				.forEach((userId) -> attendees.add(new StudySession.Attendee(userId, people.get(userId), null)));
		}
		for (FormList.Row row : FormList.rows(external, "其他参加人员")) {
			if (!row.isBlank()) {
				attendees.add(new StudySession.Attendee(null, row.text("name", "姓名", 50),
						row.optionalText("unit", "单位", 100)));
			}
		}
		if (attendees.isEmpty()) {
			throw new TaskRuleViolation("「参加人员」为必填项", "attendees is required");
		}
		return attendees;
	}

	/**
	 * The problems entered in a 自查 or 互查 form, each checked; the unit is the task's own
	 * (自查) or the one the inspector unit was assigned (互查).
	 */
	private List<NewProblem> problems(TaskCompletion task, Long campaignId) {
		boolean cross = CampaignProcess.TASK_CROSS_INSPECTION.equals(task.getTaskDefinitionKey());
		String inspector = cross ? task.string(CampaignProcess.VAR_INSPECTOR_UNIT) : null;
		String unit = cross ? this.crossInspection.inspectedBy(campaignId, inspector)
				: task.string(CampaignProcess.VAR_UNIT_CODE);
		List<NewProblem> found = new ArrayList<>();
		Problem.Source source = cross ? Problem.Source.CROSS_INSPECTION : Problem.Source.SELF_INSPECTION;
		Object value = task.variable(CampaignProcess.VAR_PROBLEMS);
		if (FormList.isList(value)) {
			Set<String> categories = this.forms.categoryOptions(campaignId).keySet();
			Set<String> severities = CampaignTaskForms.severityOptions().keySet();
			for (FormList.Row row : FormList.rows(value, "问题清单")) {
				if (row.isBlank()) {
					continue;
				}
				NewProblem problem = new NewProblem(unit, row.choice("category", "问题类别", categories),
						row.text("description", "问题描述", 2000), row.optionalText("evidence", "证据", 2000),
						Problem.Severity.valueOf(row.choice("severity", "严重程度", severities)), source, null, inspector);
				found.add(checked(campaignId, problem, row.number()));
			}
			return found;
		}
		for (CampaignInputs.ProblemLine line : CampaignInputs
			.problemLines(task.variable(CampaignProcess.VAR_PROBLEMS))) {
			NewProblem problem = new NewProblem(unit, line.category(), line.description(), line.evidence(),
					line.severity(), source, null, inspector);
			found.add(checked(campaignId, problem, line.line()));
		}
		return found;
	}

	/**
	 * The 全面剖析 decisions: a row per problem from the form, or the lines of an integration
	 * that still sends text.
	 */
	private List<CampaignInputs.Decision> decisions(TaskCompletion task, Long campaignId) {
		Object value = task.variable(CampaignProcess.VAR_DECISIONS);
		if (!FormList.isList(value)) {
			return CampaignInputs.decisions(value);
		}
		Set<String> labels = new LinkedHashSet<>();
		this.register.problems(campaignId).forEach((p) -> labels.add(p.getLabel()));
		Set<String> actions = CampaignTaskForms.reviewActions().keySet();
		List<CampaignInputs.Decision> decisions = new ArrayList<>();
		for (FormList.Row row : FormList.rows(value, "剖析结论")) {
			int number = CampaignInputs.problemNumber(row.choice("problem", "问题", labels), row.number());
			CampaignInputs.Decision.Action action = CampaignInputs.Decision.Action
				.valueOf(row.choice("decision", "结论", actions));
			decisions.add(switch (action) {
				case CONFIRM -> new CampaignInputs.Decision(number, action, null, null);
				case MERGE -> new CampaignInputs.Decision(number, action,
						CampaignInputs.problemNumber(row.choice("mergeInto", "合并到", labels), row.number()), null);
				case REJECT -> new CampaignInputs.Decision(number, action, null, row.text("reason", "驳回理由", 500));
			});
		}
		return decisions;
	}

	private NewProblem checked(Long campaignId, NewProblem problem, int line) {
		try {
			this.problemList.checkProblem(campaignId, problem);
		}
		catch (Refusal ex) {
			throw new TaskRuleViolation("第" + line + "行：" + ex.getMessageZh(),
					"line " + line + ": " + ex.getMessageEn());
		}
		return problem;
	}

	private Campaign campaign(String businessKey) {
		return this.register.findByCode(businessKey)
			.orElseThrow(() -> Refusal.notFound("专项整治不存在", "no campaign with code " + businessKey));
	}

	private static boolean decision(TaskCompletion task, String variable) {
		Boolean approved = task.bool(variable);
		if (approved == null) {
			throw new TaskRuleViolation("请选择审批结论", "the decision " + variable + " is missing");
		}
		return approved;
	}

	private static TaskRuleViolation notOfCampaign(String what, Long id) {
		return new TaskRuleViolation(what + "不属于本次专项整治", what + " " + id + " does not belong to this campaign");
	}

}
