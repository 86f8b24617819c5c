package org.rectifyflow.browser;

import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The selected task in Tasklist (right column): its name, process, assignee, 认领, the form
 * (a Camunda Form, or Tasklist's generic form) and 完成.
 */
final class TaskPanel {

	/** Tasklist completes a task with a form through submit-form, else complete. */
	private static final Pattern COMPLETION = Pattern.compile("/task/[^/]+/(submit-form|complete)$");

	private final Page page;

	private final Locator root;

	TaskPanel(Page page) {
		this.page = page;
		this.root = page.locator(".column-right.task-details");
	}

	TaskPanel waitUntilLoaded() {
		assertThat(name()).isVisible();
		assertThat(this.root.locator(".form-pane .loader")).isHidden();
		return this;
	}

	Locator name() {
		return this.root.locator(".task-card h2.task");
	}

	Locator processName() {
		return this.root.locator(".task-card .process-definition");
	}

	/** The candidate groups, by their names (e.g. 办公室 for unit-u1). */
	Locator groups() {
		return this.root.locator(".task-card li.groups");
	}

	/** The 认领 button, shown while the task has no assignee. */
	Locator claimButton() {
		return this.root.locator("button.claim");
	}

	/** The assignee's name, once claimed. */
	Locator assignee() {
		return this.root.locator(".task-card li.assignee");
	}

	/**
	 * Claims the task and waits until the form can be filled in.
	 * @return this panel
	 */
	TaskPanel claim() {
		assertThat(claimButton()).hasText("认领");
		claimButton().click();
		assertThat(claimButton()).isHidden();
		assertThat(this.root.locator(".disabled-form")).hasCount(0);
		return this;
	}

	/** Clicks 认领 without expecting success (the engine may refuse the claim). */
	void clickClaim() {
		assertThat(claimButton()).hasText("认领");
		claimButton().click();
	}

	Locator completeButton() {
		return this.root.locator(".form-actions button.btn-primary");
	}

	/** Clicks 完成 (the form validates first; the engine may still refuse). */
	void clickComplete() {
		assertThat(completeButton()).hasText("完成");
		completeButton().click();
	}

	/**
	 * Clicks 完成 and waits for the engine's answer to the completion request.
	 * @return the HTTP status of the completion ({@code 204} when completed)
	 */
	int complete() {
		Response answer = this.page.waitForResponse(
				(response) -> "POST".equals(response.request().method()) && COMPLETION.matcher(response.url()).find(),
				this::clickComplete);
		return answer.status();
	}

	/** The task's Camunda Form (form-js). */
	CamundaForm camundaForm() {
		return new CamundaForm(this.root.locator(".fjs-container"));
	}

	/** The 表单错误 alert above the form. */
	Locator formError() {
		return this.root.locator(".form-pane .alert-danger:visible");
	}

	/** The panel after the task is gone: 请在列表中选择一个任务. */
	Locator noTaskNotice() {
		return this.root.locator(".no-task");
	}

	Page page() {
		return this.page;
	}

}
