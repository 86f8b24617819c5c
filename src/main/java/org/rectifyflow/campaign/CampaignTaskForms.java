package org.rectifyflow.campaign;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.rectifyflow.kernel.Refusal;
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

	CampaignTaskForms(CampaignService register, CampaignAnalysis analysis) {
		this.register = register;
		this.analysis = analysis;
	}

	/**
	 * Fills the form of a task being created.
	 * @param task the task
	 * @param campaign the campaign of the task's process instance
	 */
	void fill(TaskCreation task, Campaign campaign) {
		Long campaignId = campaign.getId();
		switch (task.getTaskDefinitionKey()) {
			case CampaignProcess.TASK_DRAFT_PLAN ->
				task.show(CampaignProcess.VAR_INFO, planDraftInfo(this.register.plan(campaignId)));
			case CampaignProcess.TASK_APPROVE_PLAN -> task.show(CampaignProcess.VAR_INFO, planInfo(campaign));
			case CampaignProcess.TASK_SELF_INSPECTION,
					CampaignProcess.TASK_CROSS_INSPECTION ->
				task.show(CampaignProcess.VAR_INFO,
						"每行登记一个问题，格式：类别｜严重程度｜问题描述｜证据（可选，可填附件链接）。严重程度：一般、较重、严重。没有问题可留空。\n可选类别："
								+ describeCategories(campaignId));
			case CampaignProcess.TASK_REVIEW -> task.show(CampaignProcess.VAR_INFO,
					"每行处理一个问题：「P001 确认」「P002 合并 P001」「P003 驳回 理由」；「其余 确认」确认所有未列出的问题。\n" + describeProblems(campaignId));
			case CampaignProcess.TASK_ANALYSIS_REVIEW -> task.show(CampaignProcess.VAR_INFO,
					this.analysis.describeSnapshot((Long) task.variable(CampaignProcess.VAR_SNAPSHOT_ID)));
			case CampaignProcess.TASK_DECIDE_FLAG -> task.show(CampaignProcess.VAR_INFO,
					this.analysis.describeFlag((Long) task.variable(CampaignProcess.VAR_FLAG_ID)));
			case CampaignProcess.TASK_DRAFT_REGULATION -> {
				task.show(CampaignProcess.VAR_INFO, regulationInfo(campaignId));
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

	private String planDraftInfo(CampaignPlan plan) {
		StringBuilder text = new StringBuilder("可选单位：");
		text.append(String.join("；", this.register.unitsAvailable()));
		text.append("\n问题类别：")
			.append(String.join("；",
					this.register.categories().stream().map((c) -> c.getCode() + " " + c.getName()).toList()));
		if (plan.getLastOpinion() != null) {
			text.append("\n党组退回意见：").append(plan.getLastOpinion());
		}
		return text.toString();
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
	 * @return the value the form starts with
	 */
	public String planDefault(String businessKey, String field) {
		CampaignPlan plan = this.register.plan(campaign(businessKey).getId());
		return switch (field) {
			case CampaignProcess.VAR_SCOPE_UNITS -> CampaignInputs.joined(plan.getScopeUnits());
			case CampaignProcess.VAR_CATEGORIES -> CampaignInputs.joined(plan.getCategories());
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
	 * @return the returned draft's value, or {@code null}
	 */
	public String regulationDefault(String businessKey, String field) {
		return returned(campaign(businessKey).getId()).map((r) -> switch (field) {
			case CampaignProcess.VAR_REGULATION_TITLE -> r.getTitle();
			case CampaignProcess.VAR_REGULATION_BODY -> r.getBody();
			default -> String.join(",", this.register.problemLabels(r.getProblemIds()));
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

	private String describeProblems(Long campaignId) {
		return this.register.problems(campaignId)
			.stream()
			.map((p) -> p.getLabel() + "［" + p.getStatus().label() + "］" + this.register.unitName(p.getUnitCode()) + "｜"
					+ this.register.category(p.getCategoryCode()).getName() + "｜" + p.getSeverity().label() + "｜"
					+ p.getDescription()
					+ ((p.getInspectedByUnit() != null) ? "（互查：" + this.register.unitName(p.getInspectedByUnit()) + "）"
							: ""))
			.collect(Collectors.joining("\n"));
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
