package org.rectifyflow.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

/**
 * One test's browser: a fresh browser context (no cookies, no storage) with one page, in
 * Chinese-speaking China's time zone but with an English browser language, watched by
 * {@link PageProblems}. Entry point to the page objects.
 */
final class Web implements AutoCloseable {

	static final String DEMO_PASSWORD = "demo";

	private static final double TIMEOUT_MS = 20_000;

	private final String baseUrl;

	private final Browser browser;

	private BrowserContext context;

	private Page page;

	private final PageProblems problems;

	private final java.util.concurrent.atomic.AtomicInteger pending = new java.util.concurrent.atomic.AtomicInteger();

	private volatile long lastActivity = System.nanoTime();

	Web(Browser browser, String baseUrl) {
		this.browser = browser;
		this.baseUrl = baseUrl;
		this.problems = new PageProblems(baseUrl);
		open();
	}

	private void open() {
		this.context = this.browser.newContext(new Browser.NewContextOptions().setLocale(Chromium.BROWSER_LOCALE)
			.setTimezoneId(Chromium.TIMEZONE)
			.setViewportSize(Chromium.WIDTH, Chromium.HEIGHT));
		this.context.setDefaultTimeout(TIMEOUT_MS);
		this.problems.watch(this.context);
		this.page = this.context.newPage();
		this.pending.set(0);
		this.page.onRequest((request) -> activity(+1));
		this.page.onRequestFinished((request) -> activity(-1));
		this.page.onRequestFailed((request) -> activity(-1));
	}

	private void activity(int delta) {
		this.pending.addAndGet(delta);
		this.lastActivity = System.nanoTime();
	}

	/**
	 * Waits until the page has no request under way and has made none for half a second:
	 * Tasklist reloads the task and re-renders its form after the engine refused a
	 * completion, and what is typed before that is lost.
	 */
	void waitUntilQuiet() {
		this.page.waitForCondition(() -> this.pending.get() <= 0
				&& System.nanoTime() - this.lastActivity > java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(500));
	}

	/**
	 * Another person at another computer: closes this browser context and opens a fresh
	 * one (no session, no storage). Problems seen so far are kept.
	 */
	void newSession() {
		this.context.close();
		open();
	}

	Page page() {
		return this.page;
	}

	String url(String path) {
		return this.baseUrl + path;
	}

	PageProblems problems() {
		return this.problems;
	}

	/**
	 * Opens the application's single login page.
	 * @return the login page
	 */
	LoginPage openLogin() {
		this.page.navigate(url(LoginPage.PATH));
		return new LoginPage(this);
	}

	/**
	 * Logs in on {@code /login} with the demo password and lands in Tasklist.
	 * @param user a demo user
	 * @return Tasklist, loaded
	 */
	TasklistPage login(String user) {
		return openLogin().logInAs(user, DEMO_PASSWORD);
	}

	/**
	 * Opens Cockpit in the current session.
	 * @return Cockpit's dashboard, loaded
	 */
	CockpitPage openCockpit() {
		this.page.navigate(url(CockpitPage.PATH));
		return new CockpitPage(this).waitUntilLoaded();
	}

	/**
	 * Opens Tasklist in the current session (without logging in).
	 */
	void openTasklist() {
		this.page.navigate(url(TasklistPage.PATH));
	}

	void screenshot(String name) {
		Screenshots.take(this.page, name);
	}

	@Override
	public void close() {
		this.context.close();
	}

}
