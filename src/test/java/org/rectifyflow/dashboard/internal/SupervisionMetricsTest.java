package org.rectifyflow.dashboard.internal;

import java.time.OffsetDateTime;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.rectifyflow.dashboard.SupervisionFixture;
import org.rectifyflow.rectification.LedgerService;
import org.rectifyflow.testsupport.RectifyFlowTest;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rectifyflow.testsupport.EngineClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@RectifyFlowTest
class SupervisionMetricsTest {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private MeterRegistry registry;

	@Autowired
	private SupervisionMetrics metrics;

	@Autowired
	private LedgerService ledger;

	@Autowired
	private TaskService taskService;

	@Autowired
	private ApplicationEventPublisher events;

	@Autowired
	private JdbcTemplate jdbc;

	@RegisterExtension
	final EngineClock clock = EngineClock.realTime();

	@Test
	void shouldCountCluesReceivedByChannel() throws Exception {
		double before = received("HOTLINE_12345");
		this.mvc
			.perform(post("/api/clues").with(httpBasic("discipline", "demo"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(new ObjectMapper().writeValueAsString(Map.of("channel", "HOTLINE_12345", "subjectUnit", "u2",
						"category", "RESEARCH", "description", "【测试】热线反映调研走过场。"))))
			.andExpect(status().isCreated());
		assertThat(received("HOTLINE_12345")).isEqualTo(before + 1);
		this.mvc
			.perform(post("/api/clues").with(httpBasic("discipline", "demo"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(new ObjectMapper().writeValueAsString(
						Map.of("channel", "NOPE", "subjectUnit", "u2", "category", "RESEARCH", "description", "x"))))
			.andExpect(status().isBadRequest());
		assertThat(received("HOTLINE_12345")).isEqualTo(before + 1);
	}

	@Test
	void shouldGaugeOpenAndOverdueItemsAndTimeClosures() throws Exception {
		Timer timer = this.registry.find("rectify.time.to.close").tag("kind", "ledger").timer();
		long closedBefore = (timer != null) ? timer.count() : 0;
		SupervisionFixture.create(this.mvc, this.ledger, this.taskService, this.events);
		this.metrics.refresh();
		// Overdue is derived from the deadline and the clock, not from the timer's mark.
		assertThat(gauge("rectify.items.overdue", "ledger"))
			.isEqualTo(this.jdbc.queryForObject(
					"select count(*) from ledger_entry where deadline < ? and status not in ('CLOSED','CARRIED_OVER')",
					Long.class, OffsetDateTime.now())
				.doubleValue())
			.isGreaterThanOrEqualTo(2);
		assertThat(gauge("rectify.items.open", "ledger"))
			.isEqualTo(count("select count(*) from ledger_entry where status not in ('CLOSED','CARRIED_OVER')"));
		assertThat(gauge("rectify.items.open", "clue")).isEqualTo(
				count("select count(*) from clue where status in ('RECEIVED','ACCEPTED','SHELVED','INVESTIGATING')"));
		Timer after = this.registry.get("rectify.time.to.close").tag("kind", "ledger").timer();
		assertThat(after.count()).isEqualTo(closedBefore + 1);
	}

	private double received(String channel) {
		return this.registry.get("rectify.clues.received").tag("channel", channel).counter().count();
	}

	private double gauge(String name, String kind) {
		return this.registry.get(name).tag("kind", kind).gauge().value();
	}

	private double count(String sql) {
		return this.jdbc.queryForObject(sql, Long.class);
	}

}
