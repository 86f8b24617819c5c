package org.rectifyflow.inspection;

import org.junit.jupiter.api.Test;
import org.rectifyflow.pages.PageClient;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages of the demo inspections: the unannounced one in its field work exists only
 * for the discipline group and its team; the finished announced one is read by its target
 * unit, without the audit trail.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class InspectionPagesTest {

	@LocalServerPort
	private int port;

	@Autowired
	private InspectionRegister inspections;

	@Test
	void shouldKeepAnUnannouncedInspectionInsideTheDisciplineGroup() {
		PageClient pages = new PageClient(this.port);
		Inspection secret = this.inspections.all()
			.stream()
			.filter((i) -> i.getKind() == Inspection.Kind.UNANNOUNCED && !i.isDisclosed())
			.findFirst()
			.orElseThrow();
		String path = "/items/inspections/" + secret.getId();

		String html = pages.page(path, "discipline");
		assertThat(html).contains(secret.getCode(), "暗访", "检查组", "id=\"draws\"", "操作记录");
		for (String outsider : new String[] { "u1", "u2", "supervisor", "party" }) {
			assertThat(pages.refused(path, outsider, 404)).as(outsider)
				.contains("检查不存在")
				.doesNotContain(secret.getCode());
			assertThat(pages.page("/items/inspections", outsider)).as(outsider).doesNotContain(secret.getCode());
		}
	}

	@Test
	void shouldShowAFinishedAnnouncedInspectionToItsTargetUnit() {
		PageClient pages = new PageClient(this.port);
		Inspection open = this.inspections.all()
			.stream()
			.filter((i) -> i.getKind() == Inspection.Kind.ANNOUNCED && i.targetUnitList().contains("u3"))
			.findFirst()
			.orElseThrow();

		String html = pages.page("/items/inspections/" + open.getId(), "u3");
		assertThat(html).contains(open.getCode(), "明察", "市容环境卫生管理所", "发现的问题").doesNotContain("操作记录", "id=\"draws\"");
		assertThat(pages.page("/items/inspections", "u3")).contains(open.getCode());
	}

}
