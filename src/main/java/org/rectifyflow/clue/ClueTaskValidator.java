package org.rectifyflow.clue;

import java.util.Set;

import org.rectifyflow.taskrules.TaskCompletion;
import org.rectifyflow.taskrules.TaskCompletionValidator;
import org.rectifyflow.taskrules.TaskRuleViolation;

import org.springframework.stereotype.Component;

/**
 * Checks the answers of the clue process's user tasks inside the engine, so that Tasklist
 * and the engine REST API cannot bypass them.
 */
@Component
class ClueTaskValidator implements TaskCompletionValidator {

	private static final Set<String> TASKS = Set.of(ClueProcess.TASK_REGISTER, ClueProcess.TASK_SET_DEADLINE,
			ClueProcess.TASK_DISPOSE, ClueProcess.TASK_HANDLING_OPINION);

	private final ClueService clueService;

	private final ClueProperties properties;

	ClueTaskValidator(ClueService clueService, ClueProperties properties) {
		this.clueService = clueService;
		this.properties = properties;
	}

	@Override
	public boolean supports(String processDefinitionKey, String taskDefinitionKey) {
		return ClueProcess.KEY.equals(processDefinitionKey) && TASKS.contains(taskDefinitionKey);
	}

	@Override
	public void validate(TaskCompletion completion) {
		switch (completion.getTaskDefinitionKey()) {
			case ClueProcess.TASK_REGISTER -> register(completion);
			case ClueProcess.TASK_SET_DEADLINE -> deadline(completion);
			case ClueProcess.TASK_DISPOSE -> dispose(completion);
			case ClueProcess.TASK_HANDLING_OPINION ->
				enumValue(completion, ClueProcess.VAR_HANDLING_OUTCOME, HandlingOutcome.class, "处理意见");
			default -> {
			}
		}
	}

	private void register(TaskCompletion completion) {
		ClueProcess.RegistrationDecision decision = enumValue(completion, ClueProcess.VAR_REGISTRATION_DECISION,
				ClueProcess.RegistrationDecision.class, "受理意见");
		switch (decision) {
			case DUPLICATE -> {
				String other = completion.string(ClueProcess.VAR_DUPLICATE_OF);
				if (other == null || other.isBlank()) {
					throw new TaskRuleViolation("请填写重复的线索编号", "duplicateOf is required");
				}
				if (other.strip().equals(completion.getBusinessKey())
						|| this.clueService.findByNumber(other.strip()).isEmpty()) {
					throw new TaskRuleViolation("重复的线索编号“" + other.strip() + "”不存在", "duplicateOf is not another clue");
				}
				requireReason(completion);
			}
			case TRANSFER -> {
				if (completion.isBlank(ClueProcess.VAR_TRANSFER_BODY)) {
					throw new TaskRuleViolation("请填写接收线索的机关", "transferBody is required");
				}
				requireLength(completion, ClueProcess.VAR_TRANSFER_BODY, 200, "接收机关");
				requireReason(completion);
			}
			case DECLINE -> requireReason(completion);
			case ACCEPT -> {
				for (String name : new String[] { ClueProcess.VAR_CLEAR, ClueProcess.VAR_TARGETED,
						ClueProcess.VAR_SPECIFIC, ClueProcess.VAR_QUICK }) {
					if (completion.bool(name) == null) {
						throw new TaskRuleViolation("受理时请回答全部研判问题（线索是否清晰、指向是否明确、问题是否具体、能否短期查清）",
								name + " must be true or false");
					}
				}
			}
		}
	}

	private void requireReason(TaskCompletion completion) {
		if (completion.isBlank(ClueProcess.VAR_DECISION_REASON)) {
			throw new TaskRuleViolation("请填写理由", "decisionReason is required");
		}
		requireLength(completion, ClueProcess.VAR_DECISION_REASON, 2000, "理由");
	}

	private static void requireLength(TaskCompletion completion, String name, int max, String label) {
		String value = completion.string(name);
		if (value != null && value.codePointCount(0, value.length()) > max) {
			throw new TaskRuleViolation("「" + label + "」不能超过" + max + "个字", name + " is too long");
		}
	}

	private void deadline(TaskCompletion completion) {
		Object value = completion.variable(InvestigationDeadlineDelegate.VAR_STANDARD_WORKING_DAYS);
		int max = this.properties.standardMaxWorkingDays();
		Integer days = null;
		if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
			days = n.intValue();
		}
		else if (value instanceof String s && s.strip().matches("\\d{1,4}")) {
			days = Integer.valueOf(s.strip());
		}
		if (days == null || days < 1 || days > max) {
			throw new TaskRuleViolation("办结期限应为1至" + max + "个工作日", "standardWorkingDays must be 1.." + max);
		}
	}

	private void dispose(TaskCompletion completion) {
		DisposalMethod method = enumValue(completion, ClueProcess.VAR_DISPOSAL, DisposalMethod.class, "处置方式");
		if (method.approvalRequired() && completion.isBlank(ClueProcess.VAR_DISPOSAL_REASON)) {
			throw new TaskRuleViolation("选择“" + method.label() + "”时请填写理由", "disposalReason is required");
		}
		requireLength(completion, ClueProcess.VAR_DISPOSAL_REASON, 2000, "理由");
	}

	private static <E extends Enum<E>> E enumValue(TaskCompletion completion, String name, Class<E> type,
			String label) {
		String value = completion.string(name);
		if (value == null || value.isBlank()) {
			throw new TaskRuleViolation("请选择" + label, name + " is required");
		}
		try {
			return Enum.valueOf(type, value.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new TaskRuleViolation(label + "无效：" + value, "unknown " + name + ": " + value);
		}
	}

}
