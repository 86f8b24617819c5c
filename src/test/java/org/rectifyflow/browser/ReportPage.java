package org.rectifyflow.browser;

import java.nio.charset.StandardCharsets;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The public reporting page {@code /report} (no login): the report form, the receipt
 * shown once after filing, and the lookup by receipt code.
 */
final class ReportPage {

	static final String PATH = "/report";

	static final String TITLE = "问题线索网上举报";

	private final Page page;

	ReportPage(Web web) {
		this.page = web.page();
		assertThat(this.page.locator("h1")).hasText(TITLE);
	}

	static ReportPage open(Web web) {
		web.page().navigate(web.url(PATH));
		return new ReportPage(web);
	}

	/** A small PDF document, as a scanner would give it. */
	static FilePayload pdf(String name) {
		String body = "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
				+ "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n" + "trailer << /Root 1 0 R >>\n%%EOF\n";
		return new FilePayload(name, "application/pdf", body.getBytes(StandardCharsets.US_ASCII));
	}

	/**
	 * Fills the report form anonymously (the reporter's fields stay empty).
	 * @param unitCode the unit reported on
	 * @param category the category's name (enum constant)
	 * @param description what happened
	 * @param attachment an attachment, or {@code null}
	 * @return this page
	 */
	ReportPage fillAnonymous(String unitCode, String category, String description, FilePayload attachment) {
		this.page.locator("#subjectUnit").selectOption(unitCode);
		this.page.locator("#category").selectOption(category);
		this.page.locator("#description").fill(description);
		if (attachment != null) {
			this.page.locator("#attachments").setInputFiles(attachment);
		}
		return this;
	}

	/** Clicks 提交举报 and waits for the answer page. */
	ReportPage submit() {
		Locator button = this.page.locator("form[action$='/report'] button[type=submit]");
		assertThat(button).hasText("提交举报");
		this.page.waitForNavigation(button::click);
		assertThat(this.page.locator("h1")).hasText(TITLE);
		return this;
	}

	/** The receipt (线索编号, 查询码) shown once after filing. */
	Locator receipt() {
		return this.page.locator("#receipt");
	}

	Locator receiptCode() {
		return receipt().locator(".code");
	}

	Locator clueNumber() {
		return receipt().locator("strong");
	}

	/** The refusal of a report (the form is shown again, filled in). */
	Locator error() {
		return this.page.locator("#error");
	}

	Locator description() {
		return this.page.locator("#description");
	}

	/**
	 * Types a receipt code into 查询码 and clicks 查询.
	 * @param code the receipt code
	 * @return this page, with the answer
	 */
	ReportPage lookUp(String code) {
		this.page.locator("#receiptCode").fill(code);
		Locator button = this.page.locator("form[action$='/report/lookup'] button[type=submit]");
		assertThat(button).hasText("查询");
		this.page.waitForNavigation(button::click);
		assertThat(this.page.locator("h1")).hasText(TITLE);
		return this;
	}

	/** The status found with a receipt code. */
	Locator status() {
		return this.page.locator("#status");
	}

	/** 查询码无效，未找到对应的线索. */
	Locator lookupError() {
		return this.page.locator("#lookupError");
	}

	/**
	 * The page as a person sees it (its text) and its structure (elements, ids, classes),
	 * without the per-response CSRF token.
	 */
	String shape() {
		return (String) this.page.evaluate("() => document.body.innerText + '\\n' + Array.from("
				+ "document.body.querySelectorAll('*')).map(e => e.tagName + '#' + e.id + '.' + e.className"
				+ " + (e.name === '_csrf' ? '' : (e.value ? '=' + e.value : ''))).join('|')");
	}

	Page page() {
		return this.page;
	}

}
