package org.rectifyflow.dashboard;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectifyflow.calendar.WorkingDayCalendar;
import org.rectifyflow.clue.ClueProcess;
import org.rectifyflow.deadline.EscalationProcess;
import org.rectifyflow.inspection.InspectionProcess;
import org.rectifyflow.recommendation.RecommendationProcess;
import org.rectifyflow.rectification.LedgerEntry;
import org.rectifyflow.rectification.LedgerService;
import org.rectifyflow.rectification.RectificationProcess;
import org.rectifyflow.testsupport.RectifyFlowTest;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rectifyflow.testsupport.EngineClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The dashboard against a data set with every kind of late item: a late ledger entry, a
 * clue overdue at registration, a late recommendation reply, late inspection field work
 * and an open 督办 task. Each must be counted where its work is held, with its holder and
 * its lateness in working days; confidential items only as counts for supervisors.
 */
@RectifyFlowTest
class SupervisionHoldersTest {

	private static final String CLUE_TEXT = "【看板测试】受理登记超期的线索内容";

	private static final String INSPECTION_TITLE = "看板测试暗访（现场检查超期）";

	@Autowired
	private MockMvc mvc;

	@Autowired
	private LedgerService ledger;

	@Autowired
	private TaskService taskService;

	@Autowired
	private RuntimeService runtimeService;

	@Autowired
	private ManagementService managementService;

	@Autowired
	private ApplicationEventPublisher events;

	@Autowired
	private WorkingDayCalendar calendar;

	private final ObjectMapper json = new ObjectMapper();

	private SupervisionFixture fixture;

	private String clueNumber;

	private ProcessInstance letter;

	private ProcessInstance inspection;

	@RegisterExtension
	final EngineClock clock = EngineClock.realTime();

	@BeforeEach
	void setUp() throws Exception {
		this.fixture = SupervisionFixture.create(this.mvc, this.ledger, this.taskService, this.events);
		ZonedDateTime now = ZonedDateTime.now(this.calendar.zone());
		this.clueNumber = EngineClock.at(now.minusDays(20).toInstant(), this::receiveClue);
		this.letter = EngineClock.at(now.minusWeeks(10).toInstant(), this::issueLetter);
		ZonedDateTime back = now.minusWeeks(4);
		this.inspection = EngineClock.at(back.toInstant(), () -> startFieldWork(back.toLocalDate()));
		superviseLetter();
	}

	@Test
	void shouldCountEveryLateItemWhereItIsHeldWithItsHolder() throws Exception {
		JsonNode summary = read("/api/supervision/summary", "supervisor");
		LocalDate today = LocalDate.now(this.calendar.zone());

		LedgerEntry late = this.ledger.find(this.fixture.entries.get(0).getId()).orElseThrow();
		Task rectify = task(late.getProcessInstanceId(), RectificationProcess.TASK_RECTIFY);
		JsonNode entry = held(summary, "ledger", late.getCode());
		assertThat(entry.get("holder").asText()).isEqualTo(rectify.getAssignee()).isEqualTo("u1");
		assertThat(entry.get("holderName").asText()).as("the holder by the name the organisation knows")
			.isEqualTo("孙晓明");
		assertThat(entry.get("placeCode").asText()).isEqualTo(late.getUnitCode());
		assertThat(entry.get("workingDaysOverdue").asInt()).isEqualTo(days(late.getDeadline(), today)).isPositive();

		Task register = this.taskService.createTaskQuery()
			.processInstanceBusinessKey(this.clueNumber)
			.taskDefinitionKey(ClueProcess.TASK_REGISTER)
			.singleResult();
		JsonNode clue = held(summary, "clue", this.clueNumber);
		assertThat(clue.get("placeCode").asText()).isEqualTo("discipline-group");
		assertThat(clue.get("unclaimed").asBoolean()).isTrue();
		assertThat(clue.get("candidateGroup").asText()).isEqualTo("discipline-group");
		assertThat(OffsetDateTime.parse(clue.get("deadline").asText()).toInstant())
			.isEqualTo(register.getDueDate().toInstant());
		assertThat(clue.get("workingDaysOverdue").asInt()).isEqualTo(days(register.getDueDate(), today)).isPositive();

		Task reply = task(this.letter.getId(), RecommendationProcess.TASK_REPLY);
		JsonNode letter = held(summary, "recommendation", this.letter.getBusinessKey());
		assertThat(letter.get("holder").asText()).isEqualTo(reply.getAssignee());
		assertThat(letter.get("placeCode").asText()).isEqualTo("u5");
		assertThat(letter.get("unitCode").asText()).isEqualTo("u5");
		assertThat(letter.get("workingDaysOverdue").asInt()).isEqualTo(days(reply.getDueDate(), today)).isPositive();

		List<Task> fieldWork = this.taskService.createTaskQuery()
			.processInstanceId(this.inspection.getId())
			.taskDefinitionKey(InspectionProcess.TASK_FIELD_WORK)
			.list();
		assertThat(fieldWork).isNotEmpty();
		for (Task member : fieldWork) {
			JsonNode field = heldBy(summary, "inspection", this.inspection.getBusinessKey(), member.getAssignee());
			assertThat(field.get("workingDaysOverdue").asInt()).isEqualTo(days(member.getDueDate(), today))
				.isPositive();
			assertThat(field.get("placeCode").asText()).as("held at a task, not the summary's \"none\"")
				.isNotEqualTo("none");
		}

		Task supervise = this.taskService.createTaskQuery()
			.processDefinitionKey(EscalationProcess.KEY)
			.taskDefinitionKey(EscalationProcess.TASK_SUPERVISE)
			.processInstanceBusinessKey(this.letter.getBusinessKey())
			.singleResult();
		String group = this.taskService.getIdentityLinksForTask(supervise.getId())
			.stream()
			.filter((l) -> l.getGroupId() != null)
			.findFirst()
			.orElseThrow()
			.getGroupId();
		JsonNode urge = held(summary, "supervision", this.letter.getBusinessKey());
		assertThat(urge.get("unclaimed").asBoolean()).isTrue();
		assertThat(urge.get("candidateGroup").asText()).isEqualTo(group);
		assertThat(urge.get("link").asText()).isEqualTo(letter.get("link").asText());
		assertThat(urge.get("workingDaysOverdue").asInt()).isEqualTo(days(supervise.getCreateTime(), today));

		// Every figure equals the list behind it, and the per-person view agrees.
		for (JsonNode place : summary.get("units")) {
			for (JsonNode figures : place.get("items")) {
				assertThat(total(figures.get("openLink").asText())).isEqualTo(figures.get("open").asLong());
				assertThat(total(figures.get("overdueLink").asText())).isEqualTo(figures.get("overdue").asLong());
			}
		}
		JsonNode holders = read("/api/supervision/holders", "supervisor");
		JsonNode person = holder(holders, reply.getAssignee());
		assertThat(person.get("overdue").asLong()).isGreaterThanOrEqualTo(1);
		assertThat(total(person.get("link").asText())).isEqualTo(person.get("open").asLong());
		assertThat(total(person.get("overdueLink").asText())).isEqualTo(person.get("overdue").asLong());
		assertThat(person.get("items").findValuesAsText("ref")).contains(this.letter.getBusinessKey());
	}

