package org.rectifyflow.browser;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.rectifyflow.campaign.Campaign;
import org.rectifyflow.campaign.CampaignService;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A supervisor follows the demo campaign in Cockpit: finds it by its code, sees it
 * running in 问题整改, and sees the 督办 task of an overdue rectification. The job executor is
 * off in tests, so the test fires the demo's due deadline timers first, as the job
 * executor does after start-up.
 */
@BrowserTest
class CampaignCockpitBrowserTest {

	static final String DEMO_TITLE = "整治形式主义官僚主义专项行动（示例）";

	static final String ESCALATION = "escalation";

	static final String SUPERVISE = "Task_Supervise";

	@Autowired
	CampaignService campaigns;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	ManagementService managementService;

	@Test
	void shouldShowTheDemoCampaignAndTheSupervisionOfAnOverdueRectification(Web web) {
		Campaign campaign = this.campaigns.all()
			.stream()
			.filter((c) -> DEMO_TITLE.equals(c.getTitle()))
			.findFirst()
			.orElseThrow();
		String code = campaign.getCode();
		fireDueTimersOfTheLedger(code);
		List<ProcessInstance> escalations = this.runtimeService.createProcessInstanceQuery()
			.processDefinitionKey(ESCALATION)
			.processInstanceBusinessKeyLike(code + "-%")
			.list();
		assertThat(escalations).as("escalations of overdue ledger entries").isNotEmpty();
		String entryCode = escalations.get(0).getBusinessKey();
		// One 督办 task per level the ladder climbed since the deadline passed, the first
		// for the supervisors
		long supervising = this.taskService.createTaskQuery()
			.processDefinitionKey(ESCALATION)
			.processInstanceBusinessKey(entryCode)
			.taskDefinitionKey(SUPERVISE)
			.count();
		assertThat(supervising).isPositive();
		assertThat(this.taskService.createTaskQuery()
			.processInstanceBusinessKey(entryCode)
			.taskDefinitionKey(SUPERVISE)
			.taskCandidateGroup("supervisors")
			.count()).isPositive();

		web.login("supervisor");
		CockpitPage cockpit = web.openCockpit();
		cockpit.openProcess("专项整治").searchByBusinessKey(code);
		assertThat(cockpit.instanceRows()).hasCount(1);
		assertThat(cockpit.instanceRows()).containsText(code);
		cockpit.openInstance(code);
		assertThat(cockpit.page().locator("body")).containsText("专项整治");
		// 变量 tab: the campaign's name and its phase in Chinese
		assertThat(cockpit.page().locator("body")).containsText(DEMO_TITLE);
		assertThat(cockpit.page().locator("body")).containsText("问题整改");
		web.screenshot("cockpit-campaign");

		cockpit.openProcess("逐级督办").searchByBusinessKey(entryCode);
		assertThat(cockpit.instanceRows()).hasCount(1);
		cockpit.openInstance(entryCode);
		// The diagram counts the open 督办 tasks of this entry
		assertThat(cockpit.activityBadge(SUPERVISE)).hasText(String.valueOf(supervising));
		// 变量 tab: the level and the subject, which names the overdue work
		assertThat(cockpit.page().locator("body")).containsText("问题整改（" + entryCode + "）逾期");
		web.screenshot("15-cockpit-supervision");
	}

	/**
	 * Executes the due jobs of the campaign's rectifications and of what they start
	 * (their business keys are the entry codes {@code <campaign code>-NNN}), until none
	 * is due.
	 */
	private void fireDueTimersOfTheLedger(String campaignCode) {
		for (int round = 0; round < 10; round++) {
			Set<String> instances = this.runtimeService.createProcessInstanceQuery()
				.processInstanceBusinessKeyLike(campaignCode + "-%")
				.list()
				.stream()
				.map(ProcessInstance::getId)
				.collect(Collectors.toSet());
			List<Job> due = this.managementService.createJobQuery()
				.executable()
				.list()
				.stream()
				.filter((job) -> instances.contains(job.getProcessInstanceId()))
				.toList();
			if (due.isEmpty()) {
				return;
			}
			due.forEach((job) -> this.managementService.executeJob(job.getId()));
		}
	}

}
