package org.rectifyflow.clue.internal;

import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.rectifyflow.audit.AuditService;
import org.rectifyflow.clue.ClueProcess;
import org.rectifyflow.clue.ClueRegister;
import org.rectifyflow.engine.SystemAuthority;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Compares the clue register with the engine: an open clue without a running {@code clue}
 * process (it would silently never be handled: 压案不查) and a running process without an
 * open clue. Each new finding is logged as an ERROR and stored in
 * {@code clue_consistency_issue}; a process without a clue also gets a Camunda incident
 * (type {@value #INCIDENT_TYPE}, on the execution of a waiting task) so that it shows in
 * Cockpit. An open clue without a process has no instance an incident could hang on,
 * hence the table.
 */
@Component
public class ClueConsistencyCheck {

	public static final String INCIDENT_TYPE = "clueConsistency";

	private static final Logger log = LoggerFactory.getLogger(ClueConsistencyCheck.class);

	private final ClueRegister register;

	private final ClueConsistencyIssueRepository issues;

	private final RuntimeService runtimeService;

	private final TaskService taskService;

	private final SystemAuthority systemAuthority;

	private final AuditService audit;

	ClueConsistencyCheck(ClueRegister register, ClueConsistencyIssueRepository issues, RuntimeService runtimeService,
			TaskService taskService, SystemAuthority systemAuthority, AuditService audit) {
		this.register = register;
		this.issues = issues;
		this.runtimeService = runtimeService;
		this.taskService = taskService;
		this.systemAuthority = systemAuthority;
		this.audit = audit;
	}

	@Scheduled(cron = "${rectify.clue.consistency-check-cron:0 17 2 * * *}", zone = "Asia/Shanghai")
	void scheduled() {
		check();
	}

	/**
	 * Runs the check.
	 * @return the new findings
	 */
	@Transactional
	public List<ClueConsistencyIssue> check() {
		Set<String> openClues = new HashSet<>(this.register.openClueNumbers());
		List<ProcessInstance> running = this.systemAuthority
			.call(() -> this.runtimeService.createProcessInstanceQuery().processDefinitionKey(ClueProcess.KEY).list());
		Set<String> runningKeys = new HashSet<>();
		List<ClueConsistencyIssue> found = new java.util.ArrayList<>();
		for (ProcessInstance instance : running) {
			runningKeys.add(instance.getBusinessKey());
			if (!openClues.contains(instance.getBusinessKey())
					&& this.issues.findByProcessInstanceId(instance.getId()).isEmpty()) {
				log.error("Clue process {} ({}) runs without an open clue", instance.getId(),
						instance.getBusinessKey());
				raiseIncident(instance);
				found.add(this.issues.save(new ClueConsistencyIssue(instance.getBusinessKey(), instance.getId(),
						ClueConsistencyIssue.PROCESS_WITHOUT_OPEN_CLUE, OffsetDateTime.now())));
			}
		}
		for (String number : openClues) {
			if (!runningKeys.contains(number) && this.issues.findByClueNumber(number)
				.stream()
				.noneMatch((i) -> ClueConsistencyIssue.OPEN_CLUE_WITHOUT_PROCESS.equals(i.getProblem()))) {
				log.error("Open clue {} has no running process", number);
				found.add(this.issues.save(new ClueConsistencyIssue(number, null,
						ClueConsistencyIssue.OPEN_CLUE_WITHOUT_PROCESS, OffsetDateTime.now())));
			}
		}
		for (ClueConsistencyIssue issue : found) {
			this.audit.recordAs(AuditService.SYSTEM, "CLUE_CONSISTENCY_ISSUE", ClueProcess.ITEM_TYPE,
					String.valueOf(issue.getClueNumber()), null, issue.getProblem(), issue.getProcessInstanceId());
		}
		return found;
	}

	private void raiseIncident(ProcessInstance instance) {
		this.systemAuthority.run(() -> {
			// An incident needs an execution that sits in an activity: a waiting task's.
			String executionId = this.taskService.createTaskQuery()
				.processInstanceId(instance.getId())
				.list()
				.stream()
				.map((task) -> task.getExecutionId())
				.findFirst()
				.orElse(null);
			if (executionId != null) {
				this.runtimeService.createIncident(INCIDENT_TYPE, executionId, instance.getBusinessKey(),
						"运行中的线索流程没有对应的未办结线索记录");
			}
		});
	}

	/** Turns on Spring's scheduler for the check. */
	@Configuration(proxyBeanMethods = false)
	@EnableScheduling
	static class Scheduling {

	}

}
