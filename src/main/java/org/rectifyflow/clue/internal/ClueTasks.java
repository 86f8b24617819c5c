package org.rectifyflow.clue.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.rectifyflow.clue.Clue;
import org.rectifyflow.clue.ClueProcess;
import org.rectifyflow.clue.ClueRegister;
import org.rectifyflow.clue.DisposalMethod;
import org.rectifyflow.clue.Route;
import org.rectifyflow.clue.TriageAnswers;
import org.rectifyflow.kernel.Dates;
import org.rectifyflow.clue.ClueProcess.RegistrationDecision;
import org.rectifyflow.taskrules.ProcessTasks;
import org.rectifyflow.taskrules.TaskCompletion;
import org.rectifyflow.taskrules.TaskCreation;
import org.rectifyflow.taskrules.TaskRuleViolation;

import org.springframework.stereotype.Component;

/**
 * The user tasks of {@code clue.bpmn}: what the approval forms show, the checks of every
 * completion, and what a completion stores. The clue is found by the process instance's
 * business key (its number); the form inputs are stored in the clue's records through
 * {@link ClueSteps} and {@link ClueExtensions}, and only the routing flags the next
 * gateway reads are set on the process instance.
 */
@Component("clueTasks")
class ClueTasks implements ProcessTasks {

	/** The most clues the registration form offers as the one a clue repeats. */
	static final int MAX_DUPLICATE_OPTIONS = 200;

	private final ClueRegister register;

	private final ClueSteps steps;

	private final ClueExtensions extensions;

	private final HandlingOpinionRepository opinions;

	private final ClueProperties properties;

	ClueTasks(ClueRegister register, ClueSteps steps, ClueExtensions extensions, HandlingOpinionRepository opinions,
			ClueProperties properties) {
		this.register = register;
		this.steps = steps;
		this.extensions = extensions;
		this.opinions = opinions;
		this.properties = properties;
	}

	@Override
	public String processKey() {
		return ClueProcess.KEY;
	}

	@Override
	public void created(TaskCreation task) {
		if (ClueProcess.TASK_REGISTER.equals(task.getTaskDefinitionKey())) {
			task.options(ClueProcess.VAR_DUPLICATE_OPTIONS, duplicateOptions(task.getBusinessKey()));
		}
		if (ClueProcess.TASK_DISPOSE.equals(task.getTaskDefinitionKey())) {
			task.show(ClueProcess.VAR_ROUTE_NAME,
					label(Route.class, task.variable(ClueProcess.VAR_ROUTE), Route::label));
			task.show(ClueProcess.VAR_SUGGESTED_DISPOSAL_NAME, label(DisposalMethod.class,
					task.variable(ClueProcess.VAR_SUGGESTED_DISPOSAL), DisposalMethod::label));
		}
		if (ClueProcess.TASK_APPROVE_DISPOSAL.equals(task.getTaskDefinitionKey())) {
			task.show(ClueProcess.VAR_DISPOSAL_NAME,
					label(DisposalMethod.class, task.variable(ClueProcess.VAR_DISPOSAL), DisposalMethod::label));
		}
		if (ClueProcess.TASK_APPROVE_OPINION.equals(task.getTaskDefinitionKey())) {
			// The approver reads the proposal as recorded, the outcome in Chinese
			this.opinions.findFirstByClueIdOrderByIdDesc(clueOf(task.getBusinessKey()).getId()).ifPresent((o) -> {
				task.show(ClueProcess.VAR_HANDLING_OUTCOME_NAME, o.getOutcome().label());
				task.show(ClueProcess.VAR_HANDLING_OPINION, o.getText());
			});
		}
	}

	/**
	 * An enum value a variable holds, by its Chinese label; 「—」 when absent or unknown.
	 */
	private static <E extends Enum<E>> String label(Class<E> type, Object value,
			java.util.function.Function<E, String> label) {
		if (value == null) {
			return "—";
		}
		try {
			return label.apply(Enum.valueOf(type, value.toString().strip()));
		}
		catch (IllegalArgumentException ex) {
			return "—";
		}
	}

	/**
	 * The clues a new clue may repeat, newest first, each in words: when it came in and
	 * what it says, its number last (the number the registrar knows it by).
	 */
	private Map<String, String> duplicateOptions(String number) {
		Map<String, String> options = new LinkedHashMap<>();
		for (DuplicateCandidate clue : this.register.newestExcept(number, MAX_DUPLICATE_OPTIONS)) {
			String description = clue.description();
			if (description.codePointCount(0, description.length()) > 30) {
				description = description.substring(0, description.offsetByCodePoints(0, 30)) + "…";
			}
			options.put(clue.number(),
					Dates.chinese(clue.receivedAt()) + "收到：" + description + "（" + clue.number() + "）");
		}
		return options;
	}

	@Override
	public void validate(TaskCompletion completion) {
		switch (completion.getTaskDefinitionKey()) {
			case ClueProcess.TASK_REGISTER -> validateRegistration(completion);
			case ClueProcess.TASK_SET_DEADLINE -> workingDays(completion);
			case ClueProcess.TASK_DISPOSE -> disposal(completion);
			case ClueProcess.TASK_HANDLING_OPINION ->
				enumValue(completion, ClueProcess.VAR_HANDLING_OUTCOME, HandlingOutcome.class, "处理意见");
			default -> {
			}
		}
	}

