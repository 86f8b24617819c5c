package org.rectifyflow.reliability;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.rectifyflow.clue.ClueProcess;
import org.rectifyflow.clue.internal.ClueIntake;
import org.rectifyflow.clue.internal.IntakeReceipt;
import org.rectifyflow.clue.ClueTestSupport;
import org.rectifyflow.identity.Roles;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One clue from intake to closing on the GREEN route, as the discipline group works it:
 * received through {@link ClueIntake#receive} (number, receipt code, reporter encrypted,
 * audit, process start), then 受理登记 (triage to GREEN), 确定处置方式, 核查, 提出处理意见, 审批处理意见 (by a
 * second person: four-eyes), 撰写反馈意见 — each claimed and completed through the task service
 * with what the form submits.
 */
final class ClueLifecycle implements Lifecycle {

	static final String UNIT = "bench1";

	static final String HANDLER = "bench-handler";

	static final String LEAD = "bench-lead";

	private static final List<Step> STEPS = List.of(new Step(ClueProcess.TASK_REGISTER, HANDLER,
			Map.of(ClueProcess.VAR_REGISTRATION_DECISION, "ACCEPT", ClueProcess.VAR_CLEAR, true,
					ClueProcess.VAR_TARGETED, true, ClueProcess.VAR_SPECIFIC, true, ClueProcess.VAR_QUICK, true)),
			new Step(ClueProcess.TASK_DISPOSE, HANDLER, Map.of()),
			new Step(ClueProcess.TASK_INVESTIGATE, HANDLER,
					Map.of(ClueProcess.VAR_INVESTIGATION_FINDINGS, "经谈话了解，反映情况属实")),
			new Step(ClueProcess.TASK_HANDLING_OPINION, HANDLER,
					Map.of(ClueProcess.VAR_HANDLING_OUTCOME, "CRITICISM", ClueProcess.VAR_HANDLING_OPINION, "批评教育")),
			new Step(ClueProcess.TASK_APPROVE_OPINION, LEAD,
					Map.of(ClueProcess.VAR_OPINION_APPROVED, true, "opinion", "同意")),
			new Step(ClueProcess.TASK_WRITE_FEEDBACK, HANDLER,
					Map.of(ClueProcess.VAR_FEEDBACK_TEXT, "经核实，已对相关人员批评教育。")));

	private final ClueIntake clues;

	private final JdbcTemplate jdbc;

	ClueLifecycle(ClueIntake clues, JdbcTemplate jdbc) {
		this.clues = clues;
		this.jdbc = jdbc;
	}

	@Override
	public String name() {
		return "clue, intake through GREEN to closed (clue)";
	}

	@Override
	public int userTasks() {
		return STEPS.size();
	}

	@Override
	public void prepare(ProcessEngine engine) {
		ClueTestSupport.unit(this.jdbc, UNIT);
		// The approver is a member of the group that approves (created with every role
		// group at start), as in an office: the four-eyes rule then finds someone
		// besides the proposer and does not search the later levels of the approval
		// chain for one.
		IdentityService identity = engine.getIdentityService();
		User lead = identity.newUser(LEAD);
		lead.setFirstName("审批");
		lead.setPassword("Bench-2-pw");
		identity.saveUser(lead);
		identity.createMembership(LEAD, Roles.DISCIPLINE_LEAD);
	}

	@Override
	public void run(ProcessEngine engine, int n) {
		IntakeReceipt receipt = this.clues.receive(
				ClueTestSupport.anonymous(UNIT, "WORK_IMPLEMENTATION", "第" + n + "号：会议多、材料多，基层反映强烈"), List.of(),
				HANDLER);
		String processInstanceId = engine.getRuntimeService()
			.createProcessInstanceQuery()
			.processInstanceBusinessKey(receipt.clueNumber())
			.singleResult()
			.getId();
		TaskService tasks = engine.getTaskService();
		for (Step step : STEPS) {
			Task task = tasks.createTaskQuery()
				.processInstanceId(processInstanceId)
				.taskDefinitionKey(step.taskKey())
				.singleResult();
			if (task == null) {
				throw new IllegalStateException("clue " + receipt.clueNumber() + " is not at " + step.taskKey());
			}
			tasks.claim(task.getId(), step.user());
			tasks.complete(task.getId(), step.variables());
		}
		if (engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(processInstanceId).count() != 0) {
			throw new IllegalStateException("clue " + receipt.clueNumber() + " did not close");
		}
	}

	private record Step(String taskKey, String user, Map<String, Object> variables) {

	}

}
