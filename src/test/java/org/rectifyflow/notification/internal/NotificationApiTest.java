package org.rectifyflow.notification.internal;

import org.rectifyflow.notification.Notifier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectifyflow.audit.AuditEventRepository;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
@WithMockUser("u1")
class NotificationApiTest {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private Notifier notifier;

	@Autowired
	private NotificationRepository notifications;

	@Autowired
	private AuditEventRepository auditEvents;

	@Autowired
	private TransactionTemplate transaction;

	@BeforeEach
	void notify3() {
		this.notifications.deleteAll();
		this.transaction.executeWithoutResult((tx) -> {
			this.notifier.notifyUser("u1", "第一条", "/a/1");
			this.notifier.notifyUser("u2", "别人的", null);
			this.notifier.notifyUser("u1", "第二条", "/a/2");
		});
	}

	@Test
	void shouldListOnlyOwnNotificationsNewestFirst() throws Exception {
		this.mvc.perform(get("/api/notifications"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.totalElements").value(2))
			.andExpect(jsonPath("$.content", hasSize(2)))
			.andExpect(jsonPath("$.content[0].text").value("第二条"))
			.andExpect(jsonPath("$.content[1].text").value("第一条"))
			.andExpect(jsonPath("$.content[1].link").value("/a/1"))
			.andExpect(jsonPath("$.content[*].read", everyItem(is(false))));
		this.mvc.perform(get("/api/notifications/unread-count"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.count").value(2));
		this.mvc.perform(get("/api/notifications").param("size", "1").param("page", "1"))
			.andExpect(jsonPath("$.content[0].text").value("第一条"))
			.andExpect(jsonPath("$.totalPages").value(2));
	}

	@Test
	void shouldMarkOwnNotificationRead() throws Exception {
		Long first = idOf("第一条");

		this.mvc.perform(post("/api/notifications/{id}/read", first).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.read").value(true))
			.andExpect(jsonPath("$.readAt").isNotEmpty());

		this.mvc.perform(get("/api/notifications/unread-count")).andExpect(jsonPath("$.count").value(1));
		this.mvc.perform(get("/api/notifications").param("unreadOnly", "true"))
			.andExpect(jsonPath("$.content", hasSize(1)))
			.andExpect(jsonPath("$.content[0].text").value("第二条"));
		assertThat(this.auditEvents.findByItemTypeAndItemIdOrderByOccurredAtAscIdAsc("notification", first.toString()))
			.extracting((e) -> e.getAction())
			.containsExactly("NOTIFICATION_CREATED", "NOTIFICATION_READ");
	}

	@Test
	void shouldAnswerNotFoundForSomeoneElsesNotification() throws Exception {
		Long others = idOf("别人的");

		this.mvc.perform(post("/api/notifications/{id}/read", others).with(csrf()))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.title").value("Not Found"))
			.andExpect(jsonPath("$.detail", containsString("通知不存在")));
		this.mvc.perform(post("/api/notifications/{id}/read", 999999).with(csrf())).andExpect(status().isNotFound());

		assertThat(this.notifications.findById(others).orElseThrow().getReadAt()).isNull();
	}

	@Test
	void shouldMarkAllOwnNotificationsRead() throws Exception {
		this.mvc.perform(post("/api/notifications/read-all").with(csrf()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.marked").value(2));

		this.mvc.perform(get("/api/notifications/unread-count")).andExpect(jsonPath("$.count").value(0));
		this.mvc.perform(get("/api/notifications").param("unreadOnly", "true"))
			.andExpect(jsonPath("$.content", hasSize(0)));
		assertThat(this.notifications.countByRecipientAndReadAtIsNull("u2")).isEqualTo(1);
	}

	@Test
	void shouldRejectPostsWithoutCsrfToken() throws Exception {
		this.mvc.perform(post("/api/notifications/read-all")).andExpect(status().isForbidden());
		assertThat(this.notifications.findAll()).extracting(Notification::getReadAt).allMatch((t) -> t == null);
	}

	private Long idOf(String text) {
		return this.notifications.findAll()
			.stream()
			.filter((n) -> n.getText().equals(text))
			.findFirst()
			.orElseThrow()
			.getId();
	}

}
