package org.rectifyflow.campaign;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.rectifyflow.audit.AuditEventRepository;
import org.rectifyflow.campaign.internal.CampaignDemoData;
import org.rectifyflow.taskrules.ApprovalOpinionService;
import org.rectifyflow.testsupport.PostgresIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole campaign over HTTP on PostgreSQL, as the demo users would run it in Tasklist
 * (see {@link CampaignJourney}); the demo data is switched on so that the demo users
 * exist, which also proves that the demo campaign loads on PostgreSQL.
 */
@PostgresIntegrationTest
@TestPropertySource(properties = "rectify.demo.enabled=true")
class CampaignJourneyIT {

	@Autowired
	private TestRestTemplate http;

	@Autowired
	private AuditEventRepository auditEvents;

	@Autowired
	private ApprovalOpinionService opinions;

	@Test
	void shouldRunAWholeCampaignThroughTheApiAsTheDemoUsers() {
		CampaignJourney journey = new CampaignJourney(this.http, this.auditEvents, this.opinions);
		List<JsonNode> campaigns = CampaignJourney
			.list(CampaignJourney.json(journey.exchange("supervisor", HttpMethod.GET, "/api/campaigns", null)));
		assertThat(campaigns).filteredOn((c) -> c.get("title").asText().equals(CampaignDemoData.TITLE))
			.singleElement()
			.satisfies((c) -> {
				assertThat(c.get("phase").asText()).isEqualTo("RECTIFY");
				// six entries of its own; the demo inspection's findings may add more
				assertThat(c.at("/ledger/total").asLong()).isGreaterThanOrEqualTo(6);
				assertThat(c.at("/ledger/closed").asLong()).isEqualTo(1);
			});

		journey.run();
	}

}
