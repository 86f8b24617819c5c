package org.rectifyflow.browser;

import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One Playwright driver and one Chromium per JVM, closed when the test run ends. The
 * driver (Node.js and Playwright's scripts) is unpacked from the Playwright jar; browser
 * downloads are switched off, so the only browser is Debian's.
 */
final class SharedBrowser implements ExtensionContext.Store.CloseableResource {

	private final Playwright playwright;

	private final Browser browser;

	private SharedBrowser(Playwright playwright, Browser browser) {
		this.playwright = playwright;
		this.browser = browser;
	}

	static SharedBrowser start() {
		if (!Chromium.installed()) {
			throw new IllegalStateException("browser tests need " + Chromium.EXECUTABLE
					+ " (CI=true never skips them): apt-get install -y chromium fonts-noto-cjk");
		}
		Playwright playwright = Playwright
			.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
		try {
			Browser browser = playwright.chromium()
				.launch(new BrowserType.LaunchOptions().setExecutablePath(Chromium.EXECUTABLE)
					.setHeadless(true)
					.setArgs(Chromium.FLAGS));
			return new SharedBrowser(playwright, browser);
		}
		catch (RuntimeException ex) {
			playwright.close();
			throw ex;
		}
	}

	Browser browser() {
		return this.browser;
	}

	@Override
	public void close() {
		this.playwright.close();
	}

}
