package org.rectifyflow.rectification;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.rectifyflow.rectification.internal.LedgerEntryRepository;
import org.rectifyflow.rectification.internal.RectificationOperations;
import org.rectifyflow.testsupport.ProcessFixture;

import org.springframework.stereotype.Component;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rectification process in the operations matrix: the ledger entry follows its task.
 */
@Component
public class RectificationFixture implements ProcessFixture {

	private final RectificationDriver driver;

	private final LedgerEntryRepository entries;

	private final TaskService taskService;

	RectificationFixture(RectificationDriver driver, LedgerEntryRepository entries, TaskService taskService) {
		this.driver = driver;
		this.entries = entries;
		this.taskService = taskService;
	}

	@Override
	public String processKey() {
		return RectificationProcess.KEY;
	}

	@Override
	public String reach(String taskKey) {
		LedgerEntry entry = this.driver.open(RectificationDriver.newCampaignId(), "u1");
		switch (taskKey) {
			case RectificationProcess.TASK_ASSIGN_RESPONSIBLE -> {
			}
			case RectificationProcess.TASK_DRAFT_MEASURES -> this.driver.assign(entry, "u1");
			case RectificationProcess.TASK_APPROVE_MEASURES -> {
				this.driver.assign(entry, "u1");
				this.driver.draft(entry, 5);
			}
			case RectificationProcess.TASK_RECTIFY -> this.driver.toWork(entry);
			case RectificationProcess.TASK_ACCEPT_CLOSURE -> {
				this.driver.toWork(entry);
				this.driver.work(entry, RectificationProcess.Action.CLOSURE, "已印发制度");
			}
			case RectificationProcess.TASK_APPROVE_CARRY_OVER -> {
				this.driver.toWork(entry);
				this.driver.work(entry, RectificationProcess.Action.CARRY_OVER, "需跨年度推进");
			}
			default -> throw new IllegalArgumentException("no way to reach " + taskKey);
		}
		return this.driver.reload(entry).getProcessInstanceId();
	}

	@Override
	public Map<String, Object> completion(Task task) {
		Map<String, Object> variables = new HashMap<>();
		switch (task.getTaskDefinitionKey()) {
			case RectificationProcess.TASK_ASSIGN_RESPONSIBLE ->
				variables.put(RectificationProcess.VAR_RESPONSIBLE_PERSON, "u1");
			case RectificationProcess.TASK_DRAFT_MEASURES -> {
				variables.put(RectificationProcess.VAR_MEASURES, "精简会议文件");
				variables.put(RectificationProcess.VAR_WORKING_DAYS, 5);
			}
			case RectificationProcess.TASK_APPROVE_MEASURES -> {
				variables.put(RectificationProcess.VAR_MEASURES_APPROVED, true);
				variables.put(RectificationProcess.VAR_OPINION, "同意");
			}
			case RectificationProcess.TASK_RECTIFY -> {
				variables.put(RectificationProcess.VAR_RECTIFY_ACTION, RectificationProcess.Action.PROGRESS.name());
				variables.put(RectificationProcess.VAR_PROGRESS_TEXT, "已召开专题会议");
			}
			case RectificationProcess.TASK_ACCEPT_CLOSURE -> {
				variables.put(RectificationProcess.VAR_CLOSURE_ACCEPTED, false);
				variables.put(RectificationProcess.VAR_OPINION, "佐证不足");
			}
			case RectificationProcess.TASK_APPROVE_CARRY_OVER -> {
				variables.put(RectificationProcess.VAR_CARRY_OVER_APPROVED, false);
				variables.put(RectificationProcess.VAR_OPINION, "应在本期完成");
			}
			default -> throw new IllegalArgumentException(task.getTaskDefinitionKey());
		}
		return variables;
	}

	@Override
	public void assertConsistent(String processInstanceId) {
		LedgerEntry now = this.entries.findByProcessInstanceId(processInstanceId).orElseThrow();
		List<Task> open = this.taskService.createTaskQuery().processInstanceId(processInstanceId).list();
		if (open.isEmpty()) {
			assertThat(now.isSettled()).as(now.toString()).isTrue();
			return;
		}
		for (Task task : open) {
			assertThat(now.getStatus()).as(now.getCode() + " at " + task.getTaskDefinitionKey())
				.isEqualTo(RectificationOperations.stateAt(task.getTaskDefinitionKey()));
		}
	}

}
