package org.rectifyflow.rectification;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectifyflow.identity.Roles;
import org.rectifyflow.organisation.Unit;
import org.rectifyflow.organisation.UnitRepository;
import org.rectifyflow.testsupport.PostgresIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger and the rectification forms over HTTP on PostgreSQL: the engine REST API as
 * Tasklist uses it (form values as text), the project's API with its access rules.
 */
@PostgresIntegrationTest
class LedgerApiIT {

	private static final String PASSWORD = "Rectify-it-1";

	@Autowired
	private TestRestTemplate http;

	@Autowired
	private IdentityService identityService;

	@Autowired
	private TaskService taskService;

	@Autowired
	private UnitRepository units;

	@Autowired
	private LedgerService ledger;

	@Autowired
	private JdbcTemplate jdbc;

	@BeforeEach
	void organisation() {
		if (this.units.existsById("p1")) {
			return;
		}
		group("unit-p1");
		group("unit-p2");
		user("p1lead", "unit-p1", Roles.UNIT_LEADERS);
		user("p1", "unit-p1");
		user("p2", "unit-p2");
		user("sup", Roles.SUPERVISORS);
		this.units.save(new Unit("p1", "执法一队", "p1lead"));
		this.units.save(new Unit("p2", "执法二队", null));
		// the campaigns the entries belong to (an address naming a campaign that does not
		// exist answers 404)
		for (int id : new int[] { 77, 78 }) {
			this.jdbc.update(
					"insert into campaign (id, code, campaign_year, seq, title, status, phase, started_by, "
							+ "started_at) values (?, ?, 2026, ?, '台账接口测试专项整治', 'RUNNING', 'RECTIFY', 'system', now())",
					id, "ZZ-2026-0" + id, id);
		}
	}

