package org.rectifyflow.browser;

import java.util.List;

import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The supervisor opens {@code /dashboard}, logs in once, and sees which unit is late on
 * what: the charts are drawn by ECharts and every figure opens the list behind it.
 */
@BrowserTest
class DashboardBrowserTest {

	@Test
	void shouldDrawTheChartsForTheSupervisorAfterTheSingleLogin(Web web) {
		web.page().navigate(web.url(DashboardPage.PATH));
		LoginPage login = new LoginPage(web);
		login.username().fill("supervisor");
		login.password().fill(Web.DEMO_PASSWORD);
		login.submit().click();
		web.page().waitForURL("**" + DashboardPage.PATH + "**");

		DashboardPage dashboard = new DashboardPage(web).waitUntilLoaded();
		for (String chart : DashboardPage.CHARTS) {
			assertThat(dashboard.chart(chart)).hasCount(1);
		}
		assertThat(dashboard.longestRows().first()).containsText("XS-");
		assertThat(web.page().locator("#longest-content-head")).isHidden();
		web.screenshot("dashboard");

		assertThat(dashboard.openRouteList().locator("tbody tr").first()).containsText("XS-");

		// every link opens a page or downloads a document; the lists' JSON is read by the
		// page itself
		@SuppressWarnings("unchecked")
		List<String> links = (List<String>) web.page()
			.evalOnSelectorAll("a[href]", "as => as.map(a => a.getAttribute('href'))");
		org.assertj.core.api.Assertions.assertThat(links)
			.as("links on the dashboard")
			.contains("#list-panel")
			.anyMatch((l) -> l.matches("/items/campaigns/\\d+/ledger(\\?unit=.*)?"))
			.filteredOn((l) -> l.startsWith("/api/"))
			.allMatch((l) -> l.matches("/api/[^?]*\\.(xlsx|docx)(\\?.*)?"));
	}

	@Test
	void shouldRefuseAUnitHandler(Web web) {
		web.problems().expect("GET", 403, "/dashboard");
		web.page().navigate(web.url(DashboardPage.PATH));
		LoginPage login = new LoginPage(web);
		login.username().fill("u1");
		login.password().fill(Web.DEMO_PASSWORD);
		login.submit().click();
		web.page().waitForURL("**" + DashboardPage.PATH + "**");
		assertThat(new DashboardPage(web).forbidden()).containsText("您无权查看督办看板");
	}

}
