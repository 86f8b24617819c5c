package org.rectifyflow.recommendation;

import java.util.Set;

import org.rectifyflow.organisation.OrganisationService;
import org.rectifyflow.organisation.Unit;
import org.rectifyflow.taskrules.TaskCompletion;
import org.rectifyflow.taskrules.TaskCompletionValidator;
import org.rectifyflow.taskrules.TaskRuleViolation;

import org.springframework.stereotype.Component;

/**
 * The rules of the draft (kind, a known active unit with a recorded leader, texts, reply
 * deadline) and of the reply (measures required), checked inside the engine.
 */
@Component
class RecommendationTaskValidator implements TaskCompletionValidator {

	private static final Set<String> TASKS = Set.of(RecommendationProcess.TASK_DRAFT, RecommendationProcess.TASK_REPLY);

	private final OrganisationService organisation;

	RecommendationTaskValidator(OrganisationService organisation) {
		this.organisation = organisation;
	}

	@Override
	public boolean supports(String processDefinitionKey, String taskDefinitionKey) {
		return RecommendationProcess.KEY.equals(processDefinitionKey) && TASKS.contains(taskDefinitionKey);
	}

	@Override
	public void validate(TaskCompletion completion) {
		if (RecommendationProcess.TASK_REPLY.equals(completion.getTaskDefinitionKey())) {
			String measures = completion.string(RecommendationProcess.VAR_REPLY_MEASURES);
			if (measures == null || measures.isBlank()) {
				throw new TaskRuleViolation("「整改措施和成效」为必填项", "replyMeasures is required");
			}
			return;
		}
		RecommendationService.DraftInput draft = RecommendationService.DraftInput.parse(
				completion.string(RecommendationProcess.VAR_LETTER_KIND),
				completion.string(RecommendationProcess.VAR_UNIT_CODE),
				completion.string(RecommendationProcess.VAR_PROBLEMS),
				completion.string(RecommendationProcess.VAR_BASIS_REFS),
				completion.string(RecommendationProcess.VAR_REQUIREMENTS),
				completion.variable(RecommendationProcess.VAR_REPLY_WORKING_DAYS), 30);
		Unit unit = this.organisation.findUnit(draft.unitCode())
			.filter(Unit::isActive)
			.orElseThrow(() -> new TaskRuleViolation("单位不存在或已停用：" + draft.unitCode(),
					"unknown or inactive unit " + draft.unitCode()));
		if (unit.getLeaderUserId() == null) {
			throw new TaskRuleViolation("单位「" + unit.getName() + "」未登记负责人，建议书无法送达",
					"unit " + unit.getCode() + " has no recorded leader");
		}
	}

}
