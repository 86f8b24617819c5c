package org.rectifyflow.browser;

import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Logging out from Tasklist ends the one session: the login page follows, and Tasklist
 * needs a new login.
 */
@BrowserTest
class LogoutBrowserTest {

	@Test
	void shouldEndTheSessionWhenLoggingOutFromTasklist(Web web) {
		TasklistPage tasklist = web.login("u1");

		LoginPage login = tasklist.logOut();
		assertThat(login.username()).isEmpty();
		assertThat(web.page()).hasURL(web.url(LoginPage.PATH));

		web.openTasklist();
		LoginPage again = new LoginPage(web);
		assertThat(web.page()).hasURL(web.url(LoginPage.PATH));
		assertThat(again.submit()).hasText("登录");

		again.logInAs("u1", Web.DEMO_PASSWORD);
	}

}
