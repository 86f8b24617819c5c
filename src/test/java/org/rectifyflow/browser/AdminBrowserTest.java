package org.rectifyflow.browser;

import com.microsoft.playwright.Locator;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The administrator works in Camunda Admin: users, a user's groups, groups, a group's
 * members and the authorizations of several resource types. Every list that Admin loads
 * must stay within the engine's result limit ({@code queryMaxResultsLimit}): a request
 * the engine refuses is a failed response, which fails the test.
 */
@BrowserTest
class AdminBrowserTest {

	static final String PATH = "/camunda/app/admin/default/";

	@Test
	void shouldListUsersGroupsAndAuthorizationsWithinTheResultLimit(Web web) {
		web.login("admin");
		Locator body = web.page().locator("body");

		open(web, "#/users");
		assertThat(body).containsText("u1lead");
		open(web, "#/users/u1lead?tab=groups");
		assertThat(body).containsText("unit-leaders");
		open(web, "#/groups");
		assertThat(body).containsText("discipline-lead");
		open(web, "#/groups/unit-u1?tab=users");
		assertThat(body).containsText("u1lead");
		// application, group, process definition, task, process instance
		for (int resource : new int[] { 0, 2, 6, 7, 8 }) {
			open(web, "#/authorization?resource=" + resource);
			assertThat(web.page().locator("table").first()).isVisible();
		}
		open(web, "#/authorization?resource=0");
		assertThat(body).containsText("tasklist");
	}

	private static void open(Web web, String route) {
		web.page().navigate(web.url(PATH + route));
		web.waitUntilQuiet();
	}

}
