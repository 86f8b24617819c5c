package org.rectifyflow.clue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectifyflow.pages.PageClient;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page of a clue: the discipline group reads it in full with its audit trail, never
 * the reporter; supervisors see what the register shows them; a unit's handler is
 * refused; only the discipline lead reads who revealed the reporter and why.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CluePagesTest {

	@LocalServerPort
	private int port;

	@Autowired
	private ClueRegister register;

	@Autowired
	private TransactionTemplate transaction;

	private PageClient pages;

	private Clue clue;

	@BeforeEach
	void setUp() {
		this.pages = new PageClient(this.port);
		this.clue = this.register.all()
			.stream()
			.filter((c) -> c.getStatus() == ClueStatus.INVESTIGATING && c.getSubjectPerson() != null)
			.findFirst()
			.orElseThrow();
	}

	@Test
	void shouldShowTheClueInFullToTheDisciplineGroupWithoutTheReporter() {
		String html = this.pages.page("/items/clues/" + this.clue.getId(), "discipline");

		assertThat(html).contains("问题线索", this.clue.getNumber(), this.clue.getChannel().label(),
				this.clue.getCategory().label(), this.clue.getStatus().label(), this.clue.getDescription(),
				this.clue.getSubjectPerson(), "操作记录");
		assertThat(PageClient.CHINESE_DATE_TIME.matcher(html).find()).isTrue();
		assertThat(html).doesNotContain("查看举报人信息记录", "INVESTIGATING", this.clue.getChannel().name() + "<");
	}

	@Test
	void shouldShowASupervisorNeitherContentNorPersonsNorTrail() {
		String html = this.pages.page("/items/clues/" + this.clue.getId(), "supervisor");

		assertThat(html).contains(this.clue.getNumber(), this.clue.getStatus().label(), "仅派驻纪检组可见")
			.doesNotContain(this.clue.getDescription(), this.clue.getSubjectPerson(), "操作记录");
	}

	@Test
	void shouldRefuseAUnitHandler() {
		assertThat(this.pages.refused("/items/clues/" + this.clue.getId(), "u1", 403)).contains("您无权查看问题线索")
			.doesNotContain(this.clue.getNumber());
		assertThat(this.pages.refused("/items/clues/" + this.clue.getId(), "u1lead", 403)).contains("您无权查看问题线索");
	}

	@Test
	void shouldShowTheRevealLogToTheDisciplineLeadOnly() {
		this.transaction.executeWithoutResult(
				(tx) -> this.register.revealReporter(this.clue.getId(), "核实举报内容需联系举报人", "discipline2"));

		String lead = this.pages.page("/items/clues/" + this.clue.getId(), "disciplinelead");
		assertThat(lead).contains("查看举报人信息记录", "核实举报内容需联系举报人", "赵清");
		String member = this.pages.page("/items/clues/" + this.clue.getId(), "discipline");
		assertThat(member).doesNotContain("查看举报人信息记录", "核实举报内容需联系举报人");
	}

}
