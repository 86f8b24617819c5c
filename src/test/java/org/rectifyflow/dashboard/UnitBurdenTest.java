package org.rectifyflow.dashboard;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.rectifyflow.campaign.Campaign;
import org.rectifyflow.campaign.CampaignService;
import org.rectifyflow.testsupport.RectifyFlowTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The burden meter over the demo campaign, which the demo data drives through the engine:
 * every completed task of a unit counts, with the fields its form held.
 */
@RectifyFlowTest
class UnitBurdenTest {

	/** The demo campaign's title (campaign.CampaignDemoData). */
	private static final String DEMO_TITLE = "整治形式主义官僚主义专项行动（示例）";

	@Autowired
	private MockMvc mvc;

	@Autowired
	private CampaignService campaigns;

	private final ObjectMapper json = new ObjectMapper();

	@Test
	void shouldCountTheTasksFormsAndFieldsOfOneUnitInTheDemoCampaign() throws Exception {
		Campaign demo = this.campaigns.all()
			.stream()
			.filter((c) -> DEMO_TITLE.equals(c.getTitle()))
			.findFirst()
			.orElseThrow();
		JsonNode meter = meter("/api/supervision/burden?campaignId=" + demo.getId() + "&unit=u1");
		JsonNode rows = meter.get("rows");
		assertThat(rows.size()).isPositive();
		long tasks = 0;
		long forms = 0;
		long fields = 0;
		for (JsonNode row : rows) {
			assertThat(row.get("unitCode").asText()).isEqualTo("u1");
			assertThat(row.get("unitName").asText()).doesNotStartWith("u");
			assertThat(row.get("taskName").asText()).doesNotContain("${").doesNotStartWith("Task_");
			System.out.println("burden u1 " + demo.getCode() + ": " + row.get("month").asText() + " "
					+ row.get("processKey").asText() + "/" + row.get("taskKey").asText() + " "
					+ row.get("taskName").asText() + " tasks=" + row.get("tasks") + " forms=" + row.get("forms")
					+ " fields=" + row.get("fields"));
			tasks += row.get("tasks").asLong();
			forms += row.get("forms").asLong();
			fields += row.get("fields").asLong();
		}
		System.out.println(
				"burden u1 " + demo.getCode() + " total: tasks=" + tasks + " forms=" + forms + " fields=" + fields);
		// 自查 of u1 is one task of the campaign itself, with its problems filled in
		JsonNode self = find(rows, "Task_SelfInspection");
		assertThat(self.get("tasks").asLong()).isEqualTo(1);
		assertThat(self.get("forms").asLong()).isEqualTo(1);
		assertThat(self.get("fields").asLong()).isPositive();
		// u1's ledger entries count too: its leader named a responsible person, who
		// drafted
		// measures, which the leader approved
		assertThat(find(rows, "Task_AssignResponsible").get("fields").asLong()).isPositive();
		assertThat(find(rows, "Task_DraftMeasures").get("fields").asLong()).isPositive();
		JsonNode total = meter.get("totals").get(0);
		assertThat(total.get("unitCode").asText()).isEqualTo("u1");
		assertThat(List.of(total.get("tasks").asLong(), total.get("forms").asLong(), total.get("fields").asLong()))
			.containsExactly(tasks, forms, fields);
	}

	@Test
	void shouldRefuseBadFiltersAndUsersWithoutASupervisingRole() throws Exception {
		this.mvc.perform(get("/api/supervision/burden?month=2026-13").with(httpBasic("supervisor", "demo")))
			.andExpect(status().isBadRequest());
		this.mvc.perform(get("/api/supervision/burden?unit=nope").with(httpBasic("supervisor", "demo")))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/api/supervision/burden").with(httpBasic("u1", "demo")))
			.andExpect(status().isForbidden());
	}

	private JsonNode meter(String url) throws Exception {
		String body = this.mvc.perform(get(url).with(httpBasic("supervisor", "demo")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return this.json.readTree(body);
	}

	private static JsonNode find(JsonNode rows, String taskKey) {
		for (JsonNode row : rows) {
			if (taskKey.equals(row.get("taskKey").asText())) {
				return row;
			}
		}
		throw new AssertionError("no row for " + taskKey + " in " + rows);
	}

}
