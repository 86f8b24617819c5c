package org.rectifyflow.browser;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The application's single login page ({@code /login}): user name, password, 登录.
 */
final class LoginPage {

	static final String PATH = "/login";

	static final String TITLE = "整治形式主义官僚主义工作平台";

	private final Web web;

	private final Page page;

	LoginPage(Web web) {
		this.web = web;
		this.page = web.page();
		assertThat(heading()).hasText(TITLE);
	}

	Locator heading() {
		return this.page.locator("main.login-box h1");
	}

	Locator username() {
		return this.page.locator("#username");
	}

	Locator password() {
		return this.page.locator("#password");
	}

	Locator submit() {
		return this.page.locator("main.login-box button[type=submit]");
	}

	/** The 您已安全退出 / wrong password messages. */
	Locator message() {
		return this.page.locator("main.login-box [role=status], main.login-box [role=alert]");
	}

	/**
	 * Logs in and waits for Tasklist, the start page after login.
	 * @param user user id
	 * @param password password
	 * @return Tasklist, loaded
	 */
	TasklistPage logInAs(String user, String password) {
		assertThat(submit()).hasText("登录");
		username().fill(user);
		password().fill(password);
		submit().click();
		this.page.waitForURL("**" + TasklistPage.PATH + "**");
		return new TasklistPage(this.web).waitUntilLoaded();
	}

}
