package org.rectifyflow.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rectifyflow.audit.AuditEventRepository;
import org.rectifyflow.deadline.DeadlinePattern;
import org.rectifyflow.deadline.DeadlineTemplateProcess;
import org.rectifyflow.testsupport.RectifyFlowTest;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rectifyflow.testsupport.EngineClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The calendar kept in the running system: an administrator enters a provisional year,
 * sees which open deadline it moves, and moves it; bad input and other users are refused.
 */
@RectifyFlowTest
@WithMockUser("admin")
class CalendarApiTest {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	/** A year the configuration does not have: provisional. */
	private static final int YEAR = 2027;

	@Autowired
	private MockMvc mvc;

	@Autowired
	private ObjectMapper json;

	@Autowired
	private WorkingDayCalendar calendar;

	@Autowired
	private CalendarYears years;

	@Autowired
	private CalendarYearRepository rows;

	@Autowired
	private RuntimeService runtimeService;

	@Autowired
	private TaskService taskService;

	@Autowired
	private ManagementService managementService;

	@Autowired
	private AuditEventRepository auditEvents;

	@Autowired
	private JdbcTemplate jdbc;

	@RegisterExtension
	final EngineClock clock = EngineClock
		.startingAt(LocalDateTime.of(2026, 12, 21, 10, 0).atZone(SHANGHAI).toInstant());

	@AfterEach
	void tearDown() {
		this.rows.deleteById(YEAR);
		this.years.refresh();
	}

	@Test
	void shouldPreviewAndMoveTheOpenDeadlinesWhenAProvisionalYearIsEntered() throws Exception {
		assertThat(this.calendar.isProvisional(YEAR)).isTrue();
		ProcessInstance work = this.runtimeService.startProcessInstanceByKey(DeadlineTemplateProcess.KEY, "CAL-1",
				Map.of("deadlineWorkingDays", 20, DeadlineTemplateProcess.VAR_WORK_GROUP, "unit-u2"));
		Instant before = deadlineOf(work);
		LocalDate beforeDay = before.atZone(SHANGHAI).toLocalDate();
		assertThat(beforeDay.getYear()).isEqualTo(YEAR);
		// The notice makes the Monday after New Year's Day a day off and the Saturday
		// after
		// it a working day: the deadline stays.
		TreeSet<LocalDate> off = new TreeSet<>(this.calendar.yearDays(YEAR).off());
		off.add(LocalDate.of(YEAR, 1, 4));
		List<LocalDate> makeUp = List.of(LocalDate.of(YEAR, 1, 9));
		String body = this.json.writeValueAsString(Map.of("off", off, "work", makeUp));

		this.mvc.perform(get("/api/calendar/years/{year}", YEAR))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.provisional").value(true));
		this.mvc
			.perform(post("/api/calendar/years/{year}/preview", YEAR).with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.businessKey == 'CAL-1')]").isEmpty());

		// 01-04 and 01-05 off, Saturday 01-09 worked: one working day less before it.
		off.add(LocalDate.of(YEAR, 1, 5));
		String twoDaysOff = this.json.writeValueAsString(Map.of("off", off, "work", makeUp, "moveDeadlines", true));
		this.mvc
			.perform(post("/api/calendar/years/{year}/preview", YEAR).with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content(twoDaysOff))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.businessKey == 'CAL-1')].days").value(1));
		assertThat(deadlineOf(work)).as("a preview moves nothing").isEqualTo(before);
		this.mvc
			.perform(put("/api/calendar/years/{year}", YEAR).with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content(twoDaysOff))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.moved").value(true))
			.andExpect(jsonPath("$.year.source").value("ADMINISTRATOR"))
			.andExpect(jsonPath("$.year.provisional").value(false));

		Instant after = deadlineOf(work);
		assertThat(after).isEqualTo(this.calendar.closeOfBusiness(beforeDay.plusDays(1)).toInstant());
		assertThat(this.managementService.createJobQuery()
			.processInstanceId(work.getId())
			.activityId(DeadlinePattern.TIMER_DEADLINE_PASSED)
			.singleResult()
			.getDuedate()
			.toInstant()).isEqualTo(after);
		assertThat(this.taskService.createTaskQuery()
			.processInstanceId(work.getId())
			.taskDefinitionKey(DeadlineTemplateProcess.TASK_WORK)
			.singleResult()
			.getDueDate()
			.toInstant()).isEqualTo(after);
		assertThat(this.calendar.isWorkingDay(LocalDate.of(YEAR, 1, 9))).isTrue();
		assertThat(this.calendar.isWorkingDay(LocalDate.of(YEAR, 1, 5))).isFalse();
		assertThat(this.auditEvents.findByItemTypeAndItemIdOrderByOccurredAtAscIdAsc(CalendarYears.AUDIT_ITEM_TYPE,
				"2027"))
			.singleElement()
			.satisfies((event) -> assertThat(event.getActor()).isEqualTo("admin"));
		assertThat(this.jdbc.queryForObject("select count(*) from notification where text like '%节假日安排调整%'",
				Integer.class))
			.isPositive();
	}

	@Test
	void shouldRefuseAnInvalidYearWithChineseMessages() throws Exception {
		List<LocalDate> off = List.of(LocalDate.of(YEAR, 1, 1));
		expectInvalid(Map.of("off", off, "work", List.of(LocalDate.of(YEAR, 1, 6))), "须为周六或周日");
		expectInvalid(Map.of("off", List.of(LocalDate.of(2028, 1, 1)), "work", List.of()), "不在2027年内");
		expectInvalid(Map.of("off", off, "work", off), "调休上班日须为周六或周日");
		expectInvalid(Map.of("off", List.of(), "work", List.of()), "未列出任何节假日");
		assertThat(this.rows.existsById(YEAR)).isFalse();
	}

	@Test
	void shouldLetOnlyAnAdministratorChangeTheCalendar() throws Exception {
		String body = this.json.writeValueAsString(Map.of("off", List.of(LocalDate.of(YEAR, 1, 1)), "work", List.of()));
		this.mvc
			.perform(put("/api/calendar/years/{year}", YEAR).with(user("u1"))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail", containsString("系统管理员")));
		this.mvc.perform(get("/api/calendar/years/{year}", 2026).with(user("u1")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.provisional").value(false));
		assertThat(this.rows.existsById(YEAR)).isFalse();
	}

	private void expectInvalid(Map<String, Object> input, String message) throws Exception {
		this.mvc
			.perform(put("/api/calendar/years/{year}", YEAR).with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content(this.json.writeValueAsString(input)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail", containsString(message)));
	}

	private Instant deadlineOf(ProcessInstance instance) {
		return ((Date) this.runtimeService.getVariable(instance.getId(), DeadlinePattern.VAR_DEADLINE_AT)).toInstant();
	}

}
