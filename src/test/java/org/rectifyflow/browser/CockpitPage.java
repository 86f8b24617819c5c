package org.rectifyflow.browser;

import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.TimeoutError;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Camunda Cockpit for supervisors: the dashboard, the process list, a process's running
 * instances with the search by business key (业务键), and a process instance.
 */
final class CockpitPage {

	static final String PATH = "/camunda/app/cockpit/default/";

	private static final double SUGGESTION_TIMEOUT_MS = 5_000;

	private static final Pattern INVALID = Pattern.compile("\\binvalid\\b");

	private final Page page;

	CockpitPage(Web web) {
		this.page = web.page();
	}

	CockpitPage waitUntilLoaded() {
		assertThat(brand()).containsText("流程监控");
		return this;
	}

	Locator brand() {
		return this.page.locator(".navbar-brand .brand-name");
	}

	/** Header menu: 流程, 决策, 人工任务, 更多. */
	Locator menu() {
		return this.page.locator(".sections-menu");
	}

	/** The dashboard's running instances, incidents and open human tasks. */
	Locator dashboard() {
		return this.page.locator(".dashboard");
	}

	Locator eolBanner() {
		return this.page.locator(".ce-eol-banner");
	}

	/**
	 * Opens 流程 and then the process with the given name.
	 * @param processName the process definition's name
	 * @return this page, on the process's running instances
	 */
	CockpitPage openProcess(String processName) {
		this.page.locator(".sections-menu a").filter(new Locator.FilterOptions().setHasText("流程")).first().click();
		this.page.locator("a")
			.filter(new Locator.FilterOptions().setHasText(TasklistPage.exactly(processName)))
			.click();
		assertThat(instanceSearch()).isVisible();
		assertThat(this.page.locator("table.process-instances")).isVisible();
		return this;
	}

	Locator instanceSearch() {
		return this.page.locator("[cam-widget-search] input.main-field");
	}

	/**
	 * Adds the criterion 业务键 = value to the instance search.
	 * @param businessKey the business key
	 * @return this page
	 */
	CockpitPage searchByBusinessKey(String businessKey) {
		chooseCriterion("业务键");
		Locator valueField = this.page.locator("[cam-widget-search-pill] .value-field");
		// The new criterion usually opens its value for editing; a click opens it
		// otherwise.
		Locator value = valueField.locator("input");
		for (int attempt = 1;; attempt++) {
			// Angular may replace the value's input while the criterion settles: open it
			// again then
			try {
				valueField.click(new Locator.ClickOptions().setTimeout(SUGGESTION_TIMEOUT_MS));
				value.fill(businessKey, new Locator.FillOptions().setTimeout(SUGGESTION_TIMEOUT_MS));
				value.press("Enter", new Locator.PressOptions().setTimeout(SUGGESTION_TIMEOUT_MS));
				break;
			}
			catch (TimeoutError ex) {
				if (attempt == 3) {
					throw ex;
				}
			}
		}
		assertThat(this.page.locator("[cam-widget-search-pill] .search-label")).not().hasClass(INVALID);
		return this;
	}

	/**
	 * Types a criterion's name into 添加条件 and picks it from the suggestions. The
	 * suggestions appear only once the search widget is bound, so typing is repeated
	 * until they do.
	 */
	private void chooseCriterion(String name) {
		Locator option = this.page.locator("[cam-widget-search] .uib-typeahead-match a[title='" + name + "']");
		for (int attempt = 1;; attempt++) {
			instanceSearch().click();
			instanceSearch().fill("");
			instanceSearch().pressSequentially(name);
			try {
				option.waitFor(new Locator.WaitForOptions().setTimeout(SUGGESTION_TIMEOUT_MS));
				break;
			}
			catch (TimeoutError ex) {
				if (attempt == 3) {
					throw ex;
				}
			}
		}
		option.click();
	}

	/** The rows of the process instance table. */
	Locator instanceRows() {
		return this.page.locator("table.process-instances tbody tr");
	}

	/**
	 * Opens a process instance from the instance table.
	 * @param businessKey the instance's business key, shown in its row
	 * @return this page, on the process instance
	 */
	CockpitPage openInstance(String businessKey) {
		Locator link = instanceRows().filter(new Locator.FilterOptions().setHasText(businessKey))
			.locator("td.instance-id a[href*='#/process-instance/']");
		String instanceId = link.textContent().trim();
		link.click();
		assertThat(this.page).hasURL(Pattern.compile("#/process-instance/" + instanceId));
		// The instance view has a 变量 (variables) tab, the process view has none
		assertThat(this.page.locator("ul.nav-tabs li a").filter(new Locator.FilterOptions().setHasText("变量")))
			.isVisible();
		assertThat(this.page.locator(".breadcrumbs, .breadcrumb, [cam-breadcrumbs-panel]").first())
			.containsText(instanceId);
		return this;
	}

	/**
	 * The counter that the BPMN diagram shows on an activity (running activity instances,
	 * e.g. open tasks).
	 * @param activityId the activity's id
	 * @return the badge
	 */
	Locator activityBadge(String activityId) {
		return this.page.locator(".djs-overlays[data-container-id='" + activityId + "'] .badge").first();
	}

	Page page() {
		return this.page;
	}

}
