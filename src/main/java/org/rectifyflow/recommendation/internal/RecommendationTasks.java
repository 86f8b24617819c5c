package org.rectifyflow.recommendation.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.rectifyflow.audit.AuditService;
import org.rectifyflow.kernel.Refusal;
import org.rectifyflow.organisation.OrganisationService;
import org.rectifyflow.organisation.Unit;
import org.rectifyflow.recommendation.LetterBasis;
import org.rectifyflow.recommendation.RecommendationLetter;
import org.rectifyflow.recommendation.RecommendationLetters;
import org.rectifyflow.recommendation.RecommendationProcess;
import org.rectifyflow.taskrules.ApprovalOpinionService;
import org.rectifyflow.taskrules.FormList;
import org.rectifyflow.taskrules.ProcessTasks;
import org.rectifyflow.taskrules.TaskCompletion;
import org.rectifyflow.taskrules.TaskCreation;
import org.rectifyflow.taskrules.TaskRuleViolation;

import org.springframework.stereotype.Component;

/**
 * The user tasks of {@code bpmn/recommendation.bpmn}. The approval's, the reply's and the
 * verification's inputs are local to their task (input mappings in the BPMN); the draft's
 * stay on the instance, so that a returned draft is edited rather than written again. The
 * letter a task works on is the one linked to the task's process instance, whatever
 * variables a user wrote.
 */
@Component
class RecommendationTasks implements ProcessTasks {

	private final RecommendationService recommendations;

	private final RecommendationLetters register;

	private final RecommendationLetterRepository letters;

	private final OrganisationService organisation;

	private final ApprovalOpinionService opinions;

	private final LetterBasis basis;

	RecommendationTasks(RecommendationService recommendations, RecommendationLetters register,
			RecommendationLetterRepository letters, OrganisationService organisation, ApprovalOpinionService opinions,
			LetterBasis basis) {
		this.recommendations = recommendations;
		this.register = register;
		this.letters = letters;
		this.organisation = organisation;
		this.opinions = opinions;
		this.basis = basis;
	}

	@Override
	public String processKey() {
		return RecommendationProcess.KEY;
	}

	@Override
	public void created(TaskCreation task) {
		switch (task.getTaskDefinitionKey()) {
			case RecommendationProcess.TASK_DRAFT -> {
				task.show(RecommendationProcess.VAR_OPINION,
						this.opinions.returnOpinion(task.getProcessInstanceId(), RecommendationProcess.TASK_APPROVE));
				fillDraft(task, letter(task.getProcessInstanceId()));
			}
			case RecommendationProcess.TASK_APPROVE -> {
				RecommendationLetter letter = letter(task.getProcessInstanceId());
				showLetter(task, letter);
				task.show(RecommendationProcess.VAR_BASIS_TEXT, letter.getBasis().isEmpty() ? "（未选择）"
						: String.join("\n", letter.getBasis().stream().map((b) -> "- " + b.label()).toList()));
				task.show(RecommendationProcess.VAR_LETTER_KIND_NAME,
						(letter.getKind() != null) ? letter.getKind().title() : null);
				task.show(RecommendationProcess.VAR_UNIT_NAME,
						this.organisation.findUnit(letter.getUnitCode())
							.map(Unit::getName)
							.orElse(letter.getUnitCode()));
			}
			case RecommendationProcess.TASK_REPLY -> {
				RecommendationLetter letter = letter(task.getProcessInstanceId());
				showLetter(task, letter);
				RecommendationReply last = lastReply(letter);
				task.show(RecommendationProcess.VAR_OPINION, (last != null) ? last.getVerdictReason() : null);
			}
			case RecommendationProcess.TASK_VERIFY -> {
				RecommendationLetter letter = letter(task.getProcessInstanceId());
				showLetter(task, letter);
				RecommendationReply last = lastReply(letter);
				task.show(RecommendationProcess.VAR_REPLY_MEASURES, (last != null) ? last.getMeasures() : null);
				task.show(RecommendationProcess.VAR_REPLY_EVIDENCE, (last != null) ? last.getEvidenceNote() : null);
			}
			default -> {
			}
		}
	}

	@Override
	public void validate(TaskCompletion completion) {
		switch (completion.getTaskDefinitionKey()) {
			case RecommendationProcess.TASK_DRAFT -> draft(completion);
			case RecommendationProcess.TASK_REPLY -> {
				if (completion.isBlank(RecommendationProcess.VAR_REPLY_MEASURES)) {
					throw new TaskRuleViolation("「整改措施和成效」为必填项", "replyMeasures is required");
				}
			}
			default -> {
			}
		}
	}

	@Override
	public void completed(TaskCompletion completion) {
		Long id = letter(completion.getProcessInstanceId()).getId();
		switch (completion.getTaskDefinitionKey()) {
			case RecommendationProcess.TASK_DRAFT ->
				this.recommendations.draft(id, draft(completion), actor(completion));
			case RecommendationProcess.TASK_APPROVE -> {
				boolean approved = Boolean.TRUE.equals(completion.bool(RecommendationProcess.VAR_LETTER_APPROVED));
				this.recommendations.decideApproval(id, approved);
				completion.route(RecommendationProcess.VAR_LETTER_APPROVED, approved);
			}
			case RecommendationProcess.TASK_REPLY ->
				this.recommendations.reply(id, completion.string(RecommendationProcess.VAR_REPLY_MEASURES),
						completion.string(RecommendationProcess.VAR_REPLY_EVIDENCE), actor(completion));
			case RecommendationProcess.TASK_VERIFY -> {
				boolean accepted = Boolean.TRUE.equals(completion.bool(RecommendationProcess.VAR_REPLY_ACCEPTED));
				this.recommendations.verify(id, accepted, completion.string(RecommendationProcess.VAR_OPINION));
				completion.route(RecommendationProcess.VAR_REPLY_ACCEPTED, accepted);
			}
			default -> {
			}
		}
	}

