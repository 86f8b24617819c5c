package org.rectifyflow.dashboard;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.rectifyflow.deadline.DeadlinePassed;
import org.rectifyflow.rectification.LedgerEntry;
import org.rectifyflow.rectification.LedgerService;
import org.rectifyflow.rectification.NewLedgerEntry;
import org.rectifyflow.rectification.RectificationProcess;
import org.rectifyflow.testsupport.EngineClock;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A campaign of its own with a ledger whose overdue items are known: in u1 one overdue
 * and one on time, in u2 one closed, in u3 one overdue and one waiting for its
 * responsible person; and a named clue whose reporter must never appear in figures or
 * exports.
 */
public final class SupervisionFixture {

	/** The reporter of the fixture's named clue. */
	public static final String REPORTER_NAME = "举报人欧阳明远";

	public static final String REPORTER_CONTACT = "13987654321";

	public static final String REPORTER_EMAIL = "ouyang.mingyuan@example.org";

	/** The person the named clue concerns. */
	public static final String SUBJECT_PERSON = "被反映人司马青云";

	public final long campaignId;

	public final String campaignCode;

	public final List<LedgerEntry> entries;

	public final String clueNumber;

	private SupervisionFixture(long campaignId, String campaignCode, List<LedgerEntry> entries, String clueNumber) {
		this.campaignId = campaignId;
		this.campaignCode = campaignCode;
		this.entries = entries;
		this.clueNumber = clueNumber;
	}

	/**
	 * Builds the fixture through the API and the engine.
	 */
	public static SupervisionFixture create(MockMvc mvc, LedgerService ledger, TaskService tasks,
			ApplicationEventPublisher events) throws Exception {
		ObjectMapper json = new ObjectMapper();
		LocalDate today = LocalDate.now();
		Map<String, Object> body = Map.of("title", "督办统计测试专项整治" + System.nanoTime(), "basisDocuments",
				List.of(Map.of("title", "关于开展整治形式主义官僚主义专项行动的通知", "number", "中纪办〔2022〕8号")), "scopeUnits",
				List.of("u1", "u2", "u3"), "deadlines",
				Map.of("selfInspection", today.plusDays(10).toString(), "crossInspection",
						today.plusDays(20).toString(), "review", today.plusDays(30).toString(), "rectification",
						today.plusDays(120).toString(), "regulation", today.plusDays(150).toString()));
		JsonNode created = json.readTree(mvc
			.perform(post("/api/campaigns").with(httpBasic("office", "demo"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(json.writeValueAsString(body)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString());
		long id = created.get("id").asLong();
		String code = created.get("code").asText();
		JsonNode clue = json
			.readTree(mvc
				.perform(post("/api/clues").with(httpBasic("discipline", "demo"))
					.contentType(MediaType.APPLICATION_JSON)
					.content(json.writeValueAsString(Map.of("channel", "PETITION", "subjectUnit", "u3", "subjectPerson",
							SUBJECT_PERSON, "category", "WORK_IMPLEMENTATION", "description",
							"【测试】来访反映窗口办事推诿，材料反复要求补正。", "reporterName", REPORTER_NAME, "reporterContact",
							REPORTER_CONTACT, "reporterEmail", REPORTER_EMAIL))))
				.andExpect(status().isCreated())
				.andReturn()
				.getResponse()
				.getContentAsString());
		List<LedgerEntry> entries = EngineClock.at(EngineClock.now().toInstant().minus(Duration.ofDays(30)), () -> {
			LedgerEntry u1Late = open(ledger, id, code, "u1", "以会议落实会议，周例会重复召开");
			LedgerEntry u1OnTime = open(ledger, id, code, "u1", "调研走过场，只看准备好的点");
			LedgerEntry u2Closed = open(ledger, id, code, "u2", "转发文件未结合实际提出措施");
			LedgerEntry u3Late = open(ledger, id, code, "u3", "窗口服务推诿扯皮");
			LedgerEntry u3Assigning = open(ledger, id, code, "u3", "督查检查考核过多过频");
			toWork(tasks, u1Late, 5);
			toWork(tasks, u1OnTime, 60);
			toWork(tasks, u2Closed, 5);
			toWork(tasks, u3Late, 3);
			complete(tasks, u2Closed, RectificationProcess.TASK_RECTIFY, RectificationProcess.VAR_RECTIFY_ACTION,
					"CLOSURE", RectificationProcess.VAR_EVIDENCE_NOTE, "已印发会议精简办法");
			complete(tasks, u2Closed, RectificationProcess.TASK_ACCEPT_CLOSURE,
					RectificationProcess.VAR_CLOSURE_ACCEPTED, true, RectificationProcess.VAR_OPINION, "整改到位，予以销号");
			return List.of(u1Late, u1OnTime, u2Closed, u3Late, u3Assigning);
		});
		for (LedgerEntry late : List.of(entries.get(0), entries.get(3))) {
			LedgerEntry entry = ledger.find(late.getId()).orElseThrow();
			events.publishEvent(new DeadlinePassed(RectificationProcess.KEY, entry.getProcessInstanceId(),
					entry.getCode(), 1, entry.getDeadline().toInstant()));
		}
		return new SupervisionFixture(id, code, entries, clue.get("clueNumber").asText());
	}

	private static LedgerEntry open(LedgerService ledger, long id, String code, String unit, String description) {
		return ledger
			.open(new NewLedgerEntry(id, code, null, unit, "STYLE", "文风会风", description, "SELF_INSPECTION", null));
	}

	private static void toWork(TaskService tasks, LedgerEntry entry, int workingDays) {
		complete(tasks, entry, RectificationProcess.TASK_ASSIGN_RESPONSIBLE,
				RectificationProcess.VAR_RESPONSIBLE_PERSON, entry.getUnitCode());
		complete(tasks, entry, RectificationProcess.TASK_DRAFT_MEASURES, RectificationProcess.VAR_MEASURES,
				"制定整改清单，明确时间节点", RectificationProcess.VAR_WORKING_DAYS, workingDays);
		complete(tasks, entry, RectificationProcess.TASK_APPROVE_MEASURES, RectificationProcess.VAR_MEASURES_APPROVED,
				true, RectificationProcess.VAR_OPINION, "同意");
	}

	private static void complete(TaskService tasks, LedgerEntry entry, String taskKey, Object... keyValues) {
		Task task = tasks.createTaskQuery()
			.processInstanceBusinessKey(entry.getCode())
			.taskDefinitionKey(taskKey)
			.singleResult();
		if (task == null) {
			throw new IllegalStateException("No task " + taskKey + " for " + entry.getCode());
		}
		Map<String, Object> variables = new HashMap<>();
		for (int i = 0; i < keyValues.length; i += 2) {
			variables.put((String) keyValues[i], keyValues[i + 1]);
		}
		tasks.complete(task.getId(), variables);
	}

}
