package org.rectifyflow.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Debian's Chromium, as the browser tests start it. Nothing is ever downloaded: the
 * executable comes from the {@code chromium} package ({@code .ci/run} installs it).
 */
final class Chromium {

	/**
	 * Debian's Chromium; another executable can be named with the system property
	 * {@code browser.chromium} (e.g. on a developer's machine).
	 */
	static final Path EXECUTABLE = Path.of(System.getProperty("browser.chromium", "/usr/bin/chromium"));

	/**
	 * Flags needed as root on a machine without network access; {@code --headless} and a
	 * fresh temporary {@code --user-data-dir} are added by Playwright's launch.
	 */
	static final List<String> FLAGS = List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
			"--disable-component-update", "--disable-sync", "--no-first-run");

	/**
	 * The browser's language on purpose: the application must still be Chinese.
	 */
	static final String BROWSER_LOCALE = "en-US";

	static final String TIMEZONE = "Asia/Shanghai";

	static final int WIDTH = 1280;

	static final int HEIGHT = 800;

	private Chromium() {
	}

	static boolean installed() {
		return Files.isExecutable(EXECUTABLE);
	}

	/**
	 * CI never skips the browser tests.
	 */
	static boolean required() {
		return "true".equalsIgnoreCase(System.getenv("CI"));
	}

}