	@Test
	void shouldCountConfidentialItemsWithoutContentForSupervisors() throws Exception {
		String body = this.mvc.perform(get("/api/supervision/summary").with(httpBasic("supervisor", "demo")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		JsonNode summary = this.json.readTree(body);
		JsonNode clue = held(summary, "clue", this.clueNumber);
		assertThat(clue.get("workingDaysOverdue").asInt()).isPositive();
		for (JsonNode hidden : List.of(clue, held(summary, "inspection", this.inspection.getBusinessKey()))) {
			assertThat(hidden.get("title").isNull()).isTrue();
			assertThat(hidden.get("unitCode").isNull()).isTrue();
			assertThat(hidden.get("link").isNull()).isTrue();
			assertThat(hidden.get("taskName").isNull()).isTrue();
		}
		assertThat(body).doesNotContain(CLUE_TEXT).doesNotContain(INSPECTION_TITLE);
		String holders = this.mvc.perform(get("/api/supervision/holders").with(httpBasic("supervisor", "demo")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(holders).doesNotContain(CLUE_TEXT).doesNotContain(INSPECTION_TITLE);

		JsonNode discipline = read("/api/supervision/summary", "discipline");
		assertThat(held(discipline, "clue", this.clueNumber).get("title").asText()).isEqualTo(CLUE_TEXT);
		assertThat(held(discipline, "inspection", this.inspection.getBusinessKey()).get("title").asText())
			.isEqualTo(INSPECTION_TITLE);
	}

	private String receiveClue() throws Exception {
		JsonNode clue = this.json.readTree(this.mvc
			.perform(post("/api/clues").with(httpBasic("discipline", "demo"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(this.json.writeValueAsString(Map.of("channel", "PETITION", "subjectUnit", "u2", "category",
						"WORK_IMPLEMENTATION", "description", CLUE_TEXT))))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString());
		return clue.get("clueNumber").asText();
	}

	private ProcessInstance issueLetter() {
		ProcessInstance pi = this.runtimeService.startProcessInstanceByKey(RecommendationProcess.KEY,
				Map.of(RecommendationProcess.VAR_STARTED_BY, "discipline"));
		Map<String, Object> draft = new HashMap<>();
		draft.put(RecommendationProcess.VAR_LETTER_KIND, "DISCIPLINE");
		draft.put(RecommendationProcess.VAR_UNIT_CODE, "u5");
		draft.put(RecommendationProcess.VAR_PROBLEMS, "看板测试：窗口服务推诿扯皮，属系统性问题。");
		draft.put(RecommendationProcess.VAR_BASIS_REFS, "看板测试台账");
		draft.put(RecommendationProcess.VAR_REQUIREMENTS, "落实首问负责、限时办结制度。");
		draft.put(RecommendationProcess.VAR_REPLY_WORKING_DAYS, 30L);
		complete(task(pi.getId(), RecommendationProcess.TASK_DRAFT), draft);
		complete(task(pi.getId(), RecommendationProcess.TASK_APPROVE),
				Map.of(RecommendationProcess.VAR_LETTER_APPROVED, "true", RecommendationProcess.VAR_OPINION, "同意印发"));
		return this.runtimeService.createProcessInstanceQuery().processInstanceId(pi.getId()).singleResult();
	}

	private ProcessInstance startFieldWork(LocalDate today) {
		ProcessInstance pi = this.runtimeService.startProcessInstanceByKey(InspectionProcess.KEY,
				Map.of(InspectionProcess.VAR_PLANNER, "discipline"));
		Map<String, Object> plan = new HashMap<>();
		plan.put(InspectionProcess.VAR_KIND, "UNANNOUNCED");
		plan.put(InspectionProcess.VAR_TITLE, INSPECTION_TITLE);
		plan.put(InspectionProcess.VAR_TARGET_UNITS, "u1,u2");
		plan.put(InspectionProcess.VAR_PLACES, "XX镇");
		plan.put(InspectionProcess.VAR_PERIOD_START, today.toString());
		plan.put(InspectionProcess.VAR_PERIOD_END, this.calendar.plusWorkingDays(today, 5).toString());
		plan.put(InspectionProcess.VAR_TEAM_SIZE, 2L);
		plan.put(InspectionProcess.VAR_FOCUS, "窗口服务");
		complete(task(pi.getId(), InspectionProcess.TASK_PLAN), plan);
		complete(task(pi.getId(), InspectionProcess.TASK_APPROVE_PLAN),
				Map.of(InspectionProcess.VAR_PLAN_DECISION, "APPROVE", InspectionProcess.VAR_OPINION, "同意"));
		return this.runtimeService.createProcessInstanceQuery().processInstanceId(pi.getId()).singleResult();
	}

	/** Fires the letter's due timers (reminder, deadline) as the job executor would. */
	private void superviseLetter() {
		for (int round = 0; round < 5 && this.taskService.createTaskQuery()
			.processDefinitionKey(EscalationProcess.KEY)
			.processInstanceBusinessKey(this.letter.getBusinessKey())
			.count() == 0; round++) {
			List<Job> due = new ArrayList<>(this.managementService.createJobQuery()
				.processInstanceId(this.letter.getId())
				.duedateLowerThan(new Date())
				.list());
			for (Job job : due) {
				this.managementService.executeJob(job.getId());
			}
		}
	}

	private Task task(String processInstanceId, String key) {
		return this.taskService.createTaskQuery()
			.processInstanceId(processInstanceId)
			.taskDefinitionKey(key)
			.singleResult();
	}

	private void complete(Task task, Map<String, Object> variables) {
		this.taskService.complete(task.getId(), new HashMap<>(variables));
	}

	private int days(Object deadline, LocalDate today) {
		LocalDate day = (deadline instanceof Date d) ? d.toInstant().atZone(this.calendar.zone()).toLocalDate()
				: ((OffsetDateTime) deadline).atZoneSameInstant(this.calendar.zone()).toLocalDate();
		return this.calendar.workingDaysBetween(day, today);
	}

	private static JsonNode held(JsonNode summary, String kind, String ref) {
		for (JsonNode item : summary.get("overdueItems")) {
			if (kind.equals(item.get("kind").asText()) && ref.equals(item.get("ref").asText())) {
				return item;
			}
		}
		throw new AssertionError("no overdue " + kind + " " + ref + " in " + summary.get("overdueItems"));
	}

	private static JsonNode heldBy(JsonNode summary, String kind, String ref, String holder) {
		for (JsonNode item : summary.get("overdueItems")) {
			if (kind.equals(item.get("kind").asText()) && ref.equals(item.get("ref").asText())
					&& holder.equals(item.get("holder").asText())) {
				return item;
			}
		}
		throw new AssertionError("no overdue " + kind + " " + ref + " held by " + holder);
	}

	private static JsonNode holder(JsonNode holders, String user) {
		for (JsonNode h : holders) {
			if (user.equals(h.get("holder").asText())) {
				return h;
			}
		}
		throw new AssertionError("no holder " + user);
	}

	private JsonNode read(String path, String user) throws Exception {
		return this.json.readTree(this.mvc.perform(get(path).with(httpBasic(user, "demo")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	private long total(String link) throws Exception {
		return read(link, "supervisor").get("total").asLong();
	}

}
