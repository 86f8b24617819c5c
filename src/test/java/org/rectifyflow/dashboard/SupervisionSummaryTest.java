package org.rectifyflow.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectifyflow.calendar.WorkingDayCalendar;
import org.rectifyflow.clue.ClueProcess;
import org.rectifyflow.deadline.DeadlinePassed;
import org.rectifyflow.rectification.LedgerService;
import org.rectifyflow.dashboard.internal.WeeklyTrend;
import org.rectifyflow.testsupport.RectifyFlowTest;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rectifyflow.testsupport.EngineClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@RectifyFlowTest
class SupervisionSummaryTest {

	private static final String OPEN_STATUSES = "('RECEIVED','ACCEPTED','SHELVED','INVESTIGATING')";

	@Autowired
	private MockMvc mvc;

	@Autowired
	private LedgerService ledger;

	@Autowired
	private TaskService taskService;

	@Autowired
	private ApplicationEventPublisher events;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private WorkingDayCalendar calendar;

	private final ObjectMapper json = new ObjectMapper();

	private SupervisionFixture fixture;

	@RegisterExtension
	final EngineClock clock = EngineClock.realTime();

	@BeforeEach
	void setUp() throws Exception {
		this.fixture = SupervisionFixture.create(this.mvc, this.ledger, this.taskService, this.events);
		// The demo clue received 40 days ago is past its deadline: mark it as the
		// escalation would.
		for (Map<String, Object> row : this.jdbc.queryForList(
				"select process_instance_id, clue_number from clue where status = 'INVESTIGATING' and deadline_at < ?",
				OffsetDateTime.now())) {
			this.events.publishEvent(new DeadlinePassed(ClueProcess.KEY, (String) row.get("process_instance_id"),
					(String) row.get("clue_number"), 1, Instant.now()));
		}
	}

	@Test
	void shouldReportFiguresEqualToTheRowsBehindThem() throws Exception {
		JsonNode summary = summary("supervisor", this.fixture.campaignId);
		assertThat(summary.at("/campaign/id").asLong()).isEqualTo(this.fixture.campaignId);
		LocalDate today = LocalDate.now(this.calendar.zone());
		long ledgerOpen = 0;
		long ledgerOverdue = 0;
		long clueOpen = 0;
		for (JsonNode place : summary.get("units")) {
			for (JsonNode figures : place.get("items")) {
				assertThat(total("supervisor", figures.get("openLink").asText()))
					.isEqualTo(figures.get("open").asLong());
				assertThat(total("supervisor", figures.get("overdueLink").asText()))
					.isEqualTo(figures.get("overdue").asLong());
			}
			ledgerOpen += place.at("/items/ledger/open").asLong();
			ledgerOverdue += place.at("/items/ledger/overdue").asLong();
			clueOpen += place.at("/items/clue/open").asLong();
		}
		// Each open entry of the campaign is held in one place: by its unit's people.
		assertThat(ledgerOpen).isEqualTo(count("select count(*) from ledger_entry where campaign_id = ?"
				+ " and status not in ('CLOSED','CARRIED_OVER')", this.fixture.campaignId));
		assertThat(ledgerOverdue).isEqualTo(count("select count(*) from ledger_entry where campaign_id = ?"
				+ " and overdue = true and status not in ('CLOSED','CARRIED_OVER')", this.fixture.campaignId));
		assertThat(clueOpen)
			.isGreaterThanOrEqualTo(count("select count(*) from clue where status in " + OPEN_STATUSES));
		for (String unit : List.of("u1", "u2", "u3", "u4", "u5")) {
			JsonNode figures = unitNode(summary, unit);
			long all = count("select count(*) from ledger_entry where campaign_id = ? and unit_code = ?",
					this.fixture.campaignId, unit);
			long closed = count("select count(*) from ledger_entry where campaign_id = ? and unit_code = ?"
					+ " and status = 'CLOSED'", this.fixture.campaignId, unit);
			assertThat(figures.get("ledgerTotal").asLong()).isEqualTo(all);
			assertThat(figures.get("closureRate").asDouble()).isEqualTo((all == 0) ? 0.0 : (double) closed / all,
					org.assertj.core.data.Offset.offset(1e-9));
		}
		// The fixture itself: u1 and u3 one overdue each, u2 fully closed.
		assertThat(unitNode(summary, "u1").at("/items/ledger/overdue").asLong()).isEqualTo(1);
		assertThat(unitNode(summary, "u3").at("/items/ledger/overdue").asLong()).isEqualTo(1);
		assertThat(unitNode(summary, "u3").at("/items/ledger/maxWorkingDaysOverdue").asInt()).isGreaterThan(5);
		assertThat(unitNode(summary, "u2").get("closureRate").asDouble()).isEqualTo(1.0);
		long overdueListed = 0;
		for (JsonNode item : summary.get("overdueItems")) {
			if ("ledger".equals(item.get("kind").asText())) {
				overdueListed++;
			}
		}
		assertThat(overdueListed).isEqualTo(2);
		assertThat(summary.at("/clues/overdue").asLong())
			.isEqualTo(count("select count(*) from clue where overdue = true and status in " + OPEN_STATUSES))
			.isGreaterThanOrEqualTo(1);

		for (JsonNode channel : summary.at("/clues/byChannel")) {
			long expected = count("select count(*) from clue where channel = ?", channel.get("key").asText());
			assertThat(channel.get("count").asLong()).as(channel.get("key").asText()).isEqualTo(expected);
			assertThat(total("supervisor", channel.get("link").asText())).isEqualTo(expected);
		}
		for (JsonNode route : summary.at("/clues/byRoute")) {
			assertThat(route.get("total").asLong())
				.isEqualTo(count("select count(*) from clue where route = ?", route.get("route").asText()));
		}
		JsonNode campaign = null;
		for (JsonNode c : summary.get("campaigns")) {
			if (c.get("id").asLong() == this.fixture.campaignId) {
				campaign = c;
			}
		}
		assertThat(campaign).isNotNull();
		assertThat(campaign.get("ledgerTotal").asLong()).isEqualTo(5);
		assertThat(campaign.get("ledgerOverdue").asLong()).isEqualTo(2);
		assertThat(campaign.at("/phases/0/state").asText()).isEqualTo("CURRENT");
		assertThat(summary.get("trend")).hasSize(WeeklyTrend.TREND_WEEKS);
		long receivedThisWeek = summary.get("trend").get(WeeklyTrend.TREND_WEEKS - 1).get("cluesReceived").asLong();
		LocalDate monday = today.with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
		assertThat(receivedThisWeek).isEqualTo(count("select count(*) from clue where received_at >= ?",
				monday.atStartOfDay(zone()).toOffsetDateTime()));
	}

