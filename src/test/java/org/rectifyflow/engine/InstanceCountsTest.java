package org.rectifyflow.engine;

import java.net.http.HttpResponse;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectifyflow.testsupport.EngineRestClient;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Counts of the engine and the operator endpoints tell a user nothing about processes it
 * may not see; with the demo data an unannounced inspection and clues are running.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class InstanceCountsTest {

	@LocalServerPort
	int port;

	@Autowired
	RepositoryService repositoryService;

	@Autowired
	RuntimeService runtimeService;

	EngineRestClient rest;

	@BeforeEach
	void client() {
		this.rest = new EngineRestClient(this.port);
		assertThat(this.runtimeService.createProcessInstanceQuery().processDefinitionKey("inspection").count())
			.as("the demo data runs an inspection")
			.isPositive();
		assertThat(this.runtimeService.createProcessInstanceQuery().processDefinitionKey("clue").count())
			.as("the demo data runs clues")
			.isPositive();
	}

	@Test
	void shouldLeaveConfidentialProcessesOutOfTheDefinitionStatistics() {
		for (String user : new String[] { "u1", "u1lead", "supervisor", "office", "party" }) {
			HttpResponse<String> statistics = this.rest.send("GET",
					"/engine-rest/process-definition/statistics?failedJobs=true&incidents=true", user, null);
			assertThat(statistics.statusCode()).isEqualTo(200);
			assertThat(statistics.body()).as(user)
				.doesNotContain("\"key\":\"inspection\"")
				.doesNotContain("\"key\":\"clue\"");
		}
		assertThat(this.rest.send("GET", "/engine-rest/process-definition/statistics", "u1", null).body())
			.isEqualTo("[]");
		assertThat(this.rest.send("GET", "/engine-rest/process-definition/statistics", "discipline", null).body())
			.contains("\"key\":\"inspection\"")
			.contains("\"key\":\"clue\"");
		assertThat(this.rest.send("GET", "/engine-rest/process-definition/statistics", "supervisor", null).body())
			.contains("\"key\":\"campaign\"");
	}

	@Test
	void shouldCountNothingOfAnInvisibleProcess() {
		String inspection = this.repositoryService.createProcessDefinitionQuery()
			.processDefinitionKey("inspection")
			.latestVersion()
			.singleResult()
			.getId();
		assertThat(this.rest
			.send("GET", "/engine-rest/process-definition/" + inspection + "/statistics?incidents=true", "u1", null)
			.body()).isEqualTo("[]");
		assertThat(this.rest.send("GET", "/engine-rest/deployment/statistics", "u1", null).body())
			.doesNotContain("\"instances\":1");
		for (String path : new String[] { "/engine-rest/process-instance/count?processDefinitionKey=inspection",
				"/engine-rest/history/process-instance/count?processDefinitionKey=inspection",
				"/engine-rest/execution/count?processDefinitionKey=inspection",
				"/engine-rest/job/count?processDefinitionKey=inspection",
				"/engine-rest/incident/count?processDefinitionId=" + inspection,
				"/engine-rest/process-instance/count?processDefinitionKey=clue",
				"/engine-rest/history/process-instance/count?processDefinitionKey=clue",
				"/engine-rest/history/task/count?processDefinitionKey=clue" }) {
			HttpResponse<String> count = this.rest.send("GET", path, "u1", null);
			assertThat(count.statusCode()).as(path).isEqualTo(200);
			assertThat(count.body()).as(path).isEqualTo("{\"count\":0}");
		}
		assertThat(this.rest
			.send("GET", "/engine-rest/process-instance/count?processDefinitionKey=inspection", "discipline", null)
			.body()).isNotEqualTo("{\"count\":0}");
		assertThat(this.rest.send("GET", "/engine-rest/task/report/candidate-group-count", "u1", null).statusCode())
			.isEqualTo(403);
		assertThat(this.rest
			.send("GET", "/engine-rest/history/task/report?reportType=count&groupBy=processDefinition", "u1", null)
			.statusCode()).isEqualTo(403);
		assertThat(this.rest.send("GET", "/engine-rest/metrics/activity-instance-start/sum", "u1", null).statusCode())
			.isEqualTo(403);
	}

	@Test
	void shouldServeMetricsToAdministratorsOnly() {
		// Spring Boot's tests export no metrics (404 for the administrator): what counts
		// here is
		// that nobody else passes the door.
		assertThat(this.rest.send("GET", "/actuator/prometheus", "admin", null).statusCode()).isIn(200, 404);
		for (String user : new String[] { "u1", "supervisor", "discipline", "party", "office" }) {
			assertThat(this.rest.send("GET", "/actuator/prometheus", user, null).statusCode()).as(user).isEqualTo(403);
		}
		assertThat(this.rest.send("GET", "/actuator/prometheus", null, null).statusCode()).isEqualTo(401);
		assertThat(this.rest.send("GET", "/actuator/health", null, null).statusCode()).isEqualTo(200);
	}

}
