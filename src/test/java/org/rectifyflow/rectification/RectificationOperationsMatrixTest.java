package org.rectifyflow.rectification;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.rectifyflow.taskrules.TaskOperationRules.Operation;
import org.rectifyflow.testsupport.RectifyFlowTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Every user task of the deployed rectification process × every operation × every demo
 * user. The answer of {@code GET /api/tasks/{id}/operations} says whether the user may do
 * it; each operation offered is done (by one user offered it, to the first target
 * offered) and followed by a completion that must succeed and leave the ledger entry in
 * the state of the task the process waits at; each operation not offered must be refused
 * with 4xx and a Chinese message. Nothing may answer 5xx.
 */
@RectifyFlowTest
class RectificationOperationsMatrixTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	RectificationDriver driver;

	@Autowired
	TaskService taskService;

	@Autowired
	IdentityService identityService;

	@Autowired
	RepositoryService repositoryService;

	final ObjectMapper json = new ObjectMapper();

	@Test
	void shouldDoEveryOfferedOperationConsistentlyAndRefuseEveryOther() throws Exception {
		List<String> users = this.identityService.createUserQuery()
			.list()
			.stream()
			.map(User::getId)
			.filter((id) -> !id.equals("admin"))
			.sorted()
			.toList();
		String definitionId = this.repositoryService.createProcessDefinitionQuery()
			.processDefinitionKey(RectificationProcess.KEY)
			.latestVersion()
			.singleResult()
			.getId();
		List<String> taskKeys = this.repositoryService.getBpmnModelInstance(definitionId)
			.getModelElementsByType(UserTask.class)
			.stream()
			.map(UserTask::getId)
			.toList();
		int cases = 0;
		int offered = 0;
		List<String> failures = new ArrayList<>();
		for (String taskKey : taskKeys) {
			LedgerEntry shared = reach(taskKey);
			Task task = this.driver.task(shared, taskKey);
			LedgerEntry completedEntry = reach(taskKey);
			Task toComplete = this.driver.task(completedEntry, taskKey);
			completeAs(holder(toComplete), toComplete, completedEntry);
			Map<Operation, String> firstOffered = new LinkedHashMap<>();
			Map<String, JsonNode> offers = new HashMap<>();
			for (String user : users) {
				offers.put(user, available(task.getId(), user));
				JsonNode onCompleted = available(toComplete.getId(), user);
				for (Operation operation : Operation.values()) {
					cases++;
					String subject = (operation == Operation.WITHDRAW) ? toComplete.getId() : task.getId();
					JsonNode answer = (operation == Operation.WITHDRAW) ? onCompleted : offers.get(user);
					JsonNode offer = offer(answer, operation);
					if (offer != null) {
						firstOffered.putIfAbsent(operation, user);
						continue;
					}
					MockHttpServletResponse refused = perform(operation, subject, user, "office");
					if (refused.getStatus() < 400 || refused.getStatus() >= 500
							|| !refused.getContentAsString().matches("(?s).*[\\u4e00-\\u9fa5].*")) {
						failures.add(taskKey + " " + operation.id() + " by " + user + " not offered but answered "
								+ refused.getStatus() + " " + refused.getContentAsString());
					}
				}
			}
			for (Map.Entry<Operation, String> allowed : firstOffered.entrySet()) {
				offered++;
				Operation operation = allowed.getKey();
				String user = allowed.getValue();
				LedgerEntry entry = reach(taskKey);
				Task subject = this.driver.task(entry, taskKey);
				if (operation == Operation.WITHDRAW) {
					completeAs(holder(subject), subject, entry);
				}
				JsonNode offer = offer(available(subject.getId(), user), operation);
				String target = (offer != null && offer.path("targets").size() > 0)
						? offer.path("targets").get(0).path("id").asText() : null;
				MockHttpServletResponse done = perform(operation, subject.getId(), user, target);
				if (done.getStatus() != 200) {
					failures.add(taskKey + " " + operation.id() + " by " + user + " offered but answered "
							+ done.getStatus() + " " + done.getContentAsString() + " shared offer " + offers.get(user)
							+ " fresh " + available(subject.getId(), user));
					continue;
				}
				if (operation == Operation.DELEGATE) {
					MockHttpServletResponse resolved = perform(null, subject.getId(), target, null);
					if (resolved.getStatus() != 200) {
						failures.add(taskKey + " resolve by " + target + " answered " + resolved.getStatus());
						continue;
					}
				}
				try {
					Task next = this.taskService.createTaskQuery()
						.processInstanceBusinessKey(entry.getCode())
						.list()
						.get(0);
					completeAs(holder(next), next, entry);
					assertConsistent(entry);
				}
				catch (RuntimeException | AssertionError ex) {
					failures
						.add(taskKey + " " + operation.id() + " by " + user + ": completion after it failed: " + ex);
				}
			}
		}
		System.out.printf("Operations matrix: %d tasks x %d operations x %d users = %d cases, %d operations done%n",
				taskKeys.size(), Operation.values().length, users.size(), cases, offered);
		assertThat(cases).isEqualTo(taskKeys.size() * Operation.values().length * users.size());
		assertThat(offered).isGreaterThanOrEqualTo(taskKeys.size());
		assertThat(failures).isEmpty();
	}

	private void assertConsistent(LedgerEntry entry) {
		LedgerEntry now = this.driver.reload(entry);
		List<Task> open = this.taskService.createTaskQuery().processInstanceBusinessKey(entry.getCode()).list();
		if (open.isEmpty()) {
			assertThat(now.isSettled()).as(now.toString()).isTrue();
			return;
		}
		for (Task task : open) {
			assertThat(now.getStatus()).as(entry.getCode() + " at " + task.getTaskDefinitionKey())
				.isEqualTo(RectificationOperations.stateAt(task.getTaskDefinitionKey()));
		}
	}

	/** A fresh ledger entry whose process waits at the task. */
	private LedgerEntry reach(String taskKey) {
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
		return entry;
	}

	/** Who completes the task: its assignee, or the first member of a candidate group. */
	private String holder(Task task) {
		if (task.getAssignee() != null) {
			return task.getAssignee();
		}
		return this.taskService.getIdentityLinksForTask(task.getId())
			.stream()
			.filter((link) -> link.getGroupId() != null)
			.map((link) -> this.identityService.createUserQuery()
				.memberOfGroup(link.getGroupId())
				.orderByUserId()
				.asc()
				.list()
				.get(0)
				.getId())
			.findFirst()
			.orElseThrow();
	}

	private void completeAs(String user, Task task, LedgerEntry entry) {
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
		if (task.getAssignee() == null) {
			this.taskService.claim(task.getId(), user);
		}
		this.taskService.complete(task.getId(), variables);
	}

	private JsonNode available(String taskId, String user) throws Exception {
		MockHttpServletResponse response = this.mvc
			.perform(get("/api/tasks/" + taskId + "/operations").with(httpBasic(user, "demo")))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).as("operations of " + taskId + " for " + user).isIn(200, 404);
		return (response.getStatus() == 200) ? this.json.readTree(response.getContentAsString()) : null;
	}

	private static JsonNode offer(JsonNode answer, Operation operation) {
		if (answer == null) {
			return null;
		}
		for (JsonNode offer : answer.path("operations")) {
			if (operation.id().equals(offer.path("id").asText())) {
				return offer;
			}
		}
		return null;
	}

	/** Performs an operation; {@code null} resolves a delegated task. */
	private MockHttpServletResponse perform(Operation operation, String taskId, String user, String target)
			throws Exception {
		String path = "/api/tasks/" + taskId + "/" + ((operation != null) ? operation.id() : "resolve");
		String body = (operation == null) ? "{\"note\":\"已办理\"}" : switch (operation) {
			case TRANSFER -> "{\"userId\":\"" + target + "\",\"reason\":\"请协助办理\"}";
			case DELEGATE -> "{\"userId\":\"" + target + "\",\"note\":\"请协助\"}";
			case RETURN -> "{\"opinion\":\"请修改后重新提交\"}";
			case WITHDRAW -> null;
			case CC -> "{\"userIds\":[\"supervisor\"],\"note\":\"请知悉\"}";
			case URGE -> "{\"message\":\"请尽快办理\"}";
		};
		var request = post(path).with(httpBasic(user, "demo"));
		if (body != null) {
			request = request.contentType(MediaType.APPLICATION_JSON).content(body);
		}
		return this.mvc.perform(request).andReturn().getResponse();
	}

}
