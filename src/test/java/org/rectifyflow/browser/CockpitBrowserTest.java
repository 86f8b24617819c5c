package org.rectifyflow.browser;

import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.rectifyflow.deadline.DeadlineTemplateProcess;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A supervisor reads Cockpit in Chinese and finds a running process instance by its
 * business key.
 */
@BrowserTest
class CockpitBrowserTest {

	@Autowired
	RuntimeService runtimeService;

	@Test
	void shouldFindRunningInstanceByBusinessKey(Web web) {
		String businessKey = "BT-" + UUID.randomUUID().toString().substring(0, 8);
		this.runtimeService.startProcessInstanceByKey(DeadlineTemplateProcess.KEY, businessKey,
				Map.of(DeadlineTemplateProcess.VAR_WORK_GROUP, "unit-u3"));

		web.login("supervisor");
		CockpitPage cockpit = web.openCockpit();
		assertThat(cockpit.page().locator("html")).hasAttribute("lang", "zh-CN");
		assertThat(cockpit.menu()).containsText("流程");
		assertThat(cockpit.menu()).containsText("人工任务");
		assertThat(cockpit.dashboard()).containsText("运行中的流程实例");
		assertThat(cockpit.eolBanner()).not().isVisible();
		assertThat(cockpit.page().locator("body")).not().containsText("Camunda 8");
		web.screenshot("07-cockpit-dashboard");

		cockpit.openProcess("限期办理模板").searchByBusinessKey(businessKey);
		assertThat(cockpit.instanceRows()).hasCount(1);
		assertThat(cockpit.instanceRows()).containsText(businessKey);
		web.screenshot("08-cockpit-search");

		cockpit.openInstance(businessKey);
		assertThat(cockpit.page().locator("body")).containsText(businessKey);
		assertThat(cockpit.page().locator("body")).containsText("限期办理模板");
		// 变量 tab: the instance's variables, once loaded
		assertThat(cockpit.page().locator("body")).containsText(DeadlineTemplateProcess.VAR_WORK_GROUP);
		assertThat(cockpit.page().locator("body")).containsText("unit-u3");
		web.screenshot("09-cockpit-instance");
	}

}
