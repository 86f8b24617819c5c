package org.rectifyflow.task;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rectifyflow.taskrules.TaskOperationRules.Operation;
import org.rectifyflow.testsupport.ProcessFixture;
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
 * Every user task of every process × every operation (转办, 委派, 退回, 撤回, 抄送, 催办) × one demo
 * user per relation to the item ({@link #sampled}), generated from the deployed models,
 * one process per case of one Spring context. The answer of {@code GET
 * /api/tasks/{id}/operations} says whether the user may do it; each operation offered is
 * done (by one user offered it, to the first target offered) and followed by a completion
 * that must succeed and leave the process's domain record where the process waits
 * ({@link ProcessFixture}); each operation not offered must be refused with 4xx and a
 * Chinese message. Nothing may answer 5xx. A process without a fixture is reported as
 * skipped; a fixture reaches every user task of its process. Of a multi-instance task the
 * first open one stands for all.
 */
@RectifyFlowTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperationsMatrixTest {

	private static final Pattern PROCESS = Pattern.compile("<bpmn:process id=\"([^\"]+)\"");

	@Autowired
	MockMvc mvc;

	@Autowired
	TaskService taskService;

	@Autowired
	IdentityService identityService;

	@Autowired
	RepositoryService repositoryService;

	@Autowired
	List<ProcessFixture> fixtures;

	final ObjectMapper json = new ObjectMapper();

	final Map<String, String> sizes = new LinkedHashMap<>();

	/** The processes with user tasks, from the BPMN files deployed. */
	static Stream<String> processes() throws IOException {
		List<String> keys = new ArrayList<>();
		try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".bpmn")).sorted().toList()) {
				String xml = Files.readString(file);
				Matcher process = PROCESS.matcher(xml);
				if (xml.contains("<bpmn:userTask") && process.find()) {
					keys.add(process.group(1));
				}
			}
		}
		return keys.stream();
	}

	@AfterAll
	void report() {
		System.out.println("Operations matrix (tasks x operations x users = cases, operations done, failures):");
		this.sizes.forEach((key, size) -> System.out.println("  " + key + ": " + size));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("processes")
	void shouldDoEveryOfferedOperationConsistentlyAndRefuseEveryOther(String processKey) throws Exception {
		ProcessFixture fixture = this.fixtures.stream()
			.filter((f) -> f.processKey().equals(processKey))
			.findFirst()
			.orElse(null);
		if (fixture == null) {
			this.sizes.put(processKey, "skipped, no fixture");
		}
		Assumptions.assumeTrue(fixture != null, "no fixture drives " + processKey + " yet");
		long started = System.nanoTime();
		List<String> users = this.identityService.createUserQuery()
			.list()
			.stream()
			.map(User::getId)
			.filter((id) -> !id.equals("admin"))
			.filter(OperationsMatrixTest::sampled)
			.sorted()
			.toList();
		String definitionId = this.repositoryService.createProcessDefinitionQuery()
			.processDefinitionKey(processKey)
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
			Task task = task(fixture.reach(taskKey), taskKey);
			String completedInstance = fixture.reach(taskKey);
			Task toComplete = task(completedInstance, taskKey);
			completeAs(fixture, holder(toComplete), toComplete);
			Map<Operation, String> firstOffered = new LinkedHashMap<>();
			Map<String, JsonNode> offers = new HashMap<>();
			for (String user : users) {
				offers.put(user, available(task.getId(), user));
				if (offers.get(user) != null && offers.get(user).path("operations").size() > 0
						&& !fixture.mayBeOffered(task.getProcessInstanceId(), user)) {
					failures.add(taskKey + " offered to " + user + ", who may not know of it: " + offers.get(user));
				}
				JsonNode onCompleted = available(toComplete.getId(), user);
				for (Operation operation : Operation.values()) {
					cases++;
					String subject = (operation == Operation.WITHDRAW) ? toComplete.getId() : task.getId();
					JsonNode answer = (operation == Operation.WITHDRAW) ? onCompleted : offers.get(user);
					if (offer(answer, operation) != null) {
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
				String instance = fixture.reach(taskKey);
				Task subject = task(instance, taskKey);
				if (operation == Operation.WITHDRAW) {
					completeAs(fixture, holder(subject), subject);
				}
				else if (offer(available(subject.getId(), user), operation) == null) {
					// a fresh instance may have other holders (a team drawn at random)
					for (Task candidate : tasks(instance, taskKey)) {
						String offeredTo = users.stream()
							.filter((u) -> offerOrNull(candidate.getId(), u, operation) != null)
							.findFirst()
							.orElse(null);
						if (offeredTo != null) {
							subject = candidate;
							user = offeredTo;
							break;
						}
					}
				}
				JsonNode offer = offer(available(subject.getId(), user), operation);
				String target = (offer != null && offer.path("targets").size() > 0)
						? offer.path("targets").get(0).path("id").asText() : null;
				MockHttpServletResponse done = perform(operation, subject.getId(), user, target);
				if (done.getStatus() != 200) {
					failures.add(taskKey + " " + operation.id() + " by " + user + " offered but answered "
							+ done.getStatus() + " " + done.getContentAsString());
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
					fixture.assertConsistent(instance);
					Task next = this.taskService.createTaskQuery().processInstanceId(instance).list().get(0);
					completeAs(fixture, holder(next), next);
					fixture.assertConsistent(instance);
				}
				catch (RuntimeException | AssertionError ex) {
					failures
						.add(taskKey + " " + operation.id() + " by " + user + ": completion after it failed: " + ex);
				}
			}
		}
		this.sizes.put(processKey,
				taskKeys.size() + " x " + Operation.values().length + " x " + users.size() + " = " + cases + ", "
						+ offered + " done, " + failures.size() + " failures, "
						+ Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s");
		assertThat(cases).isEqualTo(taskKeys.size() * Operation.values().length * users.size());
		assertThat(offered).isGreaterThanOrEqualTo(taskKeys.size());
		assertThat(failures).isEmpty();
	}

	/**
	 * One user per relation to the fixtures' items: every role user (two of the
	 * discipline group, so that one may act where the other proposed), the handler and
	 * the leader of u1 (the unit every fixture's item concerns) and of u2 (any other
	 * unit). The handlers and leaders of u3 to u5 relate to the items exactly as those of
	 * u2 do.
	 */
	private static boolean sampled(String userId) {
		return !userId.matches("u[3-9](lead)?");
	}

	/** The first open task of the key: a multi-instance task has one per member. */
	private Task task(String processInstanceId, String taskKey) {
		List<Task> tasks = tasks(processInstanceId, taskKey);
		assertThat(tasks).as(taskKey + " of " + processInstanceId).isNotEmpty();
		return tasks.get(0);
	}

	private List<Task> tasks(String processInstanceId, String taskKey) {
		return this.taskService.createTaskQuery()
			.processInstanceId(processInstanceId)
			.taskDefinitionKey(taskKey)
			.orderByTaskId()
			.asc()
			.list();
	}

	private JsonNode offerOrNull(String taskId, String user, Operation operation) {
		try {
			return offer(available(taskId, user), operation);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
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

	private void completeAs(ProcessFixture fixture, String user, Task task) {
		if (task.getAssignee() == null) {
			this.taskService.claim(task.getId(), user);
		}
		this.taskService.complete(task.getId(), fixture.completion(task));
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
