package org.rectifyflow.campaign.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.rectifyflow.campaign.AnalysisFlag;
import org.rectifyflow.campaign.BasisDocument;
import org.rectifyflow.campaign.Campaign;
import org.rectifyflow.campaign.CampaignAnalysis;
import org.rectifyflow.campaign.CampaignPlan;
import org.rectifyflow.campaign.CampaignService;
import org.rectifyflow.campaign.PhaseDeadlines;
import org.rectifyflow.campaign.Problem;
import org.rectifyflow.campaign.ProblemCategory;
import org.rectifyflow.campaign.Regulation;
import org.rectifyflow.kernel.Refusal;
import org.rectifyflow.taskrules.FormList;
import org.rectifyflow.taskrules.TaskCreation;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the forms of {@code campaign.bpmn}'s user tasks show when a task is created: the
 * explanatory text ({@code info}) as task-local variables, filled by
 * {@link CampaignTasks#created}, and the defaults of editable fields, which input
 * mappings put on the task's execution so that the submitted values replace them (a
 * task-local default would hide a value submitted through the engine's Java API).
 */
@Component("campaignTaskForms")
@Transactional(readOnly = true)
public class CampaignTaskForms {

	private final CampaignService register;

	private final CampaignAnalysis analysis;

	private final CrossInspection crossInspection;

	CampaignTaskForms(CampaignService register, CampaignAnalysis analysis, CrossInspection crossInspection) {
		this.register = register;
		this.analysis = analysis;
		this.crossInspection = crossInspection;
	}

	/**
	 * Fills the form of a task being created.
	 * @param task the task
	 * @param campaign the campaign of the task's process instance
	 */
	void fill(TaskCreation task, Campaign campaign) {
		Long campaignId = campaign.getId();
		switch (task.getTaskDefinitionKey()) {
			case CampaignProcess.TASK_DRAFT_PLAN -> {
				task.show(CampaignProcess.VAR_INFO, planDraftInfo(this.register.plan(campaignId)));
				task.options(CampaignProcess.VAR_UNIT_OPTIONS, this.register.unitNames());
				task.options(CampaignProcess.VAR_CATEGORY_PLAN_OPTIONS, allCategoryOptions());
			}
			case CampaignProcess.TASK_STUDY_SESSION -> task.options(CampaignProcess.VAR_ATTENDEE_OPTIONS, people());
			case CampaignProcess.TASK_APPROVE_PLAN -> task.show(CampaignProcess.VAR_INFO, planInfo(campaign));
			case CampaignProcess.TASK_SELF_INSPECTION, CampaignProcess.TASK_CROSS_INSPECTION ->
				fillInspection(task, campaignId);
			case CampaignProcess.TASK_REVIEW -> fillReview(task, campaignId);
			case CampaignProcess.TASK_ANALYSIS_REVIEW -> task.show(CampaignProcess.VAR_INFO,
					this.analysis.describeSnapshot((Long) task.variable(CampaignProcess.VAR_SNAPSHOT_ID)));
			case CampaignProcess.TASK_DECIDE_FLAG -> {
				task.show(CampaignProcess.VAR_INFO,
						this.analysis.describeFlag((Long) task.variable(CampaignProcess.VAR_FLAG_ID)));
				Map<String, String> scope = new LinkedHashMap<>();
				this.register.scopeUnits(campaignId).forEach((code) -> scope.put(code, this.register.unitName(code)));
				task.options(CampaignProcess.VAR_UNIT_OPTIONS, scope);
			}
			case CampaignProcess.TASK_DRAFT_REGULATION -> {
				task.show(CampaignProcess.VAR_INFO, regulationInfo(campaignId));
				task.options(CampaignProcess.VAR_REGULATION_PROBLEM_OPTIONS, confirmedProblems(campaignId));
				returned(campaignId)
					.ifPresent((r) -> task.show(CampaignProcess.VAR_RETURN_OPINION, "党组退回意见：" + r.getLastOpinion()));
			}
			case CampaignProcess.TASK_REVIEW_REGULATION -> {
				Regulation r = this.register.regulation((Long) task.variable(CampaignProcess.VAR_REGULATION_ID));
				task.show(CampaignProcess.VAR_INFO, r.getTitle() + "\n针对问题："
						+ String.join("、", this.register.problemLabels(r.getProblemIds())) + "\n\n" + r.getBody());
			}
			default -> {
			}
		}
	}

	/**
	 * The 自查/互查 form: a list of problems, each with a category and a severity chosen from
	 * the campaign's options; 互查 also shows the inspected unit's own list. A list saved
	 * earlier (「保存」) is kept on the task and shown again.
	 */
	private void fillInspection(TaskCreation task, Long campaignId) {
		boolean cross = CampaignProcess.TASK_CROSS_INSPECTION.equals(task.getTaskDefinitionKey());
		task.show(CampaignProcess.VAR_INFO, "逐条登记查摆出的问题：点「添加」增加一条，选择问题类别和严重程度，填写问题描述，证据可选。没有问题可不添加。"
				+ (cross ? "下方列出被检查单位自查已登记的问题，请勿重复登记。" : "") + "尚未填完可点「保存」，下次打开本任务继续填写。");
		task.options(CampaignProcess.VAR_CATEGORY_OPTIONS, categoryOptions(campaignId));
		task.options(CampaignProcess.VAR_SEVERITY_OPTIONS, severityOptions());
		if (task.variable(CampaignProcess.VAR_PROBLEMS) == null) {
			task.carry(CampaignProcess.VAR_PROBLEMS, List.of());
		}
		if (cross) {
			String inspected = this.crossInspection.inspectedBy(campaignId,
					(String) task.variable(CampaignProcess.VAR_INSPECTOR_UNIT));
			List<Map<String, String>> own = this.register.problemsOfUnits(campaignId, List.of(inspected))
				.stream()
				.filter((p) -> p.getSource() == Problem.Source.SELF_INSPECTION)
				.map((p) -> Map.of("category", this.register.category(p.getCategoryCode()).getName(), "severity",
						p.getSeverity().label(), "description", p.getDescription()))
				.toList();
			task.show(CampaignProcess.VAR_OWN_PROBLEMS, FormList.json(own));
		}
	}

	/**
	 * The 全面剖析 form: one row per problem awaiting review, 「确认」 chosen; a merge target is
	 * chosen among the campaign's other problems.
	 */
	private void fillReview(TaskCreation task, Long campaignId) {
		task.options(CampaignProcess.VAR_DECISION_OPTIONS, reviewActions());
		List<Problem> problems = this.register.problems(campaignId);
		Map<String, String> targets = new LinkedHashMap<>();
		problems.stream()
			.filter((p) -> p.getStatus() == Problem.Status.REGISTERED || p.getStatus() == Problem.Status.CONFIRMED)
			.forEach((p) -> targets.put(p.getLabel(), p.getLabel() + " " + this.register.unitName(p.getUnitCode()) + "："
					+ abbreviated(p.getDescription(), 30)));
		task.options(CampaignProcess.VAR_PROBLEM_OPTIONS, targets);
		if (task.variable(CampaignProcess.VAR_DECISIONS) == null) {
			task.carry(CampaignProcess.VAR_DECISIONS,
					problems.stream()
						.filter((p) -> p.getStatus() == Problem.Status.REGISTERED)
						.map((p) -> Map.of("problem", p.getLabel(), "summary", describe(p), "decision",
								CampaignInputs.Decision.Action.CONFIRM.name()))
						.toList());
		}
	}

	/**
	 * The people of the organisation's active units, as a study session's attendees are
	 * chosen among them.
	 * @return 「孙晓明（办公室）」 by user id, unit by unit
	 */
	Map<String, String> people() {
		Map<String, String> people = new LinkedHashMap<>();
		for (String unit : this.register.unitNames().keySet()) {
			for (String userId : this.register.staffOf(unit)) {
				people.computeIfAbsent(userId, this.register::personLabel);
			}
		}
		return people;
	}

	/**
	 * The confirmed problems of a campaign, as a regulation names those it answers.
	 * @param campaignId the campaign
	 * @return 「P003 第一处：会议过多…」 by problem label
	 */
	Map<String, String> confirmedProblems(Long campaignId) {
		Map<String, String> problems = new LinkedHashMap<>();
		this.register.problems(campaignId)
			.stream()
			.filter((p) -> p.getStatus() == Problem.Status.CONFIRMED)
			.forEach((p) -> problems.put(p.getLabel(), p.getLabel() + " " + this.register.unitName(p.getUnitCode())
					+ "：" + abbreviated(p.getDescription(), 40)));
		return problems;
	}

	/**
	 * @return the decisions of 全面剖析, labelled in Chinese
	 */
	static Map<String, String> reviewActions() {
		Map<String, String> actions = new LinkedHashMap<>();
		actions.put(CampaignInputs.Decision.Action.CONFIRM.name(), "确认");
		actions.put(CampaignInputs.Decision.Action.MERGE.name(), "合并到其他问题");
		actions.put(CampaignInputs.Decision.Action.REJECT.name(), "驳回");
		return actions;
	}

	private String describe(Problem p) {
		return this.register.unitName(p.getUnitCode()) + "，" + this.register.category(p.getCategoryCode()).getName()
				+ "，" + p.getSeverity().label() + "：" + p.getDescription() + ((p.getInspectedByUnit() != null)
						? "（互查：" + this.register.unitName(p.getInspectedByUnit()) + "）" : "");
	}

	private static String abbreviated(String text, int length) {
		return (text.codePointCount(0, text.length()) <= length) ? text
				: text.substring(0, text.offsetByCodePoints(0, length)) + "…";
	}

	/**
	 * The categories a problem of the campaign may have: those of its plan's taxonomy, by
	 * code, labelled with their Chinese names (a kind with its aspect: 「作风建设／会议过多」).
	 * @param campaignId the campaign
	 * @return labels by category code, in the taxonomy's order
	 */
	Map<String, String> categoryOptions(Long campaignId) {
		CampaignPlan plan = this.register.plan(campaignId);
		Map<String, String> options = new LinkedHashMap<>();
		for (ProblemCategory category : this.register.categories()) {
			ProblemCategory top = this.register.topLevel(category);
			if (plan.inTaxonomy(category, top)) {
				options.put(category.getCode(), (top.getId().equals(category.getId())) ? category.getName()
						: top.getName() + "／" + category.getName());
			}
		}
		return options;
	}

	/**
	 * @return the severities' Chinese labels by name
	 */
	static Map<String, String> severityOptions() {
		Map<String, String> options = new LinkedHashMap<>();
		for (Problem.Severity severity : Problem.Severity.values()) {
			options.put(severity.name(), severity.label());
		}
		return options;
	}

	private String planDraftInfo(CampaignPlan plan) {
		StringBuilder text = new StringBuilder("勾选本次整治的单位和问题类别，填写各阶段期限。");
		if (plan.getLastOpinion() != null) {
			text.append("\n党组退回意见：").append(plan.getLastOpinion());
		}
		return text.toString();
	}

	/**
	 * Every category a plan may name: the aspects and their kinds, labelled in Chinese.
	 */
	private Map<String, String> allCategoryOptions() {
		Map<String, String> options = new LinkedHashMap<>();
		for (ProblemCategory category : this.register.categories()) {
			ProblemCategory top = this.register.topLevel(category);
			options.put(category.getCode(), (top.getId().equals(category.getId())) ? category.getName()
					: top.getName() + "／" + category.getName());
		}
		return options;
	}

	private String planInfo(Campaign campaign) {
		CampaignPlan plan = this.register.plan(campaign.getId());
		PhaseDeadlines d = plan.getDeadlines();
		return campaign.getCode() + " " + campaign.getTitle() + "（第 " + plan.getRevision() + " 稿）\n文件依据："
				+ String.join("；", campaign.getBasisDocuments().stream().map(BasisDocument::toString).toList())
				+ "\n整治范围：" + String.join("、", plan.getScopeUnits().stream().map(this.register::unitName).toList())
				+ "\n问题类别：" + describeCategories(campaign.getId()) + "\n阶段期限：自查 " + d.selfInspection() + "，互查 "
				+ d.crossInspection() + "，全面剖析 " + d.review() + "，问题整改 " + d.rectification() + "，建章立制 "
				+ d.regulation();
	}

	private String regulationInfo(Long campaignId) {
		List<String> systemic = this.analysis.flags(campaignId)
			.stream()
			.filter((f) -> f.getKind() == AnalysisFlag.Kind.SYSTEMIC)
			.map(AnalysisFlag::getDetail)
			.toList();
		return "共性问题：" + (systemic.isEmpty() ? "暂无" : String.join("；", systemic)) + "\n已确认问题：\n"
				+ this.register.problems(campaignId)
					.stream()
					.filter((p) -> p.getStatus() == Problem.Status.CONFIRMED)
					.map((p) -> p.getLabel() + " " + this.register.unitName(p.getUnitCode()) + "｜" + p.getDescription())
					.reduce((a, b) -> a + "\n" + b)
					.orElse("无");
	}

	/**
	 * The default of an editable field of the plan form: the plan as it stands. Called by
	 * an input mapping of {@code Task_DraftPlan}, so that the submitted value replaces
	 * it.
	 * @param businessKey the campaign code (the process instance's business key)
	 * @param field {@code scopeUnits}, {@code categories} or a phase deadline name
	 * ({@code SELF_INSPECTION}, ...)
	 * @return the value the form starts with (the checked units and categories as a list)
	 */
	public Object planDefault(String businessKey, String field) {
		CampaignPlan plan = this.register.plan(campaign(businessKey).getId());
		return switch (field) {
			case CampaignProcess.VAR_SCOPE_UNITS -> FormList.values(plan.getScopeUnits());
			case CampaignProcess.VAR_CATEGORIES -> FormList.values(plan.getCategories());
			default -> plan.getDeadlines().of(field).toString();
		};
	}

	/**
	 * What the summary form starts with: the summary as written so far (through the
	 * report narrative API, or a summary task that was taken back). Called by an input
	 * mapping of {@code Task_CampaignSummary}.
	 * @param businessKey the campaign code (the process instance's business key)
	 * @return the summary, or {@code null}
	 */
	public String summaryDefault(String businessKey) {
		return campaign(businessKey).getSummary();
	}

	/**
	 * The default of an editable field of the regulation form: the campaign's returned
	 * draft, if there is one. Called by input mappings of {@code Task_DraftRegulation}.
	 * @param businessKey the campaign code (the process instance's business key)
	 * @param field {@code regulationTitle}, {@code regulationBody} or
	 * {@code regulationProblems}
	 * @return the returned draft's value (the problems as the taglist's values), or
	 * {@code null}
	 */
	public Object regulationDefault(String businessKey, String field) {
		return returned(campaign(businessKey).getId()).map((r) -> switch (field) {
			case CampaignProcess.VAR_REGULATION_TITLE -> r.getTitle();
			case CampaignProcess.VAR_REGULATION_BODY -> r.getBody();
			default -> FormList.values(this.register.problemLabels(r.getProblemIds()));
		}).orElse(null);
	}

	private Optional<Regulation> returned(Long campaignId) {
		return this.register.regulations(campaignId)
			.stream()
			.filter((r) -> r.getStatus() == Regulation.Status.RETURNED)
			.findFirst();
	}

	private Campaign campaign(String businessKey) {
		return this.register.findByCode(businessKey)
			.orElseThrow(() -> Refusal.notFound("专项整治不存在", "no campaign with code " + businessKey));
	}

	private String describeCategories(Long campaignId) {
		CampaignPlan plan = this.register.plan(campaignId);
		return this.register.categories()
			.stream()
			.filter((c) -> plan.inTaxonomy(c, this.register.topLevel(c)))
			.map((c) -> c.getCode() + " " + c.getName())
			.collect(Collectors.joining("；"));
	}

}
