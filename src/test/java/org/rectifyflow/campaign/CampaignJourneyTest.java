package org.rectifyflow.campaign;

import org.junit.jupiter.api.Test;
import org.rectifyflow.audit.AuditEventRepository;
import org.rectifyflow.taskrules.ApprovalOpinionService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * A whole campaign over HTTP on H2, as the demo users would run it in Tasklist: see
 * {@link CampaignJourney}. Shares its server with {@link CampaignDemoEscalationTest}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class CampaignJourneyTest {

	@Autowired
	private TestRestTemplate http;

	@Autowired
	private AuditEventRepository auditEvents;

	@Autowired
	private ApprovalOpinionService opinions;

	@Test
	void shouldRunAWholeCampaignThroughTheApiAsTheDemoUsers() {
		new CampaignJourney(this.http, this.auditEvents, this.opinions).run();
	}

}
