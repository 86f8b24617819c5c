package org.rectifyflow.campaign;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.rectifyflow.taskrules.TaskCompletion;
import org.rectifyflow.taskrules.TaskCompletionValidator;
import org.rectifyflow.taskrules.TaskRuleViolation;

import org.springframework.stereotype.Component;

/**
 * The user tasks of {@code campaign.bpmn}: what their forms show (input mappings call the
 * {@code *Info} methods), the checks made before a task may complete (as a
 * {@link TaskCompletionValidator}, so Tasklist and the engine REST API cannot bypass
 * them) and what a completed task stores (the {@code complete} task listener
 * {@code ${campaignTasks.completed(task)}}). Form fields are local variables of the task
 * (input mappings), so they never grow the process instance's variables.
 */
@Component("campaignTasks")
public class CampaignTasks implements TaskCompletionValidator {

	private final CampaignService campaigns;

	private final CampaignAnalysis analysis;

	CampaignTasks(CampaignService campaigns, CampaignAnalysis analysis) {
		this.campaigns = campaigns;
		this.analysis = analysis;
	}

	// ---------------------------------------------------------------- form contents

	/**
	 * @return the plan's scope units, comma-separated (plan form default)
	 */
	public String planUnits(Long campaignId) {
		return CampaignInputs.joined(this.campaigns.plan(campaignId).getScopeUnits());
	}

	/**
	 * @return the plan's categories, comma-separated (plan form default)
	 */
	public String planCategories(Long campaignId) {
		return CampaignInputs.joined(this.campaigns.plan(campaignId).getCategories());
	}

	/**
	 * @return a planned phase deadline as ISO date (plan form default)
	 */
	public String planDeadline(Long campaignId, String which) {
		PhaseDeadlines d = this.campaigns.plan(campaignId).getDeadlines();
		LocalDate day = switch (which) {
			case "SELF_INSPECTION" -> d.selfInspection();
			case "CROSS_INSPECTION" -> d.crossInspection();
			case "REVIEW" -> d.review();
			case "RECTIFICATION" -> d.rectification();
			default -> d.regulation();
		};
		return day.toString();
	}

	/**
	 * @return the text the plan form shows: units, categories, last opinion
	 */
	public String planDraftInfo(Long campaignId) {
		CampaignPlan plan = this.campaigns.plan(campaignId);
		StringBuilder text = new StringBuilder("可选单位：");
		text.append(String.join("；", this.campaigns.scopeUnitsAvailable()));
		text.append("\n问题类别：")
			.append(String.join("；",
					this.campaigns.categories().stream().map((c) -> c.getCode() + " " + c.getName()).toList()));
		if (plan.getLastOpinion() != null) {
			text.append("\n党组退回意见：").append(plan.getLastOpinion());
		}
		return text.toString();
	}

	/**
	 * @return the text the plan approval form shows
	 */
	public String planInfo(Long campaignId) {
		Campaign campaign = this.campaigns.campaign(campaignId);
		CampaignPlan plan = this.campaigns.plan(campaignId);
		PhaseDeadlines d = plan.getDeadlines();
		return campaign.getCode() + " " + campaign.getTitle() + "（第 " + plan.getRevision() + " 稿）\n文件依据："
				+ String.join("；", campaign.getBasisDocuments().stream().map(BasisDocument::toString).toList())
				+ "\n整治范围：" + String.join("、", plan.getScopeUnits().stream().map(this.campaigns::unitName).toList())
				+ "\n问题类别：" + this.campaigns.describeCategories(campaignId) + "\n阶段期限：自查 " + d.selfInspection() + "，互查 "
				+ d.crossInspection() + "，全面剖析 " + d.review() + "，问题整改 " + d.rectification() + "，建章立制 "
				+ d.regulation();
	}

	/**
	 * @return the text the 自查/互查 forms show: how to enter problems, the categories
	 */
	public String inspectionInfo(Long campaignId) {
		return "每行登记一个问题，格式：类别｜严重程度｜问题描述｜证据（可选，可填附件链接）。严重程度：一般、较重、严重。没有问题可留空。\n可选类别："
				+ this.campaigns.describeCategories(campaignId);
	}

	/**
	 * @return the problem list for 全面剖析 and the decision syntax
	 */
	public String reviewInfo(Long campaignId) {
		return "每行处理一个问题：「P001 确认」「P002 合并 P001」「P003 驳回 理由」；「其余 确认」确认所有未列出的问题。\n"
				+ this.campaigns.describeProblems(campaignId);
	}

	/**
	 * @return the snapshot summary for the analysis review
	 */
	public String snapshotInfo(Long snapshotId) {
		return this.analysis.describeSnapshot(snapshotId);
	}

	/**
	 * @return the flag text for the discipline group
	 */
	public String flagInfo(Long flagId) {
		return this.analysis.describeFlag(flagId);
	}

