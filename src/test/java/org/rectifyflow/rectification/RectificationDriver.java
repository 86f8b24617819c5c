package org.rectifyflow.rectification;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

import org.springframework.stereotype.Component;

/**
 * Drives rectification instances through their user tasks in tests, as the demo users of
 * unit u1 (leader u1lead, handler u1) would.
 */
@Component
class RectificationDriver {

	private static final AtomicLong CAMPAIGNS = new AtomicLong(System.currentTimeMillis() % 1_000_000 * 1000);

	private final LedgerService ledger;

	private final RuntimeService runtimeService;

	private final TaskService taskService;

	RectificationDriver(LedgerService ledger, RuntimeService runtimeService, TaskService taskService) {
		this.ledger = ledger;
		this.runtimeService = runtimeService;
		this.taskService = taskService;
	}

	/** A campaign id no other test uses. */
	static long newCampaignId() {
		return CAMPAIGNS.incrementAndGet();
	}

	static String codeOf(long campaignId) {
		return "TZ-" + campaignId;
	}

	static NewLedgerEntry entry(long campaignId, String unit, String category) {
		return new NewLedgerEntry(campaignId, codeOf(campaignId), null, unit, category, "类别" + category,
				"文风会风改进不到位，以会议落实会议", "SELF_INSPECTION", null);
	}

	LedgerEntry open(long campaignId, String unit) {
		return this.ledger.open(entry(campaignId, unit, "C4"));
	}

	ProcessInstance instance(LedgerEntry entry) {
		return this.runtimeService.createProcessInstanceQuery()
			.processInstanceBusinessKey(entry.getCode())
			.processDefinitionKey(RectificationProcess.KEY)
			.singleResult();
	}

	LedgerEntry reload(LedgerEntry entry) {
		return this.ledger.find(entry.getId()).orElseThrow();
	}

	Task task(LedgerEntry entry, String taskKey) {
		return this.taskService.createTaskQuery()
			.processInstanceBusinessKey(entry.getCode())
			.taskDefinitionKey(taskKey)
			.singleResult();
	}

	void complete(LedgerEntry entry, String taskKey, Object... keyValues) {
		Task task = task(entry, taskKey);
		if (task == null) {
			throw new IllegalStateException("No task " + taskKey + " for " + entry.getCode());
		}
		Map<String, Object> variables = new HashMap<>();
		for (int i = 0; i < keyValues.length; i += 2) {
			variables.put((String) keyValues[i], keyValues[i + 1]);
		}
		this.taskService.complete(task.getId(), variables);
	}

	void assign(LedgerEntry entry, String person) {
		complete(entry, RectificationProcess.TASK_ASSIGN_RESPONSIBLE, RectificationProcess.VAR_RESPONSIBLE_PERSON,
				person);
	}

	void draft(LedgerEntry entry, int workingDays) {
		complete(entry, RectificationProcess.TASK_DRAFT_MEASURES, RectificationProcess.VAR_MEASURES, "精简会议文件，严格执行无会日制度",
				RectificationProcess.VAR_WORKING_DAYS, workingDays);
	}

	void decideMeasures(LedgerEntry entry, boolean approved) {
		complete(entry, RectificationProcess.TASK_APPROVE_MEASURES, RectificationProcess.VAR_MEASURES_APPROVED,
				approved, RectificationProcess.VAR_OPINION, approved ? "同意" : "措施不够具体，请细化");
	}

	/**
	 * Assign the unit's handler (user id = unit code), draft (5 working days) and
	 * approve: the work runs.
	 */
	void toWork(LedgerEntry entry) {
		toWork(entry, entry.getUnitCode());
	}

	/** Assign the given person, draft (5 working days) and approve: the work runs. */
	void toWork(LedgerEntry entry, String person) {
		assign(entry, person);
		draft(entry, 5);
		decideMeasures(entry, true);
	}

	void work(LedgerEntry entry, RectificationProcess.Action action, String text) {
		String variable = switch (action) {
			case PROGRESS -> RectificationProcess.VAR_PROGRESS_TEXT;
			case CLOSURE -> RectificationProcess.VAR_EVIDENCE_NOTE;
			case CARRY_OVER -> RectificationProcess.VAR_CARRY_OVER_REASON;
		};
		complete(entry, RectificationProcess.TASK_RECTIFY, RectificationProcess.VAR_RECTIFY_ACTION, action.name(),
				variable, text);
	}

	void decideClosure(LedgerEntry entry, boolean accepted) {
		complete(entry, RectificationProcess.TASK_ACCEPT_CLOSURE, RectificationProcess.VAR_CLOSURE_ACCEPTED, accepted,
				RectificationProcess.VAR_OPINION, accepted ? "整改到位，予以销号" : "佐证不足");
	}

	void decideCarryOver(LedgerEntry entry, boolean approved) {
		complete(entry, RectificationProcess.TASK_APPROVE_CARRY_OVER, RectificationProcess.VAR_CARRY_OVER_APPROVED,
				approved, RectificationProcess.VAR_OPINION, approved ? "同意结转" : "应在本期完成");
	}

	/** From the running work to closed. */
	void close(LedgerEntry entry) {
		work(entry, RectificationProcess.Action.CLOSURE, "已印发精简文件制度");
		decideClosure(entry, true);
	}

	/** From the running work to carried over. */
	void carryOver(LedgerEntry entry) {
		work(entry, RectificationProcess.Action.CARRY_OVER, "涉及上级审批，需跨年度推进");
		decideCarryOver(entry, true);
	}

}
