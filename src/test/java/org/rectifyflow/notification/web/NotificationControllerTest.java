package org.rectifyflow.notification.web;

import org.rectifyflow.notification.internal.NotificationService;
import org.rectifyflow.notification.internal.NotificationView;
import org.rectifyflow.notification.internal.NotificationPage;

import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.rectifyflow.kernel.Refusal;
import org.rectifyflow.testsupport.WebSliceTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The notifications API alone (a web slice, the notifications mocked): every call is
 * about the caller's own notifications, with the paging the caller asked for, and a
 * notification that is not the caller's is a 404 with a Chinese and English message.
 * {@code NotificationApiTest} drives the same API through the whole application.
 */
@WebSliceTest(NotificationController.class)
class NotificationControllerTest {

	private static final OffsetDateTime SENT = OffsetDateTime.parse("2026-09-18T10:00:00+08:00");

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private NotificationService service;

	@Test
	@WithMockUser("u1")
	void shouldListTheCallersNotificationsWithTheDefaultPaging() throws Exception {
		given(this.service.list("u1", false, 0, 20)).willReturn(new NotificationPage(
				List.of(new NotificationView(7L, "整改事项即将到期", "/items/ledger/3", SENT, null, false)), 0, 20, 1, 1));

		this.mvc.perform(get("/api/notifications"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.content[0].id").value(7))
			.andExpect(jsonPath("$.content[0].text").value("整改事项即将到期"))
			.andExpect(jsonPath("$.content[0].read").value(false))
			.andExpect(jsonPath("$.totalElements").value(1));
	}

	@Test
	@WithMockUser("u2")
	void shouldPassTheUnreadFilterAndThePageAsked() throws Exception {
		given(this.service.list("u2", true, 2, 5)).willReturn(new NotificationPage(List.of(), 2, 5, 10, 2));

		this.mvc.perform(get("/api/notifications").param("unreadOnly", "true").param("page", "2").param("size", "5"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.page").value(2))
			.andExpect(jsonPath("$.size").value(5));
		verify(this.service).list("u2", true, 2, 5);
	}

	@Test
	@WithMockUser("u1")
	void shouldCountTheCallersUnreadNotifications() throws Exception {
		given(this.service.unreadCount("u1")).willReturn(3L);

		this.mvc.perform(get("/api/notifications/unread-count"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.count").value(3));
	}

	@Test
	@WithMockUser("u1")
	void shouldMarkOnlyTheCallersNotificationsRead() throws Exception {
		given(this.service.markRead("u1", 7L))
			.willReturn(new NotificationView(7L, "整改事项即将到期", "/items/ledger/3", SENT, SENT.plusHours(1), true));
		given(this.service.markAllRead("u1")).willReturn(4);

		this.mvc.perform(post("/api/notifications/{id}/read", 7).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.read").value(true));
		this.mvc.perform(post("/api/notifications/read-all").with(csrf()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.marked").value(4));
		verify(this.service).markRead("u1", 7L);
		verify(this.service).markAllRead("u1");
	}

	@Test
	@WithMockUser("u1")
	void shouldAnswerANotificationOfAnotherUserAsMissing() throws Exception {
		given(this.service.markRead("u1", 8L)).willThrow(Refusal.notFound("通知不存在", "No such notification"));

		this.mvc.perform(post("/api/notifications/{id}/read", 8).with(csrf()))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail", containsString("通知不存在")))
			.andExpect(jsonPath("$.detail", containsString("No such notification")));
	}

	@Test
	@WithMockUser("u1")
	void shouldRefuseAnIdThatIsNotANumberWithAChineseAndEnglishMessage() throws Exception {
		this.mvc.perform(post("/api/notifications/{id}/read", "abc").with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail", containsString("参数「id」的值无效")))
			.andExpect(jsonPath("$.detail", containsString("Invalid value for parameter 'id'")));
		verify(this.service, never()).markRead(anyString(), any());
	}

	@Test
	void shouldRefuseAnAnonymousCaller() throws Exception {
		this.mvc.perform(get("/api/notifications")).andExpect(status().isUnauthorized());
		this.mvc.perform(post("/api/notifications/read-all").with(csrf())).andExpect(status().isUnauthorized());
		verifyNoInteractions(this.service);
	}

}