	/**
	 * @return systemic flags and confirmed problems, for drafting regulations
	 */
	public String regulationInfo(Long campaignId) {
		List<String> systemic = this.analysis.flags(campaignId)
			.stream()
			.filter((f) -> f.getKind() == AnalysisFlag.Kind.SYSTEMIC)
			.map(AnalysisFlag::getDetail)
			.toList();
		return "共性问题：" + (systemic.isEmpty() ? "暂无" : String.join("；", systemic)) + "\n已确认问题：\n" + this.campaigns
			.problems(campaignId)
			.stream()
			.filter((p) -> p.getStatus() == Problem.Status.CONFIRMED)
			.map((p) -> p.getLabel() + " " + this.campaigns.unitName(p.getUnitCode()) + "｜" + p.getDescription())
			.reduce((a, b) -> a + "\n" + b)
			.orElse("无");
	}

	/**
	 * @return the returned regulation's field value for the draft form, or null
	 */
	public Object returnedRegulation(Object regulationId, String field) {
		if (!(regulationId instanceof Number id)) {
			return null;
		}
		Regulation r = this.campaigns.regulation(id.longValue());
		if (r.getStatus() != Regulation.Status.RETURNED) {
			return null;
		}
		return switch (field) {
			case "title" -> r.getTitle();
			case "body" -> r.getBody();
			case "opinion" -> "党组退回意见：" + r.getLastOpinion();
			default -> String.join(",", this.campaigns.problemLabels(r.getProblemIds()));
		};
	}

	/**
	 * @return the regulation text for the party group's review
	 */
	public String regulationText(Long regulationId) {
		Regulation r = this.campaigns.regulation(regulationId);
		return r.getTitle() + "\n针对问题：" + String.join("、", this.campaigns.problemLabels(r.getProblemIds())) + "\n\n"
				+ r.getBody();
	}

	/**
	 * The {@code create} listener of multi-instance tasks whose form text depends on the
	 * element variable (input mappings run before it is set): sets the task-local
	 * {@code info}.
	 * @param task the task being created
	 */
	public void created(DelegateTask task) {
		if (CampaignProcess.TASK_DECIDE_FLAG.equals(task.getTaskDefinitionKey())) {
			task.setVariableLocal(CampaignProcess.VAR_INFO,
					flagInfo((Long) task.getVariable(CampaignProcess.VAR_FLAG_ID)));
		}
	}

	// ---------------------------------------------------------------- checks and effects

	@Override
	public boolean supports(String processDefinitionKey, String taskDefinitionKey) {
		return CampaignProcess.KEY.equals(processDefinitionKey);
	}

	@Override
	public void validate(TaskCompletion completion) {
		handle(completion.getTaskDefinitionKey(), completion::variable, false);
	}

	/**
	 * The {@code complete} listener of every campaign user task: stores what the task
	 * decided. Runs after the validators.
	 * @param task the task being completed
	 */
	public void completed(DelegateTask task) {
		Object result = handle(task.getTaskDefinitionKey(), task::getVariable, true);
		if (CampaignProcess.TASK_DRAFT_REGULATION.equals(task.getTaskDefinitionKey())) {
			task.getExecution().setVariable(CampaignProcess.VAR_REGULATION_ID, result);
		}
		else if (CampaignProcess.TASK_SUMMARY.equals(task.getTaskDefinitionKey())) {
			task.getExecution().setVariable(CampaignProcess.VAR_PHASE, result);
		}
	}

