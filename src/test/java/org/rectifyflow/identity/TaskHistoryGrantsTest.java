package org.rectifyflow.identity;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * History reads no more than the present: a handler whose unit held a self-inspection
 * task of the demo campaign reads none of the campaign's historic variables (all five
 * units' problems, the discipline group's notes) through the engine REST API; the groups
 * whose role owns the campaign still do. Confidential processes stay hidden from everyone
 * outside their owners.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TaskHistoryGrantsTest {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private HistoryService historyService;

	@Autowired
	private AuthorizationService authorizationService;

	@Test
	void shouldNotLetAFormerTaskHolderReadTheHistoryOfTheWholeCampaign() throws Exception {
		String campaign = demoInstance("campaign");
		assertThat(this.historyService.createHistoricTaskInstanceQuery()
			.processInstanceId(campaign)
			.taskHadCandidateGroup("unit-u1")
			.finished()
			.count()).as("u1's unit held a task of the campaign").isPositive();
		assertThat(this.historyService.createHistoricVariableInstanceQuery()
			.processInstanceId(campaign)
			.variableName("problems")
			.count()).as("the problem list is only the form's carrier").isZero();
		assertThat(this.historyService.createHistoricVariableInstanceQuery()
			.processInstanceId(campaign)
			.variableName("campaignId")
			.count()).isPositive();

		for (String path : new String[] {
				"/engine-rest/history/variable-instance?processInstanceId=" + campaign
						+ "&variableName=campaignId&maxResults=100",
				"/engine-rest/history/variable-instance?processInstanceId=" + campaign
						+ "&variableName=info&maxResults=100",
				"/engine-rest/history/detail?processInstanceId=" + campaign + "&maxResults=100",
				"/engine-rest/history/task?processInstanceId=" + campaign + "&maxResults=100" }) {
			for (String user : new String[] { "u1", "u1lead" }) {
				HttpResponse<String> response = get(path, user);
				assertThat(response.statusCode()).as(user + " " + path).isEqualTo(200);
				assertThat(response.body()).as(user + " " + path).isEqualTo("[]");
			}
		}
		assertThat(get("/engine-rest/history/variable-instance?processInstanceId=" + campaign
				+ "&variableName=campaignId&maxResults=100", "supervisor")
			.body()).as("the supervisors own the campaign's history").contains("campaignId");

		assertThat(this.authorizationService.createAuthorizationQuery()
			.authorizationType(Authorization.AUTH_TYPE_GRANT)
			.resourceType(Resources.HISTORIC_TASK)
			.list()).as("no task hands out history")
			.allSatisfy((grant) -> assertThat(grant.getResourceId()).isEqualTo(Authorization.ANY));
	}

	@Test
	void shouldKeepConfidentialHistoryWithItsOwners() throws Exception {
		for (String key : new String[] { "clue", "recommendation" }) {
			String instance = demoInstance(key);
			for (String user : new String[] { "u1", "u1lead", "u5", "supervisor", "party", "office" }) {
				for (String path : new String[] { "/engine-rest/history/variable-instance?processInstanceId=",
						"/engine-rest/history/detail?processInstanceId=",
						"/engine-rest/history/process-instance?processInstanceId=" }) {
					HttpResponse<String> response = get(path + instance + "&maxResults=100", user);
					assertThat(response.body()).as(user + " " + path + key).isEqualTo("[]");
				}
			}
			assertThat(get("/engine-rest/history/variable-instance?maxResults=100&processInstanceId=" + instance,
					"discipline")
				.body()).as("the discipline group owns " + key).isNotEqualTo("[]");
		}
	}

	private String demoInstance(String processKey) {
		HistoricProcessInstance instance = this.historyService.createHistoricProcessInstanceQuery()
			.processDefinitionKey(processKey)
			.orderByProcessInstanceStartTime()
			.asc()
			.listPage(0, 1)
			.stream()
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("no demo " + processKey));
		return instance.getId();
	}

	private HttpResponse<String> get(String path, String user) throws IOException, InterruptedException {
		String credentials = Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Authorization", "Basic " + credentials)
			.GET()
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

}
