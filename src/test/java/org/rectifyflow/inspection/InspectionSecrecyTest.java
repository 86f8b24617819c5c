package org.rectifyflow.inspection;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rectifyflow.inspection.internal.TeamMember;
import org.rectifyflow.testsupport.EngineClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An unannounced inspection (暗访) of units u1 and u2 is invisible to their handlers and
 * leaders, and to the supervising Cockpit groups, through the engine REST API and the
 * project's API, until its field work ends; the discipline group and the team see it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class InspectionSecrecyTest {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private InspectionDriver driver;

	@Autowired
	private InspectionRegister inspections;

	@RegisterExtension
	final EngineClock clock = EngineClock.startingAt(Instant.parse("2026-09-18T02:00:00Z"));

	@Test
	void shouldHideAnUnannouncedInspectionFromItsTargetsUntilTheFieldWorkEnds() throws Exception {
		Inspection inspection = this.driver.toFieldWork(Inspection.Kind.UNANNOUNCED);
		String pid = inspection.getProcessInstanceId();
		String api = "/api/inspections/" + inspection.getId();
		String member = this.inspections.team(inspection.getId())
			.stream()
			.filter((m) -> !m.isTeamLeader())
			.findFirst()
			.orElseThrow()
			.getUserId();

		for (String outsider : new String[] { "u1", "u1lead", "u2", "supervisor", "party" }) {
			assertThat(body("/engine-rest/process-instance?maxResults=100&processDefinitionKey=inspection", outsider))
				.as(outsider)
				.doesNotContain(pid);
			assertThat(status("/engine-rest/process-instance/" + pid, outsider)).as(outsider).isBetween(400, 499);
			assertThat(body("/engine-rest/task?maxResults=100&processInstanceId=" + pid, outsider)).as(outsider)
				.isEqualTo("[]");
			assertThat(body("/engine-rest/history/process-instance?maxResults=100&processInstanceId=" + pid, outsider))
				.as(outsider)
				.isEqualTo("[]");
			assertThat(body("/engine-rest/history/task?maxResults=100&processInstanceId=" + pid, outsider)).as(outsider)
				.isEqualTo("[]");
			assertThat(status(api, outsider)).as(outsider).isEqualTo(404);
			assertThat(body("/api/inspections?size=200", outsider)).as(outsider)
				.doesNotContain("\"code\":\"" + inspection.getCode() + "\"");
			assertThat(status("/api/attachments?itemType=inspection&itemId=" + inspection.getId(), outsider))
				.as(outsider)
				.isBetween(400, 499);
		}

		// Insiders: the discipline group and the team.
		assertThat(status("/engine-rest/process-instance/" + pid, "discipline")).isEqualTo(200);
		assertThat(status(api, "discipline2")).isEqualTo(200);
		assertThat(status(api, member)).isEqualTo(200);
		assertThat(body("/engine-rest/task?maxResults=100&assignee=" + member, member)).contains(pid);

		// The field work ends: disclosed to the supervising groups and the target units.
		this.driver.allDone(inspection);
		assertThat(status("/engine-rest/process-instance/" + pid, "supervisor")).isEqualTo(200);
		assertThat(body("/engine-rest/history/process-instance?maxResults=100&processInstanceId=" + pid, "supervisor"))
			.contains(pid);
		assertThat(status(api, "u1")).isEqualTo(200);
		java.util.List<String> team = this.inspections.team(inspection.getId())
			.stream()
			.map(TeamMember::getUserId)
			.toList();
		String bystander = java.util.stream.Stream.of("u3", "u3lead", "u4", "u4lead")
			.filter((u) -> !team.contains(u))
			.findFirst()
			.orElseThrow();
		assertThat(status(api, bystander)).as(bystander).isEqualTo(404);
		// The target units still get no engine access to the inspection itself.
		assertThat(status("/engine-rest/process-instance/" + pid, "u1")).isBetween(400, 499);
	}

	@Test
	void shouldDiscloseOnlyTheCountOfFindingsThatBecameCluesAfterAnUnannouncedInspection() throws Exception {
		Inspection inspection = this.driver.toFieldWork(Inspection.Kind.UNANNOUNCED);
		String member = this.inspections.team(inspection.getId()).get(0).getUserId();
		String allegation = "收受管理服务对象礼金" + System.nanoTime();
		String problem = "督查督办不到位" + System.nanoTime();
		this.driver.finding(inspection, member, "u1", Finding.Type.CLUE, allegation);
		this.driver.finding(inspection, member, "u1", Finding.Type.PROBLEM, problem);
		this.driver.allDone(inspection);
		String api = "/api/inspections/" + inspection.getId();
		String pid = inspection.getProcessInstanceId();

		for (String viewer : new String[] { "u1lead", "u1", "supervisor", "party" }) {
			String detail = body(api, viewer);
			assertThat(detail).as(viewer).contains(problem).contains("\"withheldClueFindings\":1");
			assertThat(detail).as(viewer).doesNotContain(allegation).doesNotContain("某工作人员");
			assertThat(detail.split("\"recordedBy\"", -1)).as(viewer + ": only the problem's recorder").hasSize(2);
		}
		assertThat(body(api, "discipline")).contains(allegation)
			.contains("某工作人员")
			.contains("\"withheldClueFindings\":0");

		// The disclosed history of the inspection holds none of what the team typed.
		for (String path : new String[] {
				"/engine-rest/history/variable-instance?maxResults=100&processInstanceId=" + pid,
				"/engine-rest/history/detail?maxResults=100&processInstanceId=" + pid }) {
			String history = body(path, "supervisor");
			assertThat(history).as(path).doesNotContain(allegation).doesNotContain("某工作人员").doesNotContain(problem);
		}
		assertThat(body("/engine-rest/history/process-instance?maxResults=100&processInstanceId=" + pid, "supervisor"))
			.contains(pid);
	}

	@Test
	void shouldShowAnAnnouncedInspectionToTheSupervisorsAndTheTargets() throws Exception {
		Inspection inspection = this.driver.toFieldWork(Inspection.Kind.ANNOUNCED);
		assertThat(status("/engine-rest/process-instance/" + inspection.getProcessInstanceId(), "supervisor"))
			.isEqualTo(200);
		assertThat(status("/api/inspections/" + inspection.getId(), "u2")).isEqualTo(200);
		assertThat(body("/api/inspections?kind=ANNOUNCED&unit=u2&size=200", "u2"))
			.contains("\"code\":\"" + inspection.getCode() + "\"");
		assertThat(status("/api/inspections?kind=SECRET", "u2")).isEqualTo(400);
	}

	private int status(String path, String user) throws IOException, InterruptedException {
		return send(path, user).statusCode();
	}

	private String body(String path, String user) throws IOException, InterruptedException {
		HttpResponse<String> response = send(path, user);
		assertThat(response.statusCode()).as(user + " GET " + path).isEqualTo(200);
		return response.body();
	}

	private HttpResponse<String> send(String path, String user) throws IOException, InterruptedException {
		String basic = "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Authorization", basic)
			.header("Accept", "application/json")
			.GET()
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

}
