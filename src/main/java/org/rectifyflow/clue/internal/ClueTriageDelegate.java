package org.rectifyflow.clue.internal;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.rectifyflow.clue.Clue;
import org.rectifyflow.clue.ClueProcess;
import org.rectifyflow.clue.ClueRegister;
import org.rectifyflow.clue.DisposalMethod;
import org.rectifyflow.clue.Route;
import org.rectifyflow.clue.TriageAnswers;
import org.rectifyflow.engine.SystemAuthority;

import org.springframework.stereotype.Component;

/**
 * {@code Task_Triage} (分流研判): evaluates {@code clue-triage.dmn} on the registration's
 * answers, as recorded with the clue, and sets {@code route}, {@code suggestedDisposal}
 * and the pre-filled {@code disposal}. A delegate rather than a plain DMN task because it
 * sets several variables and records the result on the clue.
 */
@Component("clueTriage")
class ClueTriageDelegate implements JavaDelegate {

	private final DecisionService decisionService;

	private final SystemAuthority systemAuthority;

	private final ClueRegister register;

	private final ClueSteps steps;

	ClueTriageDelegate(DecisionService decisionService, SystemAuthority systemAuthority, ClueRegister register,
			ClueSteps steps) {
		this.decisionService = decisionService;
		this.systemAuthority = systemAuthority;
		this.register = register;
		this.steps = steps;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Clue clue = this.register.findByNumber(execution.getProcessBusinessKey())
			.orElseThrow(() -> new IllegalStateException("No clue " + execution.getProcessBusinessKey()));
		TriageAnswers answers = clue.getTriageAnswers();
		if (answers == null || !answers.isComplete()) {
			throw new IllegalStateException("Clue " + clue.getNumber() + " was accepted without triage answers");
		}
		Result result = evaluate(answers.clear(), answers.targeted(), answers.specific(), answers.quick(),
				clue.getCategory().name());
		execution.setVariable(ClueProcess.VAR_ROUTE, result.route().name());
		execution.setVariable(ClueProcess.VAR_SUGGESTED_DISPOSAL, result.suggestion().name());
		execution.setVariable(ClueProcess.VAR_DISPOSAL, result.suggestion().name());
		this.steps.recordTriage(clue.getId(), result.route(), result.suggestion());
	}

	/**
	 * Evaluates the triage table.
	 */
	Result evaluate(boolean clear, boolean targeted, boolean specific, boolean quick, String category) {
		Map<String, Object> inputs = new HashMap<>();
		inputs.put(ClueProcess.VAR_CLEAR, clear);
		inputs.put(ClueProcess.VAR_TARGETED, targeted);
		inputs.put(ClueProcess.VAR_SPECIFIC, specific);
		inputs.put(ClueProcess.VAR_QUICK, quick);
		inputs.put(ClueProcess.VAR_CATEGORY, category);
		DmnDecisionRuleResult entries = this.systemAuthority
			.call(() -> this.decisionService.evaluateDecisionTableByKey(ClueProcess.DECISION_TRIAGE, inputs)
				.getSingleResult());
		if (entries == null) {
			throw new IllegalStateException("clue-triage.dmn matched no rule");
		}
		return new Result(Route.valueOf((String) entries.getEntry("route")),
				DisposalMethod.valueOf((String) entries.getEntry("suggestedDisposal")));
	}

	record Result(Route route, DisposalMethod suggestion) {

	}

}
