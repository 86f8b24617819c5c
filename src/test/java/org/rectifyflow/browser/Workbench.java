package org.rectifyflow.browser;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * What the application adds to Tasklist: the task header (deadline in working days, 退回意见,
 * operation buttons and their dialogs), the tabs 附件 and 审批意见, and the 站内信 bell.
 */
final class Workbench {

	private final Page page;

	Workbench(Page page) {
		this.page = page;
	}

	/** The header above the open task. */
	Locator header() {
		return this.page.locator(".rf-workbench");
	}

	Locator deadline() {
		return header().locator(".rf-deadline");
	}

	/** The latest 退回意见, shown at the top of the task. */
	Locator returnReason() {
		return this.page.locator(".task-details .rf-return");
	}

	/** The operation buttons (转办, 委派, 退回, 抄送, 催办, 申请延期). */
	Locator operations() {
		return header().locator("button.rf-op");
	}

	Locator operation(String label) {
		return header().locator("button.rf-op", new Locator.LocatorOptions().setHasText(label));
	}

	/** The open operation dialog. */
	Locator dialog() {
		return this.page.locator(".rf-modal");
	}

	Locator dialogResult() {
		return dialog().locator(".rf-result");
	}

	/** Confirms the dialog and waits for the result. */
	void confirm(String expected) {
		dialog().locator("button.rf-confirm").click();
		assertThat(dialogResult()).containsText(expected);
	}

	/** Closes the dialog after its result is shown. */
	void closeDialog() {
		dialog().locator("button.rf-confirm").click();
		assertThat(dialog()).hasCount(0);
	}

	/** Opens a tab of the task (表单, 附件, 审批意见, …). */
	void openTab(String label) {
		this.page.locator(".task-details .nav-tabs li a", new Page.LocatorOptions().setHasText(label)).first().click();
	}

	Locator attachments() {
		return this.page.locator(".rf-attachments tr.rf-attachment");
	}

	Locator filePicker() {
		return this.page.locator(".rf-attachments input.rf-picker");
	}

	Locator opinions() {
		return this.page.locator(".rf-opinions tr.rf-opinion");
	}

	Locator bell() {
		return this.page.locator(".rf-bell-toggle");
	}

	Locator unreadCount() {
		return bell().locator(".rf-count");
	}

	Locator inboxEntries() {
		return this.page.locator(".rf-inbox li.rf-notification");
	}

	/** 「我办过的」 in the navigation bar. */
	Locator completedToggle() {
		return this.page.locator(".rf-done-toggle");
	}

	/** A task in the open 「我办过的」 list. */
	Locator completedTask(String taskId) {
		return this.page.locator(".rf-done-list li.rf-completed-task[data-id='" + taskId + "']");
	}

	/** Tasklist's own 「添加意见」 above the task. */
	Locator addComment() {
		return this.page.locator(".task-details .createCommentLink");
	}

	/** The name of the open task, as Tasklist shows it above the form. */
	Locator taskName() {
		return this.page.locator(".task-details .names h2.task");
	}

	/**
	 * Asserts that two elements are shown and that their boxes on the page do not
	 * overlap.
	 */
	static void assertApart(Locator first, Locator second) {
		BoundingBox a = first.boundingBox();
		BoundingBox b = second.boundingBox();
		org.assertj.core.api.Assertions.assertThat(a).as("box of " + first).isNotNull();
		org.assertj.core.api.Assertions.assertThat(b).as("box of " + second).isNotNull();
		boolean overlap = a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
		org.assertj.core.api.Assertions.assertThat(overlap)
			.as(first + " [" + a.x + "," + a.y + " " + a.width + "x" + a.height + "] overlaps " + second + " [" + b.x
					+ "," + b.y + " " + b.width + "x" + b.height + "]")
			.isFalse();
	}

	Locator readAll() {
		return this.page.locator(".rf-inbox button.rf-read-all");
	}

}
