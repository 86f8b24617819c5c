package org.rectifyflow.browser;

import java.util.List;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Camunda Tasklist: the header, the filters (left), the task list (centre) and the
 * selected task (right, {@link TaskPanel}), and the notifications.
 */
final class TasklistPage {

	static final String PATH = "/camunda/app/tasklist/default/";

	static final String MY_TASKS = "我的任务";

	static final String GROUP_TASKS = "我的组任务";

	static final String DUE_SOON = "即将到期";

	static final String OVERDUE = "已逾期";

	private final Web web;

	private final Page page;

	TasklistPage(Web web) {
		this.web = web;
		this.page = web.page();
	}

	TasklistPage waitUntilLoaded() {
		assertThat(brand()).containsText("任务中心");
		assertThat(filters().first()).isVisible();
		return this;
	}

	Page page() {
		return this.page;
	}

	Locator brand() {
		return this.page.locator(".navbar-brand .brand-name");
	}

	/** Header actions: 站内信, 键盘快捷键, 启动流程. */
	Locator headerActions() {
		return this.page.locator(".sections-menu li");
	}

	/** The logged-in user's name in the header. */
	Locator account() {
		return this.page.locator("li.account > a.dropdown-toggle");
	}

	/** The red "migrate to Camunda 8" banner of the stock webapps. */
	Locator eolBanner() {
		return this.page.locator(".ce-eol-banner");
	}

	Locator filters() {
		return this.page.locator(".task-filters .task-filter h4.name a");
	}

	/**
	 * The filter names as shown, without the task counter.
	 * @return names, in the order shown
	 */
	List<String> filterNames() {
		return filters().all()
			.stream()
			.map((link) -> (String) link.evaluate("a => a.firstChild.textContent.trim()"))
			.toList();
	}

	Locator filter(String name) {
		return filters().filter(new Locator.FilterOptions().setHasText(exactly(name)));
	}

	/**
	 * Selects a filter and waits until its tasks are listed.
	 * @param name the filter's name
	 * @return this page
	 */
	TasklistPage openFilter(String name) {
		filter(name).click();
		assertThat(this.page.locator(".task-filters .task-filter.active h4.name a")).hasText(exactly(name));
		assertThat(this.page.locator(".tasks-list .loader")).isHidden();
		return this;
	}

	/** Every task card in the list. */
	Locator taskCards() {
		return this.page.locator(".column-center li.task");
	}

	/** The card of one task (Tasklist links each card to {@code #/?task=<id>}). */
	Locator taskCard(String taskId) {
		return this.page.locator(".column-center li.task:has(a[href$='task=" + taskId + "'])");
	}

	/** The 没有符合过滤条件的任务 notice of an empty list. */
	Locator emptyListNotice() {
		return this.page.locator(".column-center .well");
	}

	/**
	 * Opens a task from the list.
	 * @param taskId the task's id
	 * @return the task panel, loaded
	 */
	TaskPanel openTask(String taskId) {
		taskCard(taskId).locator("h4.task a").click();
		return new TaskPanel(this.page).waitUntilLoaded();
	}

	/** Tasklist's notifications (top right): success and error messages. */
	Locator notifications() {
		return this.page.locator(".page-notifications .notifications > *");
	}

	/**
	 * Closes the notifications (×), as a person does once read: they cover the lower
	 * right corner, where 完成 is.
	 * @return this page
	 */
	TasklistPage dismissNotifications() {
		Locator close = this.page.locator(".page-notifications .notifications .close:visible");
		while (close.count() > 0) {
			close.first().click();
		}
		assertThat(notifications()).hasCount(0);
		return this;
	}

	/**
	 * Logs out with the header's user menu (退出登录); the single login page follows.
	 * @return the login page
	 */
	LoginPage logOut() {
		account().click();
		Locator logout = this.page.locator("li.logout a");
		assertThat(logout).hasText("退出登录");
		logout.click();
		this.page.waitForURL("**" + LoginPage.PATH + "**");
		return new LoginPage(this.web);
	}

	/**
	 * A pattern for a text shown exactly (surrounding blanks and a trailing counter
	 * allowed). Playwright evaluates it in the browser, so it is escaped for JavaScript
	 * rather than with {@link Pattern#quote(String)}.
	 */
	static Pattern exactly(String text) {
		return Pattern.compile("^\\s*" + literal(text) + "(\\s+\\d+)?\\s*$");
	}

	/**
	 * A text to be matched as it is, in a pattern the browser can read: Playwright hands
	 * patterns to JavaScript, which does not know Java's {@code \Q...\E} quoting
	 * ({@link Pattern#quote(String)}), so each special character is escaped on its own.
	 * @param text the text
	 * @return the pattern source matching exactly the text
	 */
	static String literal(String text) {
		return text.replaceAll("[\\\\^$.*+?()\\[\\]{}|/-]", "\\\\$0");
	}

}
