package org.rectifyflow.campaign;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.rectifyflow.campaign.internal.CampaignDemoData;
import org.rectifyflow.campaign.internal.CampaignRegulations;
import org.rectifyflow.pages.PageClient;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages of the demo campaign: its phase, deadlines, figures and lists; a published
 * regulation with the problems it addresses; the audit trail for the campaign office
 * only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CampaignPagesTest {

	@LocalServerPort
	private int port;

	@Autowired
	private CampaignService campaigns;

	@Autowired
	private CampaignRegulations regulations;

	@Autowired
	private TransactionTemplate transaction;

	private Campaign demo() {
		return this.campaigns.all()
			.stream()
			.filter((c) -> CampaignDemoData.TITLE.equals(c.getTitle()))
			.findFirst()
			.orElseThrow();
	}

	@Test
	void shouldShowPhaseDeadlinesFiguresAndListsInChinese() {
		PageClient pages = new PageClient(this.port);
		Campaign campaign = demo();
		String path = "/items/campaigns/" + campaign.getId();

		String html = pages.page(path, "u1");
		assertThat(html)
			.contains(campaign.getTitle(), campaign.getCode(), "当前阶段", campaign.getPhase().label(), "阶段和完成时限", "自查 ",
					"整改台账", "销号率", path + "/problems", path + "/ledger", path + "/regulations", path + "/letters",
					"/items/inspections")
			.doesNotContain("操作记录", "RECTIFY<");
		assertThat(html).containsPattern("\\d{4}年\\d{1,2}月\\d{1,2}日");
		assertThat(pages.page(path, "office")).contains("操作记录", "启动专项整治");
		assertThat(pages.page(path + "/problems", "u1")).contains("问题清单", "仅列出本单位的问题", "办公室").doesNotContain("综合执法大队<");
		assertThat(pages.refused("/items/campaigns/999999", "u1", 404)).contains("专项整治不存在");
	}

	@Test
	void shouldAnswerEveryAddressOfACampaignThatDoesNotExistWithNotFound() {
		PageClient pages = new PageClient(this.port);
		assertThat(pages.refused("/items/campaigns/999999/ledger", "office", 404)).contains("专项整治不存在");
		assertThat(pages.refused("/items/campaigns/-1/letters", "discipline", 404)).contains("专项整治不存在");
		HttpResponse<String> template = pages.get("/api/campaigns/999999/ledger-import-template.xlsx", "office");
		assertThat(template.statusCode()).isEqualTo(404);
		assertThat(template.body()).contains("专项整治不存在");
		assertThat(pages.refused("/items/campaigns/abc/ledger", "office", 404)).contains("编号无效");

		// an address refused before any page answers (here by the firewall) gets the
		// Chinese error page
		HttpResponse<String> malformed = pages.get("/items/process/%2500", "office");
		assertThat(malformed.statusCode()).isEqualTo(400);
		assertThat(malformed.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
		assertThat(malformed.body()).contains("id=\"error-message\"", "请求无效").doesNotContain("Whitelabel");
	}

	@Test
	void shouldShowARegulationWithTheProblemsItAddresses() {
		PageClient pages = new PageClient(this.port);
		Campaign campaign = demo();
		Problem problem = this.campaigns.problems(campaign.getId())
			.stream()
			.filter((p) -> p.getStatus() == Problem.Status.CONFIRMED && "u1".equals(p.getUnitCode()))
			.findFirst()
			.orElseThrow();
		Long id = this.transaction.execute((tx) -> {
			Long draft = this.regulations.draft(campaign.getId(), "会议文件精简管理办法", "一、严控会议数量。二、压减发文。",
					List.of(problem.getNumber()), "office");
			this.regulations.decide(draft, true, "同意发布");
			return draft;
		});

		String html = pages.page("/items/regulations/" + id, "u1");
		assertThat(html).contains("会议文件精简管理办法", "已发布", "针对的问题", problem.getLabel(), problem.getDescription(),
				"一、严控会议数量。");
		assertThat(pages.page("/items/campaigns/" + campaign.getId() + "/regulations", "u2")).contains("会议文件精简管理办法",
				"/items/regulations/" + id, "已发布");
		assertThat(pages.page("/items/regulations/" + id, "office")).contains("操作记录", "制度审定发布");
	}

}
