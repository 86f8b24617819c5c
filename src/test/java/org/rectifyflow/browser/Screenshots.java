package org.rectifyflow.browser;

import java.nio.file.Path;

import com.microsoft.playwright.Page;

/**
 * Screenshots of the key screens, written to {@code target/screenshots/<name>.png} (the
 * viewport, 1280x800). {@code docs/screenshots.sh} copies them into {@code docs/images/}
 * for the user guide.
 */
final class Screenshots {

	static final Path DIRECTORY = Path.of("target", "screenshots");

	private Screenshots() {
	}

	static Path take(Page page, String name) {
		Path file = DIRECTORY.resolve(name + ".png");
		page.screenshot(new Page.ScreenshotOptions().setPath(file));
		return file;
	}

}
