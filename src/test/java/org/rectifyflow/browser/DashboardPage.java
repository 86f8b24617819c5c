package org.rectifyflow.browser;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The supervision dashboard ({@code /dashboard}): ECharts charts drawn from
 * {@code /api/supervision/summary}, tables of overdue items and long-open clues, and the
 * list behind a figure.
 */
final class DashboardPage {

	static final String PATH = "/dashboard";

	static final String[] CHARTS = { "chart-units", "chart-closure", "chart-channels", "chart-routes", "chart-trend" };

	private final Page page;

	DashboardPage(Web web) {
		this.page = web.page();
	}

	/** Waits until the figures are drawn. */
	DashboardPage waitUntilLoaded() {
		assertThat(this.page.locator("header h1")).hasText("督办看板");
		this.page.locator("#dashboard[data-ready=true]").waitFor();
		return this;
	}

	Locator chart(String id) {
		return this.page.locator("#" + id + " canvas");
	}

	Locator overdueRows() {
		return this.page.locator("#overdue-table tbody tr");
	}

	Locator longestRows() {
		return this.page.locator("#longest-table tbody tr");
	}

	/** Opens the list behind the first route figure. */
	Locator openRouteList() {
		this.page.locator("#route-table tbody tr a").first().click();
		Locator panel = this.page.locator("#list-panel[data-count]");
		panel.waitFor();
		return panel;
	}

	Locator forbidden() {
		return this.page.locator("#forbidden");
	}

}