	private Object handle(String taskKey, Function<String, Object> vars, boolean store) {
		Long campaignId = (Long) vars.apply(CampaignProcess.VAR_CAMPAIGN_ID);
		switch (taskKey) {
			case CampaignProcess.TASK_STUDY_SESSION -> {
				LocalDate date = CampaignInputs.date(vars.apply(CampaignProcess.VAR_STUDY_DATE), "学习日期",
						this.campaigns.zone());
				String attendees = CampaignInputs.required(vars.apply(CampaignProcess.VAR_ATTENDEES), "参加人员", 2000);
				String materials = CampaignInputs.required(vars.apply(CampaignProcess.VAR_MATERIALS), "学习内容", 2000);
				if (date.isAfter(this.campaigns.today())) {
					throw new TaskRuleViolation("「学习日期」不能晚于今天", "the study date may not lie in the future");
				}
				if (store) {
					this.campaigns.recordStudySession(campaignId, date, attendees, materials, actor());
				}
			}
			case CampaignProcess.TASK_DRAFT_PLAN -> {
				List<String> units = CampaignInputs.codes(vars.apply(CampaignProcess.VAR_SCOPE_UNITS));
				List<String> categories = CampaignInputs.codes(vars.apply(CampaignProcess.VAR_CATEGORIES));
				PhaseDeadlines deadlines = CampaignForms.deadlines(vars, this.campaigns.zone());
				this.campaigns.checkPlan(units, categories, deadlines);
				if (store) {
					this.campaigns.submitPlan(campaignId, units, categories, deadlines);
				}
			}
			case CampaignProcess.TASK_APPROVE_PLAN -> {
				if (store) {
					this.campaigns.decidePlan(campaignId, bool(vars.apply(CampaignProcess.VAR_PLAN_APPROVED)),
							String.valueOf(vars.apply("opinion")));
				}
			}
			case CampaignProcess.TASK_SELF_INSPECTION, CampaignProcess.TASK_CROSS_INSPECTION -> {
				boolean cross = CampaignProcess.TASK_CROSS_INSPECTION.equals(taskKey);
				String inspector = cross ? (String) vars.apply(CampaignProcess.VAR_INSPECTOR_UNIT) : null;
				String unit = cross ? this.campaigns.inspectedBy(campaignId, inspector)
						: (String) vars.apply(CampaignProcess.VAR_UNIT_CODE);
				List<NewProblem> found = new ArrayList<>();
				for (CampaignInputs.ProblemLine line : CampaignInputs
					.problemLines(vars.apply(CampaignProcess.VAR_PROBLEMS))) {
					NewProblem problem = new NewProblem(unit, line.category(), line.description(), line.evidence(),
							line.severity(), cross ? Problem.Source.CROSS_INSPECTION : Problem.Source.SELF_INSPECTION,
							null, inspector);
					try {
						this.campaigns.checkProblem(campaignId, problem);
					}
					catch (TaskRuleViolation ex) {
						throw new TaskRuleViolation("第" + line.line() + "行：" + ex.getMessage(),
								"line " + line.line() + ": " + ex.getEnglishMessage());
					}
					found.add(problem);
				}
				if (store) {
					this.campaigns.registerProblems(campaignId, found);
				}
			}
			case CampaignProcess.TASK_REVIEW -> {
				List<CampaignInputs.Decision> decisions = CampaignInputs
					.decisions(vars.apply(CampaignProcess.VAR_DECISIONS));
				if (store) {
					this.campaigns.applyDecisions(campaignId, decisions, true);
				}
				else {
					this.campaigns.checkDecisions(campaignId, decisions, true);
				}
			}
			case CampaignProcess.TASK_ANALYSIS_REVIEW -> {
				String note = CampaignInputs.required(vars.apply(CampaignProcess.VAR_REVIEW_NOTE), "研判意见", 2000);
				if (store) {
					this.analysis.reviewSnapshot((Long) vars.apply(CampaignProcess.VAR_SNAPSHOT_ID), note);
				}
			}
			case CampaignProcess.TASK_DECIDE_FLAG -> {
				String note = CampaignInputs.required(vars.apply(CampaignProcess.VAR_DECISION_NOTE), "处理意见", 2000);
				if (store) {
					this.analysis.decideFlag((Long) vars.apply(CampaignProcess.VAR_FLAG_ID), note);
				}
			}
			case CampaignProcess.TASK_DRAFT_REGULATION -> {
				String title = CampaignInputs.required(vars.apply(CampaignProcess.VAR_REGULATION_TITLE), "制度名称", 200);
				String body = CampaignInputs.required(vars.apply(CampaignProcess.VAR_REGULATION_BODY), "制度内容", 20000);
				List<Integer> numbers = CampaignInputs
					.problemNumbers(vars.apply(CampaignProcess.VAR_REGULATION_PROBLEMS));
				this.campaigns.checkRegulationProblems(campaignId, numbers);
				if (store) {
					Object previous = vars.apply(CampaignProcess.VAR_REGULATION_ID);
					return this.campaigns.draftRegulation(campaignId,
							(previous instanceof Number n) ? n.longValue() : null, title, body, numbers);
				}
			}
			case CampaignProcess.TASK_REVIEW_REGULATION -> {
				if (store) {
					this.campaigns.decideRegulation((Long) vars.apply(CampaignProcess.VAR_REGULATION_ID),
							bool(vars.apply(CampaignProcess.VAR_REGULATION_APPROVED)),
							String.valueOf(vars.apply("opinion")));
				}
			}
			case CampaignProcess.TASK_SUMMARY -> {
				String summary = CampaignInputs.required(vars.apply(CampaignProcess.VAR_SUMMARY), "工作总结", 10000);
				if (store) {
					return this.campaigns.complete(campaignId, summary);
				}
			}
			default -> {
			}
		}
		return null;
	}

	private String actor() {
		return this.campaigns.actor();
	}

	static boolean bool(Object value) {
		if (value instanceof Boolean b) {
			return b;
		}
		if (value != null && "true".equalsIgnoreCase(String.valueOf(value).trim())) {
			return true;
		}
		if (value != null && "false".equalsIgnoreCase(String.valueOf(value).trim())) {
			return false;
		}
		throw new TaskRuleViolation("请选择审批结论", "the decision is missing");
	}

}
