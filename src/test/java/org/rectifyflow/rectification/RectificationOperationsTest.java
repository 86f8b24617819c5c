package org.rectifyflow.rectification;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.rectifyflow.taskrules.TaskRules;
import org.rectifyflow.testsupport.RectifyFlowTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 退回 and 撤回 on the rectification process through the API: the ledger entry always goes
 * back with the process, so that the step can be done again.
 */
@RectifyFlowTest
class RectificationOperationsTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	RectificationDriver driver;

	@Autowired
	TaskService taskService;

	@Test
	void shouldLetTheDrafterResubmitMeasuresTheLeaderReturned() throws Exception {
		LedgerEntry entry = drafted();
		Task approve = this.driver.task(entry, RectificationProcess.TASK_APPROVE_MEASURES);
		assertThat(approve.getAssignee()).isEqualTo("u1lead");

		call("u1lead", "/api/tasks/" + approve.getId() + "/return", "{\"opinion\":\"措施不够具体，请细化\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.taskDefinitionKey").value(RectificationProcess.TASK_DRAFT_MEASURES))
			.andExpect(jsonPath("$.assignee").value("u1"));
		assertThat(this.driver.reload(entry).getStatus()).isEqualTo(LedgerEntry.Status.DRAFTING);
		assertThat((String) this.taskService.getVariableLocal(
				this.driver.task(entry, RectificationProcess.TASK_DRAFT_MEASURES).getId(), TaskRules.RETURN_OPINION))
			.contains("措施不够具体，请细化");

		this.driver.draft(entry, 5);
		assertThat(this.driver.reload(entry).getStatus()).isEqualTo(LedgerEntry.Status.APPROVING);
		Task again = this.driver.task(entry, RectificationProcess.TASK_APPROVE_MEASURES);
		call("u1lead", "/api/tasks/" + again.getId() + "/return", "{\"opinion\":\"仍需细化\"}").andExpect(status().isOk());
		assertThat(this.driver.reload(entry).getStatus()).isEqualTo(LedgerEntry.Status.DRAFTING);
		this.driver.draft(entry, 5);
		this.driver.decideMeasures(entry, true);
		assertThat(this.driver.reload(entry).getStatus()).isEqualTo(LedgerEntry.Status.IN_PROGRESS);
	}

	@Test
	void shouldLetACopyRecipientReadTheEntry() throws Exception {
		LedgerEntry entry = this.driver.open(RectificationDriver.newCampaignId(), "u1");
		this.driver.toWork(entry);
		Task work = this.driver.task(entry, RectificationProcess.TASK_RECTIFY);
		this.mvc.perform(get("/api/ledger/" + entry.getId()).with(httpBasic("u2", "demo")))
			.andExpect(status().isForbidden());

		call("u1", "/api/tasks/" + work.getId() + "/cc", "{\"userIds\":[\"u2\"],\"note\":\"请知悉\"}")
			.andExpect(status().isOk());
		this.mvc.perform(get("/api/ledger/" + entry.getId()).with(httpBasic("u2", "demo"))).andExpect(status().isOk());
	}

	@Test
	void shouldRefuseToReturnTheWorkAndCreateNoAcceptanceTask() throws Exception {
		LedgerEntry entry = this.driver.open(RectificationDriver.newCampaignId(), "u1");
		this.driver.toWork(entry);
		String reported = this.driver.task(entry, RectificationProcess.TASK_RECTIFY).getId();
		this.driver.work(entry, RectificationProcess.Action.PROGRESS, "已召开专题会议");
		Task work = this.driver.task(entry, RectificationProcess.TASK_RECTIFY);
		call("u1", "/api/tasks/" + reported + "/withdraw", null).andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail", containsString("无需撤回")));

		call("u1", "/api/tasks/" + work.getId() + "/return", "{\"opinion\":\"退回\"}").andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail", containsString("不能退回")));

		assertThat(this.driver.task(entry, RectificationProcess.TASK_ACCEPT_CLOSURE)).isNull();
		assertThat(this.driver.reload(entry).getStatus()).isEqualTo(LedgerEntry.Status.IN_PROGRESS);
		this.driver.close(entry);
		assertThat(this.driver.reload(entry).getStatus()).isEqualTo(LedgerEntry.Status.CLOSED);
	}

	@Test
	void shouldWithdrawAClosureRequestAndLetTheWorkGoOn() throws Exception {
		LedgerEntry entry = this.driver.open(RectificationDriver.newCampaignId(), "u1");
		this.driver.toWork(entry);
		String done = this.driver.task(entry, RectificationProcess.TASK_RECTIFY).getId();
		this.driver.work(entry, RectificationProcess.Action.CLOSURE, "已印发制度");
		assertThat(this.driver.reload(entry).getStatus()).isEqualTo(LedgerEntry.Status.CLOSURE_REQUESTED);

		call("u1", "/api/tasks/" + done + "/withdraw", null).andExpect(status().isOk())
			.andExpect(jsonPath("$.taskDefinitionKey").value(RectificationProcess.TASK_RECTIFY));

		LedgerEntry withdrawn = this.driver.reload(entry);
		assertThat(withdrawn.getStatus()).isEqualTo(LedgerEntry.Status.IN_PROGRESS);
		assertThat(withdrawn.getEvidenceNote()).isNull();
		assertThat(this.driver.task(entry, RectificationProcess.TASK_ACCEPT_CLOSURE)).isNull();
		this.driver.close(entry);
		assertThat(this.driver.reload(entry).getStatus()).isEqualTo(LedgerEntry.Status.CLOSED);
	}

	@Test
	void shouldWithdrawUntilTheAutomaticallyAssignedNextStepIsActedOn() throws Exception {
		LedgerEntry entry = this.driver.open(RectificationDriver.newCampaignId(), "u1");
		this.driver.assign(entry, "u1");
		String draft = this.driver.task(entry, RectificationProcess.TASK_DRAFT_MEASURES).getId();
		this.driver.draft(entry, 5);

		this.mvc.perform(get("/api/tasks/" + draft + "/operations").with(httpBasic("u1", "demo")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.operations[*].id", hasItem("withdraw")));
		call("u1", "/api/tasks/" + draft + "/withdraw", null).andExpect(status().isOk())
			.andExpect(jsonPath("$.assignee").value("u1"));
		assertThat(this.driver.reload(entry).getStatus()).isEqualTo(LedgerEntry.Status.DRAFTING);
		assertThat(this.driver.task(entry, RectificationProcess.TASK_APPROVE_MEASURES)).isNull();

		String redraft = this.driver.task(entry, RectificationProcess.TASK_DRAFT_MEASURES).getId();
		this.driver.draft(entry, 5);
		Task approve = this.driver.task(entry, RectificationProcess.TASK_APPROVE_MEASURES);
		this.taskService.delegateTask(approve.getId(), "u2lead");

		this.mvc.perform(get("/api/tasks/" + redraft + "/operations").with(httpBasic("u1", "demo")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.operations[*].id", not(hasItem("withdraw"))));
		call("u1", "/api/tasks/" + redraft + "/withdraw", null).andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail", containsString("已被认领")));
		assertThat(this.driver.reload(entry).getStatus()).isEqualTo(LedgerEntry.Status.APPROVING);
	}

	@Test
	void shouldOfferOnlyTheDeclaredOperationsAndTargets() throws Exception {
		LedgerEntry entry = drafted();
		Task approve = this.driver.task(entry, RectificationProcess.TASK_APPROVE_MEASURES);

		this.mvc.perform(get("/api/tasks/" + approve.getId() + "/operations").with(httpBasic("u1lead", "demo")))

			.andExpect(status().isOk())
			.andExpect(jsonPath("$.operations[*].id", hasItem("return")))
			.andExpect(jsonPath("$.operations[?(@.id == 'return')].returnTo.taskDefinitionKey")
				.value(RectificationProcess.TASK_DRAFT_MEASURES))
			.andExpect(jsonPath("$.operations[*].id", not(hasItem("withdraw"))))
			// the drafter is kept off the approval (four-eyes), other units never offered
			.andExpect(jsonPath("$.operations[?(@.id == 'transfer')].targets[*].id", not(hasItem("u1"))))
			.andExpect(jsonPath("$.operations[?(@.id == 'transfer')].targets[*].id", not(hasItem("u2lead"))));
		call("u1lead", "/api/tasks/" + approve.getId() + "/transfer", "{\"userId\":\"u1\",\"reason\":\"请处理\"}")
			.andExpect(status().isForbidden());
		call("u1lead", "/api/tasks/" + approve.getId() + "/transfer", "{\"userId\":\"u2lead\",\"reason\":\"请处理\"}")
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail", containsString("办理范围")));
		assertThat(this.driver.task(entry, RectificationProcess.TASK_APPROVE_MEASURES).getAssignee())
			.isEqualTo("u1lead");
	}

	private LedgerEntry drafted() {
		LedgerEntry entry = this.driver.open(RectificationDriver.newCampaignId(), "u1");
		this.driver.assign(entry, "u1");
		this.driver.draft(entry, 5);
		return entry;
	}

	private ResultActions call(String user, String path, String json) throws Exception {
		var request = post(path).with(httpBasic(user, "demo"));
		if (json != null) {
			request = request.contentType(MediaType.APPLICATION_JSON).content(json);
		}
		return this.mvc.perform(request);
	}

}
