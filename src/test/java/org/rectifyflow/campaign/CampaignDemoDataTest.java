package org.rectifyflow.campaign;

import org.junit.jupiter.api.Test;
import org.rectifyflow.campaign.internal.CampaignDemoData;
import org.rectifyflow.rectification.LedgerEntry;
import org.rectifyflow.rectification.LedgerService;
import org.rectifyflow.testsupport.RectifyFlowTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;

import static org.assertj.core.api.Assertions.assertThat;

@RectifyFlowTest
class CampaignDemoDataTest {

	@Autowired
	private CampaignService campaigns;

	@Autowired
	private LedgerService ledger;

	@Autowired
	private CampaignDemoData demo;

	@Test
	void shouldLoadOneDemoCampaignInRectificationOnce() {
		Campaign campaign = this.campaigns.all()
			.stream()
			.filter((c) -> CampaignDemoData.TITLE.equals(c.getTitle()))
			.findFirst()
			.orElseThrow();
		assertThat(campaign.getPhase()).isEqualTo(Phase.RECTIFY);
		assertThat(this.campaigns.problems(campaign.getId())).extracting(Problem::getUnitCode)
			.contains("u1", "u2", "u3", "u4", "u5");
		// Inspections (their demo data and tests) add entries of source INSPECTION.
		assertThat(this.ledger.entries(campaign.getId())).filteredOn((e) -> !"INSPECTION".equals(e.getSource()))
			.hasSize(6)
			.filteredOn((e) -> e.getStatus() == LedgerEntry.Status.CLOSED)
			.hasSize(1);

		this.demo.run(new DefaultApplicationArguments());
		assertThat(this.campaigns.all().stream().filter((c) -> CampaignDemoData.TITLE.equals(c.getTitle()))).hasSize(1);
	}

}
