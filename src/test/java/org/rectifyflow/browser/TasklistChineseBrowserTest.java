package org.rectifyflow.browser;

import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A handler logs in once and works in a Chinese Tasklist, although the browser asks for
 * English.
 */
@BrowserTest
class TasklistChineseBrowserTest {

	@Test
	void shouldShowChineseTasklistAfterTheSingleLogin(Web web) {
		LoginPage login = web.openLogin();
		assertThat(login.username()).isVisible();
		web.screenshot("01-login");

		TasklistPage tasklist = login.logInAs("u1", Web.DEMO_PASSWORD);

		assertThat(tasklist.page().locator("html")).hasAttribute("lang", "zh-CN");
		assertThat(tasklist.brand()).hasText("整治形式主义官僚主义工作平台 任务中心");
		assertThat(tasklist.account()).containsText("办公室");
		assertThat(tasklist.headerActions()).containsText(new String[] { "站内信", "键盘快捷键", "启动流程" });
		// standalone tasks are off: no 新建任务 that the engine would refuse
		assertThat(tasklist.page().locator(".create-task-action")).not().isVisible();
		assertThat(tasklist.filterNames()).startsWith(TasklistPage.MY_TASKS, TasklistPage.GROUP_TASKS,
				TasklistPage.DUE_SOON, TasklistPage.OVERDUE);
		assertThat(tasklist.page().locator(".column-right .no-task")).hasText("请在列表中选择一个任务。");
		assertThat(tasklist.eolBanner()).not().isVisible();
		assertThat(tasklist.page().locator("body")).not().containsText("Camunda 8");
		assertThat(tasklist.page().locator("body")).not().containsText("My Tasks");
		// Labels come from the loaded Chinese table, never as raw keys
		assertThat(tasklist.page().locator("body")).not().containsText("DUE_DATE");
		assertThat(tasklist.page().locator("body")).not().containsText("SEARCH_PLACEHOLDER");
		web.screenshot("02-tasklist");
	}

}
