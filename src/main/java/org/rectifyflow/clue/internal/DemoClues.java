package org.rectifyflow.clue.internal;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.rectifyflow.clue.Clue;
import org.rectifyflow.clue.ClueProcess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo clues on the embedded default, one in each state: just received, green channel
 * under investigation, standard and overdue (started with the engine clock set back, so
 * the job executor fires its due deadline and escalation timers after start-up), shelved,
 * and closed with feedback (receipt code {@value #DEMO_RECEIPT_CODE}). Idempotent.
 */
@Component
@Order(30)
@ConditionalOnProperty(name = "rectify.demo.enabled", havingValue = "true")
class DemoClues implements ApplicationRunner {

	/** The receipt code of the closed demo clue, for trying the lookup on /report. */
	static final String DEMO_RECEIPT_CODE = "XS26-DEMX-FEED-BACK";

	private static final Logger log = LoggerFactory.getLogger(DemoClues.class);

	private final ClueIntake intake;

	private final ClueRepository clues;

	private final TaskService taskService;

	private final TransactionTemplate transaction;

	DemoClues(ClueIntake intake, ClueRepository clues, TaskService taskService, TransactionTemplate transaction) {
		this.intake = intake;
		this.clues = clues;
		this.taskService = taskService;
		this.transaction = transaction;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.clues.findByReceiptHash(ReceiptCodes.hash(DEMO_RECEIPT_CODE)).isPresent()) {
			log.info("Demo clues present; closed demo clue receipt code: {}", DEMO_RECEIPT_CODE);
			return;
		}
		try {
			// Received 40 days ago: its deadlines have passed by now.
			ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().minus(Duration.ofDays(40))));
			Clue overdue = receive(new NewClue("HOTLINE_12345", "u4", "孙某", "WORK_IMPLEMENTATION",
					"【演示】群众反映某项审批事项材料齐全却一直拖着不办。", "2026-01-10", null, null, null), null);
			accept(overdue, true, true, true, false);
			complete(overdue, ClueProcess.TASK_SET_DEADLINE, "disciplinelead",
					Map.of(ClueProcess.VAR_STANDARD_WORKING_DAYS, 10));
			complete(overdue, ClueProcess.TASK_DISPOSE, "discipline",
					Map.of(ClueProcess.VAR_DISPOSAL, "PRELIMINARY_VERIFICATION"));
			ClockUtil.reset();

			receive(new NewClue("WEBSITE", "u1", null, "MEETINGS_DOCUMENTS", "【演示】每周例会先开预备会，会议套会议。", null, null, null,
					null), null);

			Clue green = receive(new NewClue("WECHAT", "u2", "周某", "DECISION_IMPLEMENTATION",
					"【演示】上级部署的惠民政策只转发文件，未组织落实。", null, null, null, null), null);
			accept(green, true, true, true, true);
			complete(green, ClueProcess.TASK_DISPOSE, "discipline", Map.of());

			Clue shelved = receive(new NewClue("MAILBOX", "u3", null, "RESPONSIBILITY", "【演示】来信反映有关科室不担当，但没有具体事例。",
					null, null, null, null), null);
			accept(shelved, true, true, false, false);
			complete(shelved, ClueProcess.TASK_SET_DEADLINE, "disciplinelead",
					Map.of(ClueProcess.VAR_STANDARD_WORKING_DAYS, 30));
			complete(shelved, ClueProcess.TASK_DISPOSE, "discipline",
					Map.of(ClueProcess.VAR_DISPOSAL, "SHELVE", ClueProcess.VAR_DISPOSAL_REASON, "内容笼统，待补充具体事例"));
			complete(shelved, ClueProcess.TASK_APPROVE_DISPOSAL, "disciplinelead",
					Map.of(ClueProcess.VAR_DISPOSAL_APPROVED, true, "opinion", "同意暂存待查"));

			Clue closed = receive(
					new NewClue("PHONE", "u5", "吴某", "RESEARCH", "【演示】调研只看准备好的点，走过场。", null, null, null, null),
					DEMO_RECEIPT_CODE);
			accept(closed, true, true, true, true);
			complete(closed, ClueProcess.TASK_DISPOSE, "discipline", Map.of());
			complete(closed, ClueProcess.TASK_INVESTIGATE, "discipline", Map.of("findings", "经谈话核实，调研安排确有形式化问题。"));
			complete(closed, ClueProcess.TASK_HANDLING_OPINION, "discipline", Map.of(ClueProcess.VAR_HANDLING_OUTCOME,
					"CRITICISM", ClueProcess.VAR_HANDLING_OPINION, "对相关负责人批评教育，责令改进调研方式。"));
			complete(closed, ClueProcess.TASK_APPROVE_OPINION, "disciplinelead",
					Map.of(ClueProcess.VAR_OPINION_APPROVED, true, "opinion", "同意"));
			complete(closed, ClueProcess.TASK_WRITE_FEEDBACK, "discipline",
					Map.of(ClueProcess.VAR_FEEDBACK_TEXT, "您反映的问题经核实基本属实，已对相关负责人批评教育，并责令改进调研方式。感谢您的监督。"));
			log.info("Demo clues created; closed demo clue receipt code: {}", DEMO_RECEIPT_CODE);
		}
		finally {
			ClockUtil.reset();
		}
	}

	private Clue receive(NewClue input, String receiptCode) {
		return this.transaction.execute((status) -> {
			IntakeReceipt receipt = this.intake.receive(input, List.of(), "discipline", receiptCode);
			return this.clues.findByNumber(receipt.clueNumber()).orElseThrow();
		});
	}

	private void accept(Clue clue, boolean clear, boolean targeted, boolean specific, boolean quick) {
		complete(clue, ClueProcess.TASK_REGISTER, "discipline",
				Map.of(ClueProcess.VAR_REGISTRATION_DECISION, "ACCEPT", ClueProcess.VAR_CLEAR, clear,
						ClueProcess.VAR_TARGETED, targeted, ClueProcess.VAR_SPECIFIC, specific, ClueProcess.VAR_QUICK,
						quick));
	}

	private void complete(Clue clue, String taskKey, String user, Map<String, Object> variables) {
		this.transaction.executeWithoutResult((status) -> {
			Task task = this.taskService.createTaskQuery()
				.processInstanceId(clue.getProcessInstanceId())
				.taskDefinitionKey(taskKey)
				.singleResult();
			this.taskService.claim(task.getId(), user);
			this.taskService.complete(task.getId(), variables);
		});
	}

}