	/**
	 * The draft form: the unit and the basis chosen from options; the lists start from
	 * the letter as drafted before (after a return), or from the problems a campaign flag
	 * sent as text, or with one empty row.
	 */
	private void fillDraft(TaskCreation task, RecommendationLetter letter) {
		Map<String, String> units = new LinkedHashMap<>();
		this.organisation.activeUnits()
			.forEach((unit) -> units.put(unit.getCode(),
					unit.getName() + ((unit.getLeaderUserId() == null) ? "（未登记负责人）" : "")));
		task.options(RecommendationProcess.VAR_UNIT_OPTIONS, units);
		task.options(RecommendationProcess.VAR_BASIS_OPTIONS, this.basis.problems(letter.getCampaignId()));
		carryItems(task, RecommendationProcess.VAR_PROBLEMS, letter.getProblemItems());
		carryItems(task, RecommendationProcess.VAR_REQUIREMENTS, letter.getRequirementItems());
		List<String> chosen = letter.getBasis()
			.stream()
			.filter((b) -> b.problemId() != null)
			.map((b) -> String.valueOf(b.problemId()))
			.toList();
		if (task.variable(RecommendationProcess.VAR_BASIS_REFS) == null && !chosen.isEmpty()) {
			task.carryValues(RecommendationProcess.VAR_BASIS_REFS, chosen);
		}
	}

	private static void carryItems(TaskCreation task, String name, List<String> stored) {
		Object current = task.variable(name);
		if (current != null && FormList.isList(current)) {
			return;
		}
		List<String> items = !stored.isEmpty() ? stored
				: (current != null) ? List.of(current.toString().split("\\R")) : List.of("");
		task.carry(name, items.stream().map((item) -> Map.of(DraftInput.ITEM, item.strip())).toList());
	}

	/**
	 * What the later forms show of the letter: its problems and requirements, numbered.
	 */
	private static void showLetter(TaskCreation task, RecommendationLetter letter) {
		task.show(RecommendationProcess.VAR_PROBLEMS_TEXT, numbered(letter.getProblemItems(), letter.getProblems()));
		task.show(RecommendationProcess.VAR_REQUIREMENTS_TEXT,
				numbered(letter.getRequirementItems(), letter.getRequirements()));
	}

	private static String numbered(List<String> items, String text) {
		List<String> lines = !items.isEmpty() ? items : (text != null) ? List.of(text.split("\\R")) : List.of();
		StringBuilder numbered = new StringBuilder();
		int n = 0;
		for (String line : lines) {
			if (!line.isBlank()) {
				numbered.append(++n).append(". ").append(line.strip()).append('\n');
			}
		}
		return numbered.toString().strip();
	}

	/**
	 * The draft as submitted, parsed; the unit must be active and have a recorded leader
	 * to receive the letter.
	 */
	private DraftInput draft(TaskCompletion completion) {
		RecommendationLetter letter = letter(completion.getProcessInstanceId());
		DraftInput draft = DraftInput.parse(completion.string(RecommendationProcess.VAR_LETTER_KIND),
				completion.string(RecommendationProcess.VAR_UNIT_CODE),
				completion.variable(RecommendationProcess.VAR_PROBLEMS),
				completion.variable(RecommendationProcess.VAR_BASIS_REFS),
				completion.variable(RecommendationProcess.VAR_REQUIREMENTS),
				completion.variable(RecommendationProcess.VAR_REPLY_WORKING_DAYS),
				this.recommendations.defaultReplyWorkingDays(), this.basis.problems(letter.getCampaignId()));
		Unit unit = this.organisation.findUnit(draft.unitCode())
			.filter(Unit::isActive)
			.orElseThrow(() -> new TaskRuleViolation("单位不存在或已停用：" + draft.unitCode(),
					"unknown or inactive unit " + draft.unitCode()));
		if (unit.getLeaderUserId() == null) {
			throw new TaskRuleViolation("单位「" + unit.getName() + "」未登记负责人，建议书无法送达",
					"unit " + unit.getCode() + " has no recorded leader");
		}
		return draft;
	}

	private RecommendationLetter letter(String processInstanceId) {
		return this.letters.findByProcessInstanceId(processInstanceId)
			.orElseThrow(() -> Refusal.conflict("本流程没有对应的建议书",
					"no letter is linked to process instance " + processInstanceId));
	}

	private RecommendationReply lastReply(RecommendationLetter letter) {
		List<RecommendationReply> replies = this.register.replies(letter.getId());
		return replies.isEmpty() ? null : replies.get(replies.size() - 1);
	}

	/** Who completed the task: the user, or the task's assignee for system calls. */
	private static String actor(TaskCompletion completion) {
		return (AuditService.SYSTEM.equals(completion.getUserId()) && completion.getAssignee() != null)
				? completion.getAssignee() : completion.getUserId();
	}

}