	@Override
	public void completed(TaskCompletion completion) {
		Long clueId = clueOf(completion.getBusinessKey()).getId();
		String user = completion.getUserId();
		switch (completion.getTaskDefinitionKey()) {
			case ClueProcess.TASK_REGISTER -> {
				RegistrationDecision decision = enumValue(completion, ClueProcess.VAR_REGISTRATION_DECISION,
						RegistrationDecision.class, "受理意见");
				TriageAnswers answers = (decision != RegistrationDecision.ACCEPT) ? null
						: new TriageAnswers(completion.bool(ClueProcess.VAR_CLEAR),
								completion.bool(ClueProcess.VAR_TARGETED), completion.bool(ClueProcess.VAR_SPECIFIC),
								completion.bool(ClueProcess.VAR_QUICK));
				this.steps.recordRegistration(clueId,
						(decision == RegistrationDecision.DUPLICATE) ? text(completion, ClueProcess.VAR_DUPLICATE_OF)
								: null,
						(decision == RegistrationDecision.TRANSFER) ? text(completion, ClueProcess.VAR_TRANSFER_BODY)
								: null,
						(decision != RegistrationDecision.ACCEPT) ? text(completion, ClueProcess.VAR_DECISION_REASON)
								: null,
						answers);
				completion.route(ClueProcess.VAR_REGISTRATION_DECISION, decision.name());
			}
			case ClueProcess.TASK_SET_DEADLINE ->
				this.steps.setInvestigationWorkingDays(clueId, workingDays(completion));
			case ClueProcess.TASK_DISPOSE -> {
				DisposalMethod method = disposal(completion);
				this.steps.proposeDisposal(clueId, method, text(completion, ClueProcess.VAR_DISPOSAL_REASON), user);
				completion.route(ClueProcess.VAR_DISPOSAL, method.name());
				completion.route(ClueProcess.VAR_DISPOSAL_NEEDS_APPROVAL, method.approvalRequired());
			}
			case ClueProcess.TASK_APPROVE_DISPOSAL -> {
				boolean approved = approved(completion, ClueProcess.VAR_DISPOSAL_APPROVED);
				DisposalMethod method = this.steps.decideDisposal(clueId, approved, user);
				completion.route(ClueProcess.VAR_DISPOSAL_APPROVED, approved);
				completion.route(ClueProcess.VAR_DISPOSAL, method.name());
			}
			case ClueProcess.TASK_HANDLING_OPINION -> this.steps.proposeOpinion(clueId,
					enumValue(completion, ClueProcess.VAR_HANDLING_OUTCOME, HandlingOutcome.class, "处理意见"),
					text(completion, ClueProcess.VAR_HANDLING_OPINION), user);
			case ClueProcess.TASK_APPROVE_OPINION -> {
				boolean approved = approved(completion, ClueProcess.VAR_OPINION_APPROVED);
				this.steps.decideOpinion(clueId, approved, user);
				completion.route(ClueProcess.VAR_OPINION_APPROVED, approved);
			}
			case ClueProcess.TASK_APPROVE_EXTENSION ->
				this.extensions.decide(clueId, approved(completion, ClueProcess.VAR_EXTENSION_APPROVED), user);
			case ClueProcess.TASK_WRITE_FEEDBACK ->
				this.steps.writeFeedback(clueId, text(completion, ClueProcess.VAR_FEEDBACK_TEXT), user);
			default -> {
			}
		}
	}

	private Clue clueOf(String clueNumber) {
		return this.register.findByNumber(clueNumber)
			.orElseThrow(() -> new IllegalStateException("No clue " + clueNumber + " for a clue process"));
	}

	private void validateRegistration(TaskCompletion completion) {
		RegistrationDecision decision = enumValue(completion, ClueProcess.VAR_REGISTRATION_DECISION,
				RegistrationDecision.class, "受理意见");
		switch (decision) {
			case DUPLICATE -> {
				String other = text(completion, ClueProcess.VAR_DUPLICATE_OF);
				if (other == null) {
					throw new TaskRuleViolation("请选择重复的线索", "duplicateOf is required");
				}
				if (other.equals(completion.getBusinessKey()) || this.register.findByNumber(other).isEmpty()) {
					throw new TaskRuleViolation("重复的线索编号“" + other + "”不存在", "duplicateOf is not another clue");
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

	private static void requireReason(TaskCompletion completion) {
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

	private int workingDays(TaskCompletion completion) {
		Object value = completion.variable(ClueProcess.VAR_STANDARD_WORKING_DAYS);
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
		return days;
	}

	private static DisposalMethod disposal(TaskCompletion completion) {
		DisposalMethod method = enumValue(completion, ClueProcess.VAR_DISPOSAL, DisposalMethod.class, "处置方式");
		if (method.approvalRequired() && completion.isBlank(ClueProcess.VAR_DISPOSAL_REASON)) {
			throw new TaskRuleViolation("选择“" + method.label() + "”时请填写理由", "disposalReason is required");
		}
		requireLength(completion, ClueProcess.VAR_DISPOSAL_REASON, 2000, "理由");
		return method;
	}

	private static boolean approved(TaskCompletion completion, String name) {
		return Boolean.TRUE.equals(completion.bool(name));
	}

	private static String text(TaskCompletion completion, String name) {
		return completion.isBlank(name) ? null : completion.string(name).strip();
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
