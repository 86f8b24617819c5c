package org.rectifyflow.calendar.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.rectifyflow.calendar.CalendarYears;
import org.rectifyflow.identity.Membership;
import org.rectifyflow.identity.Roles;
import org.rectifyflow.testsupport.WebSliceTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The calendar's API alone (a web slice, the calendar mocked): the year's range, who may
 * change a year, and what a save passes on. {@code CalendarApiTest} drives the same API
 * through the whole application and the engine.
 */
@WebSliceTest(CalendarController.class)
class CalendarControllerTest {

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private CalendarYears years;

	@MockitoBean
	private Membership membership;

	@Test
	@WithMockUser("u1")
	void shouldRefuseAYearOutsideTheCalendarWithAChineseAndEnglishMessage() throws Exception {
		this.mvc.perform(get("/api/calendar/years/{year}", 1999))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail", containsString("年份须在2000至2100之间")))
			.andExpect(jsonPath("$.detail", containsString("the year must lie between 2000 and 2100")));
		verify(this.years, never()).year(anyInt());
	}

	@Test
	@WithMockUser("u1")
	void shouldRefuseAUserWhoIsNotAnAdministratorAndChangeNothing() throws Exception {
		given(this.membership.of("u1")).willReturn(new Membership.Member("u1", Set.of("u1-handlers"), Set.of("u1")));
		this.mvc
			.perform(put("/api/calendar/years/{year}", 2027).with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"off\":[\"2027-10-01\"],\"work\":[],\"moveDeadlines\":true}"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail", containsString("只有系统管理员可以维护节假日安排")));
		verify(this.years, never()).save(anyInt(), any(), any(), anyBoolean(), anyString());
	}

	@Test
	@WithMockUser("admin")
	void shouldSaveTheYearAsTheAdministratorEnteredItAndSayWhetherDeadlinesMoved() throws Exception {
		given(this.membership.of("admin")).willReturn(new Membership.Member("admin", Set.of(Roles.ADMIN), Set.of()));
		given(this.years.save(eq(2027), any(), any(), eq(false), eq("admin"))).willReturn(List.of());
		this.mvc
			.perform(put("/api/calendar/years/{year}", 2027).with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"off\":[\"2027-10-01\"],\"work\":[\"2027-09-26\"]}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.moved").value(false));
		verify(this.years).save(2027, List.of(LocalDate.of(2027, 10, 1)), List.of(LocalDate.of(2027, 9, 26)), false,
				"admin");
	}

}