	@Test
	void shouldShowClueContentToTheDisciplineGroupOnly() throws Exception {
		JsonNode discipline = summary("discipline", this.fixture.campaignId);
		assertThat(discipline.get("contentVisible").asBoolean()).isTrue();
		JsonNode ours = longestOpen(discipline, this.fixture.clueNumber);
		if (ours != null) {
			assertThat(ours.get("subjectPerson").asText()).isEqualTo(SupervisionFixture.SUBJECT_PERSON);
		}
		assertThat(discipline.at("/clues/longestOpen/0/description").isTextual()).isTrue();

		for (String user : List.of("supervisor", "party", "office")) {
			String body = this.mvc
				.perform(get("/api/supervision/summary").param("campaignId", String.valueOf(this.fixture.campaignId))
					.with(httpBasic(user, "demo")))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
			JsonNode summary = this.json.readTree(body);
			assertThat(summary.get("contentVisible").asBoolean()).isFalse();
			assertThat(summary.at("/clues/longestOpen/0/description").isNull()).isTrue();
			assertThat(body).doesNotContain(SupervisionFixture.SUBJECT_PERSON)
				.doesNotContain("材料反复要求补正")
				.doesNotContain(SupervisionFixture.REPORTER_NAME);
		}
		assertThat(this.json.writeValueAsString(discipline)).doesNotContain(SupervisionFixture.REPORTER_NAME)
			.doesNotContain(SupervisionFixture.REPORTER_CONTACT);
	}

	@Test
	void shouldRefuseOtherRoles() throws Exception {
		for (String user : List.of("u1", "u1lead", "u3")) {
			this.mvc.perform(get("/api/supervision/summary").with(httpBasic(user, "demo")))
				.andExpect(status().isForbidden());
		}
		this.mvc.perform(get("/api/supervision/summary")).andExpect(status().isUnauthorized());
		this.mvc
			.perform(get("/api/supervision/summary").param("campaignId", "987654321")
				.with(httpBasic("supervisor", "demo")))
			.andExpect(status().isNotFound());
	}

	private JsonNode longestOpen(JsonNode summary, String number) {
		for (JsonNode clue : summary.at("/clues/longestOpen")) {
			if (number.equals(clue.get("number").asText())) {
				return clue;
			}
		}
		return null;
	}

	private JsonNode summary(String user, long campaignId) throws Exception {
		return this.json.readTree(this.mvc
			.perform(get("/api/supervision/summary").param("campaignId", String.valueOf(campaignId))
				.with(httpBasic(user, "demo")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	private static JsonNode unitNode(JsonNode summary, String unit) {
		for (JsonNode u : summary.get("units")) {
			if (unit.equals(u.get("unitCode").asText())) {
				return u;
			}
		}
		throw new AssertionError("no unit " + unit);
	}

	private long total(String user, String link) throws Exception {
		JsonNode page = this.json.readTree(this.mvc.perform(get(link).with(httpBasic(user, "demo")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		return page.has("total") ? page.get("total").asLong() : page.get("totalElements").asLong();
	}

	private long count(String sql, Object... args) {
		return this.jdbc.queryForObject(sql, Long.class, args);
	}

	private ZoneId zone() {
		return this.calendar.zone();
	}

}
