package org.rectifyflow.recommendation;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectifyflow.pages.PageClient;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page of the demo letter issued to u5: the unit reads it with its audit trail, a
 * supervisor without, another unit does not find it (a letter it may not see does not
 * exist for it).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RecommendationPagesTest {

	@LocalServerPort
	private int port;

	@Autowired
	private RecommendationLetters recommendations;

	private PageClient pages;

	private RecommendationLetter letter;

	@BeforeEach
	void setUp() {
		this.pages = new PageClient(this.port);
		this.letter = this.recommendations.all()
			.stream()
			.filter((l) -> "u5".equals(l.getUnitCode()) && l.isIssued())
			.findFirst()
			.orElseThrow();
	}

	@Test
	void shouldShowTheLetterToItsUnitWithTheTrail() {
		String html = this.pages.page("/items/letters/" + this.letter.getId(), "u5");

		assertThat(html).contains(this.letter.getKind().title(), this.letter.getCode(), "政务服务中心",
				this.letter.statusName(), "单位回复", "操作记录", "发出建议书", "下载建议书（Word）");
		assertThat(PageClient.CHINESE_DATE_TIME.matcher(html).find()).isTrue();
		assertThat(html).doesNotContain("ISSUED<", "DISCIPLINE<");
	}

	@Test
	void shouldShowASupervisorTheLetterWithoutTheTrail() {
		assertThat(this.pages.page("/items/letters/" + this.letter.getId(), "supervisor"))
			.contains(this.letter.getCode())
			.doesNotContain("操作记录");
	}

	@Test
	void shouldNotShowTheLetterToAnotherUnit() {
		assertThat(this.pages.refused("/items/letters/" + this.letter.getId(), "u1", 404)).contains("建议书不存在")
			.doesNotContain(this.letter.getCode());
	}

	@Test
	void shouldListTheCampaignsLettersItsReaderMaySee() {
		if (this.letter.getCampaignId() == null) {
			return;
		}
		assertThat(this.pages.page("/items/campaigns/" + this.letter.getCampaignId() + "/letters", "u5"))
			.contains(this.letter.getCode());
		assertThat(this.pages.page("/items/campaigns/" + this.letter.getCampaignId() + "/letters", "u1"))
			.doesNotContain(this.letter.getCode());
	}

}