	@Test
	void shouldRunARectificationThroughTheEngineRestApiAndShowItInTheLedger() {
		LedgerEntry entry = this.ledger
			.open(new NewLedgerEntry(77L, "ZZ-2026-077", 5L, "p1", "C3", "抓落实抓细", "督查督办力度不大", "REVIEW", null));
		assertThat(entry.getCode()).isEqualTo("ZZ-2026-077-001");

		assertThat(complete("p1lead", entry, RectificationProcess.TASK_ASSIGN_RESPONSIBLE,
				Map.of("responsiblePerson", Map.of("value", "p1")))
			.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(this.ledger.find(entry.getId()).orElseThrow().getStatus()).isEqualTo(LedgerEntry.Status.DRAFTING);

		ResponseEntity<String> past = complete("p1", entry, RectificationProcess.TASK_DRAFT_MEASURES,
				Map.of("measures", Map.of("value", "建立督办台账"), "deadlineDate", Map.of("value", "2020-01-01")));
		assertThat(past.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(past.getBody()).contains("「完成日期」不能早于当前日期");
		LedgerEntry drafting = this.ledger.find(entry.getId()).orElseThrow();
		assertThat(drafting.getStatus()).isEqualTo(LedgerEntry.Status.DRAFTING);
		assertThat(drafting.getMeasures()).isNull();
		assertThat(task(entry, RectificationProcess.TASK_DRAFT_MEASURES)).isNotNull();

		assertThat(complete("p1", entry, RectificationProcess.TASK_DRAFT_MEASURES,
				Map.of("measures", Map.of("value", "建立督办台账"), "workingDays", Map.of("value", 10, "type", "Integer")))
			.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		// A decision as Tasklist's Camunda Forms submit it: text.
		assertThat(complete("p1lead", entry, RectificationProcess.TASK_APPROVE_MEASURES,
				Map.of("measuresApproved", Map.of("value", "true"), "opinion", Map.of("value", "同意")))
			.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(task(entry, RectificationProcess.TASK_RECTIFY).getAssignee()).isEqualTo("p1");

		ResponseEntity<String> empty = exchange("p1", HttpMethod.POST, "/api/ledger/" + entry.getId() + "/progress",
				Map.of("text", ""));
		assertThat(empty.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(empty.getBody()).contains("「整改进展」为必填项");
		assertThat(
				exchange("p1", HttpMethod.POST, "/api/ledger/" + entry.getId() + "/progress", Map.of("text", "已建立督办台账"))
					.getStatusCode())
			.isEqualTo(HttpStatus.CREATED);

		ResponseEntity<String> all = exchange("sup", HttpMethod.GET, "/api/campaigns/77/ledger?status=IN_PROGRESS",
				null);
		assertThat(all.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(all.getBody()).contains("\"totalElements\":1", "ZZ-2026-077-001", "整改中");
		assertThat(exchange("p1", HttpMethod.GET, "/api/campaigns/77/ledger", null).getBody())
			.contains("\"totalElements\":1");
		assertThat(exchange("p2", HttpMethod.GET, "/api/campaigns/77/ledger", null).getBody())
			.contains("\"totalElements\":0");
		assertThat(exchange("p2", HttpMethod.GET, "/api/ledger/" + entry.getId(), null).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		ResponseEntity<String> detail = exchange("sup", HttpMethod.GET, "/api/ledger/" + entry.getId(), null);
		assertThat(detail.getBody()).contains("已建立督办台账", "审核整改措施", "同意");

		assertThat(complete("p1", entry, RectificationProcess.TASK_RECTIFY,
				Map.of("rectifyAction", Map.of("value", "CLOSURE"), "evidenceNote", Map.of("value", "台账已运行一个月")))
			.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(this.ledger.find(entry.getId()).orElseThrow().getStatus())
			.isEqualTo(LedgerEntry.Status.CLOSURE_REQUESTED);
	}

	@Test
	void shouldRefuseAnEntryForAUnitWithoutLeader() {
		ResponseEntity<String> none = exchange("sup", HttpMethod.GET, "/api/campaigns/78/ledger", null);
		assertThat(none.getBody()).contains("\"totalElements\":0");
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> this.ledger
				.open(new NewLedgerEntry(78L, "ZZ-2026-078", null, "p2", "C1", "类别", "描述", "CLUE", "XS-2026-000001")))
			.isInstanceOfSatisfying(org.rectifyflow.kernel.Refusal.class,
					(ex) -> assertThat(ex.getMessageEn()).contains("has no recorded leader"));
		assertThat(this.ledger.entries(78L)).isEmpty();
	}

	private ResponseEntity<String> complete(String user, LedgerEntry entry, String taskKey, Map<String, ?> variables) {
		Task task = task(entry, taskKey);
		assertThat(task).as(taskKey).isNotNull();
		return exchange(user, HttpMethod.POST, "/engine-rest/task/" + task.getId() + "/complete",
				Map.of("variables", variables));
	}

	private Task task(LedgerEntry entry, String taskKey) {
		return this.taskService.createTaskQuery()
			.processInstanceBusinessKey(entry.getCode())
			.taskDefinitionKey(taskKey)
			.singleResult();
	}

	private ResponseEntity<String> exchange(String user, HttpMethod method, String url, Object body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setBasicAuth(user, PASSWORD);
		headers.setContentType(MediaType.APPLICATION_JSON);
		headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
		return this.http.exchange(url, method, new HttpEntity<>(body, headers), String.class);
	}

	private void group(String id) {
		if (this.identityService.createGroupQuery().groupId(id).count() == 0) {
			var group = this.identityService.newGroup(id);
			group.setName(id);
			group.setType("WORKFLOW");
			this.identityService.saveGroup(group);
		}
	}

	private void user(String id, String... groups) {
		User user = this.identityService.newUser(id);
		user.setFirstName(id);
		user.setLastName("测试");
		user.setPassword(PASSWORD);
		this.identityService.saveUser(user);
		for (String group : groups) {
			group(group);
			this.identityService.createMembership(id, group);
		}
	}

}
