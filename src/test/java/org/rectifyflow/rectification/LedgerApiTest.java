package org.rectifyflow.rectification;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectifyflow.campaign.CampaignFixture;
import org.rectifyflow.campaign.internal.CampaignProcess;
import org.rectifyflow.campaign.CampaignService;
import org.rectifyflow.rectification.internal.ProgressReport;
import org.rectifyflow.taskrules.TaskRuleViolation;
import org.rectifyflow.testsupport.RectifyFlowTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@RectifyFlowTest
class LedgerApiTest {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private LedgerService ledger;

	@Autowired
	private RectificationDriver driver;

	@Autowired
	private IdentityService identityService;

	@Autowired
	private RuntimeService runtimeService;

	@Autowired
	private CampaignFixture campaignFixture;

	@Autowired
	private CampaignService campaigns;

	private long campaign;

	private LedgerEntry working;

	private LedgerEntry assigning;

	private LedgerEntry otherUnit;

	@BeforeEach
	void setUp() {
		// a campaign of its own, so that its ledger holds exactly the entries opened here
		String instance = this.campaignFixture.reach(CampaignProcess.TASK_STUDY_SESSION);
		String code = this.runtimeService.createProcessInstanceQuery()
			.processInstanceId(instance)
			.singleResult()
			.getBusinessKey();
		this.campaign = this.campaigns.findByCode(code).orElseThrow().getId();
		this.working = this.driver.open(this.campaign, "u1");
		this.assigning = this.driver.open(this.campaign, "u1");
		this.otherUnit = this.driver.open(this.campaign, "u2");
		this.driver.toWork(this.working);
	}

	@AfterEach
	void tearDown() {
		this.identityService.clearAuthentication();
	}

	@Test
	void shouldFilterTheLedgerForSupervisors() throws Exception {
		ledger("supervisor", "").andExpect(status().isOk())
			.andExpect(jsonPath("$.totalElements").value(3))
			.andExpect(jsonPath("$.content[0].code").value(this.working.getCode()))
			.andExpect(jsonPath("$.content[0].statusName").value("整改中"));
		ledger("supervisor", "?unit=u1").andExpect(jsonPath("$.totalElements").value(2));
		ledger("office", "?status=in_progress").andExpect(jsonPath("$.totalElements").value(1))
			.andExpect(jsonPath("$.content[0].responsiblePerson").value("u1"));
		ledger("party", "?overdue=true").andExpect(jsonPath("$.totalElements").value(0));
		ledger("discipline", "?overdue=false&size=2&page=1").andExpect(jsonPath("$.totalElements").value(3))
			.andExpect(jsonPath("$.content", hasSize(1)))
			.andExpect(jsonPath("$.totalPages").value(2));
	}

	@Test
	void shouldShowAHandlerOnlyTheEntriesOfItsUnit() throws Exception {
		ledger("u1", "").andExpect(status().isOk())
			.andExpect(jsonPath("$.totalElements").value(2))
			.andExpect(jsonPath("$.content[*].unitCode", containsInAnyOrder("u1", "u1")));
		ledger("u2", "").andExpect(jsonPath("$.totalElements").value(1))
			.andExpect(jsonPath("$.content[0].code").value(this.otherUnit.getCode()));
		ledger("u1", "?unit=u2").andExpect(status().isForbidden())
			.andExpect(jsonPath("$.messageZh").value("您无权查看其他单位的整改台账"));
		this.mvc.perform(get("/api/ledger/" + this.working.getId()).with(httpBasic("u2", "demo")))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/api/ledger/" + this.working.getId()).with(httpBasic("u1", "demo")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.entry.code").value(this.working.getCode()))
			.andExpect(jsonPath("$.opinions[0].decision").value("true"))
			.andExpect(jsonPath("$.opinions[0].taskName").value("审核整改措施"));
	}

	@Test
	void shouldRefuseBadQueries() throws Exception {
		ledger("supervisor", "?status=DONE").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.messageZh").value("状态无效：DONE"));
		ledger("supervisor", "?size=0").andExpect(status().isBadRequest());
		this.mvc.perform(get("/api/ledger/999999999").with(httpBasic("supervisor", "demo")))
			.andExpect(status().isNotFound());
	}

	@Test
	void shouldStoreProgressReportsAndRefuseEmptyOnes() throws Exception {
		progress("u1", this.working, "{\"text\":\"  \"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.messageZh").value("「整改进展」为必填项"));
		progress("u1", this.working, "").andExpect(status().isBadRequest());
		assertThat(this.ledger.progress(this.working.getId())).isEmpty();
		assertThat(this.driver.task(this.working, RectificationProcess.TASK_RECTIFY)).isNotNull();

		progress("u2", this.working, "{\"text\":\"越权\"}").andExpect(status().isForbidden());
		progress("u1", this.assigning, "{\"text\":\"尚未开始\"}").andExpect(status().isConflict());
		progress("u1", this.working, "{\"text\":\"已完成制度初稿\"}").andExpect(status().isCreated())
			.andExpect(jsonPath("$.reportedBy").value("u1"));

		assertThat(this.ledger.progress(this.working.getId())).extracting(ProgressReport::getText)
			.containsExactly("已完成制度初稿");
		assertThat(this.driver.task(this.working, RectificationProcess.TASK_RECTIFY)).isNotNull();
		this.mvc.perform(get("/api/ledger/" + this.working.getId()).with(httpBasic("supervisor", "demo")))
			.andExpect(jsonPath("$.progress[0].text").value("已完成制度初稿"));
	}

	@Test
	void shouldRefuseADeadlineInThePastAsTheResponsiblePerson() {
		this.driver.assign(this.assigning, "u1");
		this.identityService.setAuthentication("u1", List.of("unit-u1"));
		assertThatThrownBy(() -> this.driver.complete(this.assigning, RectificationProcess.TASK_DRAFT_MEASURES,
				RectificationProcess.VAR_MEASURES, "措施", RectificationProcess.VAR_DEADLINE_DATE, "2020-01-01"))
			.isInstanceOf(TaskRuleViolation.class)
			.hasMessage("「完成日期」不能早于当前日期");
		this.identityService.clearAuthentication();
		LedgerEntry entry = this.driver.reload(this.assigning);
		assertThat(entry.getStatus()).isEqualTo(LedgerEntry.Status.DRAFTING);
		assertThat(entry.getMeasures()).isNull();
		assertThat(entry.getDeadline()).isNull();
		assertThat(this.driver.task(this.assigning, RectificationProcess.TASK_DRAFT_MEASURES)).isNotNull();
	}

	@Test
	void shouldLetOnlyTheUnitAndSupervisingRolesSeeEvidence() throws Exception {
		String url = "/api/attachments?itemType=ledger-entry&itemId=" + this.working.getId();
		this.mvc.perform(get(url).with(httpBasic("u1", "demo"))).andExpect(status().isOk());
		this.mvc.perform(get(url).with(httpBasic("supervisor", "demo"))).andExpect(status().isOk());
		this.mvc.perform(get(url).with(httpBasic("u2", "demo"))).andExpect(status().isForbidden());
	}

	private ResultActions ledger(String user, String query) throws Exception {
		return this.mvc
			.perform(get("/api/campaigns/" + this.campaign + "/ledger" + query).with(httpBasic(user, "demo")));
	}

	private ResultActions progress(String user, LedgerEntry entry, String body) throws Exception {
		return this.mvc.perform(post("/api/ledger/" + entry.getId() + "/progress").with(httpBasic(user, "demo"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body));
	}

}
