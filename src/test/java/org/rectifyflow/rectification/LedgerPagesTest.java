package org.rectifyflow.rectification;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectifyflow.pages.PageClient;
import org.rectifyflow.rectification.internal.StatusNames;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The printable page of a ledger entry of the demo campaign: its unit reads it with the
 * audit trail, a supervisor without, a handler of another unit is refused with a Chinese
 * page; a process instance's link leads to the entry's page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LedgerPagesTest {

	@LocalServerPort
	private int port;

	@Autowired
	private LedgerService ledger;

	private PageClient pages;

	private LedgerEntry entry;

	@BeforeEach
	void setUp() {
		this.pages = new PageClient(this.port);
		this.entry = this.ledger.allEntries()
			.stream()
			.filter((e) -> "u1".equals(e.getUnitCode()) && e.getProcessInstanceId() != null)
			.findFirst()
			.orElseThrow();
	}

	@Test
	void shouldShowTheEntryInChineseWithItsTrailToItsUnit() {
		String html = this.pages.page("/items/ledger/" + this.entry.getId(), "u1");

		assertThat(html).contains("整改事项", this.entry.getCode(), "办公室", StatusNames.of(this.entry.getStatus()), "整改进展",
				"审批意见", "操作记录", "建立台账条目", "/css/items.css");
		assertThat(PageClient.CHINESE_DATE_TIME.matcher(html).find()).isTrue();
		assertThat(html).doesNotContain("ASSIGNING", "IN_PROGRESS", "CLOSURE_REQUESTED", "T00:00");
	}

	@Test
	void shouldShowTheTrailToTheDisciplineGroupButNotToASupervisor() {
		assertThat(this.pages.page("/items/ledger/" + this.entry.getId(), "discipline")).contains("操作记录");
		assertThat(this.pages.page("/items/ledger/" + this.entry.getId(), "supervisor")).contains(this.entry.getCode())
			.doesNotContain("操作记录");
	}

	@Test
	void shouldRefuseAHandlerOfAnotherUnitWithAChinesePage() {
		String html = this.pages.refused("/items/ledger/" + this.entry.getId(), "u2", 403);

		assertThat(html).contains("无权查看", "您无权查看该整改事项").doesNotContain(this.entry.getDescription());
	}

	@Test
	void shouldAnswerAnUnknownOrMalformedEntryWithAChinesePage() {
		assertThat(this.pages.refused("/items/ledger/999999", "u1", 404)).contains("台账条目不存在");
		assertThat(this.pages.refused("/items/ledger/abc", "u1", 404)).contains("事项不存在");
	}

	@Test
	void shouldListOnlyTheUnitsOwnEntriesOfTheCampaign() {
		String html = this.pages.page("/items/campaigns/" + this.entry.getCampaignId() + "/ledger", "u1");

		assertThat(html).contains(this.entry.getCode(), "/items/ledger/" + this.entry.getId());
		this.ledger.allEntries()
			.stream()
			.filter((e) -> e.getCampaignId().equals(this.entry.getCampaignId()) && !"u1".equals(e.getUnitCode()))
			.forEach((other) -> assertThat(html).doesNotContain(other.getCode() + "<"));
	}

	@Test
	void shouldLeadFromTheProcessInstanceToTheEntrysPage() {
		HttpResponse<String> response = this.pages.get("/items/process/" + this.entry.getProcessInstanceId(), "u1");

		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location").orElseThrow())
			.endsWith("/items/ledger/" + this.entry.getId());
		this.pages.refused("/items/process/no-such-instance", "u1", 404);
	}

}
