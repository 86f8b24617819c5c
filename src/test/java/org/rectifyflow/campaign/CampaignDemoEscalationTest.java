package org.rectifyflow.campaign;

import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.rectifyflow.audit.AuditEventRepository;
import org.rectifyflow.campaign.internal.CampaignDemoData;
import org.rectifyflow.deadline.EscalationProcess;
import org.rectifyflow.deadline.SupervisionNotice;
import org.rectifyflow.deadline.SupervisionService;
import org.rectifyflow.identity.Roles;
import org.rectifyflow.rectification.LedgerEntry;
import org.rectifyflow.rectification.LedgerService;
import org.rectifyflow.taskrules.ApprovalOpinionService;
import org.rectifyflow.testsupport.EngineClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo campaign's overdue rectifications really escalate: after the demo runner has
 * run at start-up, the due timer jobs of its rectification instances (and of the
 * escalation ladders they start) are executed as the job executor would, and the overdue
 * entries are then marked, supervised and listed for the supervisor. Shares its server
 * with {@link CampaignJourneyTest}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class CampaignDemoEscalationTest {

	private static final int MAX_JOBS = 500;

	@Autowired
	private CampaignService campaigns;

	@Autowired
	private LedgerService ledger;

	@Autowired
	private RuntimeService runtimeService;

	@Autowired
	private ManagementService managementService;

	@Autowired
	private TaskService taskService;

	@Autowired
	private SupervisionService supervision;

	@Autowired
	private TestRestTemplate http;

	@Autowired
	private AuditEventRepository auditEvents;

	@Autowired
	private ApprovalOpinionService opinions;

	@Test
	void shouldEscalateTheOverdueEntriesOfTheDemoCampaign() {
		Campaign demo = this.campaigns.all()
			.stream()
			.filter((c) -> CampaignDemoData.TITLE.equals(c.getTitle()))
			.findFirst()
			.orElseThrow();
		OffsetDateTime now = OffsetDateTime.now();
		List<LedgerEntry> late = this.ledger.entries(demo.getId())
			.stream()
			.filter((e) -> !e.isSettled() && e.getDeadline() != null && e.getDeadline().isBefore(now))
			.toList();
		assertThat(late).as("demo entries past their deadline").isNotEmpty();

		int executed = executeDueJobs(demo.getCode() + "-%");
		assertThat(executed).isGreaterThanOrEqualTo(late.size());

		List<LedgerEntry> entries = this.ledger.entries(demo.getId());
		Set<String> lateCodes = late.stream().map(LedgerEntry::getCode).collect(Collectors.toSet());
		assertThat(entries).filteredOn(LedgerEntry::isOverdue)
			.extracting(LedgerEntry::getCode)
			.containsExactlyInAnyOrderElementsOf(lateCodes);
		for (LedgerEntry entry : entries) {
			if (!lateCodes.contains(entry.getCode())) {
				continue;
			}
			assertThat(entry.getStatus()).isEqualTo(LedgerEntry.Status.IN_PROGRESS);
			List<Task> supervise = this.taskService.createTaskQuery()
				.processInstanceBusinessKey(entry.getCode())
				.taskDefinitionKey(EscalationProcess.TASK_SUPERVISE)
				.taskCandidateGroup(Roles.SUPERVISORS)
				.list();
			assertThat(supervise).as("督办 for %s", entry.getCode()).hasSize(1);
			assertThat(supervise.get(0).getName()).startsWith("督办");
			List<SupervisionNotice> open = this.supervision.openNotices(entry.getProcessInstanceId());
			assertThat(open).as("open notices of %s", entry.getCode()).isNotEmpty();
			assertThat(open).extracting(SupervisionNotice::getEscalationGroup).contains(Roles.SUPERVISORS);
			assertThat(open).allSatisfy((n) -> assertThat(n.getStatus()).isEqualTo(SupervisionNotice.Status.OPEN));
			assertThat(this.auditEvents.findByItemTypeAndItemIdOrderByOccurredAtAscIdAsc("ledger-entry",
					String.valueOf(entry.getId())))
				.extracting((e) -> e.getAction())
				.containsOnlyOnce("LEDGER_ENTRY_OVERDUE");
		}

		CampaignJourney api = new CampaignJourney(this.http, this.auditEvents, this.opinions);
		ResponseEntity<String> overdue = api.exchange("supervisor", HttpMethod.GET,
				"/api/campaigns/" + demo.getId() + "/ledger?overdue=true&size=200", null);
		assertThat(overdue.getStatusCode()).isEqualTo(HttpStatus.OK);
		List<JsonNode> listed = CampaignJourney.list(CampaignJourney.json(overdue).get("content"));
		assertThat(listed).extracting((e) -> e.get("code").asText()).containsExactlyInAnyOrderElementsOf(lateCodes);
		assertThat(listed).allSatisfy((e) -> assertThat(e.get("overdue").asBoolean()).isTrue());
		// The supervisor finds the 督办 tasks in Tasklist's group filter.
		List<JsonNode> tasks = api.tasks("supervisor", "candidateGroup", Roles.SUPERVISORS, "taskDefinitionKey",
				EscalationProcess.TASK_SUPERVISE, "processInstanceBusinessKeyLike", demo.getCode() + "-%");
		assertThat(tasks).hasSize(lateCodes.size());
	}

	/**
	 * Executes the timer jobs due now of the process instances whose business key
	 * matches, until none is due (the escalation ladders climb level by level).
	 * @return the number of jobs executed
	 */
	private int executeDueJobs(String businessKeyLike) {
		int executed = 0;
		while (true) {
			Date now = EngineClock.now();
			Set<String> instances = this.runtimeService.createProcessInstanceQuery()
				.processInstanceBusinessKeyLike(businessKeyLike)
				.list()
				.stream()
				.map(ProcessInstance::getId)
				.collect(Collectors.toSet());
			List<Job> due = this.managementService.createJobQuery()
				.timers()
				.executable()
				.list()
				.stream()
				.filter((j) -> instances.contains(j.getProcessInstanceId()))
				.filter((j) -> !j.getDuedate().after(now))
				.toList();
			if (due.isEmpty()) {
				return executed;
			}
			for (Job job : due) {
				this.managementService.executeJob(job.getId());
				executed++;
				assertThat(executed).as("due jobs executed (bounded)").isLessThan(MAX_JOBS);
			}
		}
	}

}
