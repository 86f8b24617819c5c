package org.rectifyflow.browser;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.ConsoleMessage;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.Response;

/**
 * Records what a person would not notice but a defect shows: JavaScript console errors,
 * uncaught exceptions, responses of the application with a status of 400 or more, and
 * requests to the application that failed on the network. The allow-list
 * {@link TasklistExpectedFailures} and failures that a scenario announces with
 * {@link #expect(String, int, String)} are accepted; a scenario's announced failure must
 * also happen.
 */
final class PageProblems {

	/** Chromium's console message for every response with an error status. */
	private static final String FAILED_RESOURCE = "Failed to load resource:";

	/** A request cancelled because the page navigated away: not a failure. */
	private static final String ABORTED = "net::ERR_ABORTED";

	private final String baseUrl;

	private final List<ExpectedFailure> expected = new ArrayList<>();

	private final List<ExpectedFailure> announced = new ArrayList<>();

	private final List<ExpectedFailure> seenAnnounced = new ArrayList<>();

	private final List<String> problems = Collections.synchronizedList(new ArrayList<>());

	PageProblems(String baseUrl) {
		this.baseUrl = baseUrl;
		this.expected.addAll(TasklistExpectedFailures.ALL);
	}

	void watch(BrowserContext context) {
		context.onConsoleMessage(this::console);
		context.onPage((page) -> page.onPageError((error) -> this.problems.add("uncaught exception: " + error)));
		context.onResponse(this::response);
		context.onRequestFailed(this::requestFailed);
	}

	/**
	 * Announces a failure that the scenario provokes on purpose (for example a completion
	 * refused by the engine's rules). It is accepted, and it must occur.
	 * @param method HTTP method
	 * @param status HTTP status
	 * @param pathRegex regular expression for the path
	 */
	void expect(String method, int status, String pathRegex) {
		ExpectedFailure failure = ExpectedFailure.of(method, status, pathRegex, "announced by the scenario");
		this.announced.add(failure);
	}

	/**
	 * What went wrong that nobody expected, and announced failures that did not happen.
	 * @return one line per problem; empty when all is well
	 */
	List<String> unexpected() {
		List<String> result = new ArrayList<>(this.problems);
		for (ExpectedFailure failure : this.announced) {
			if (!this.seenAnnounced.contains(failure)) {
				result.add("announced failure did not happen: " + failure.method() + " " + failure.status() + " "
						+ failure.path());
			}
		}
		return result;
	}

	private void console(ConsoleMessage message) {
		if (!"error".equals(message.type())) {
			return;
		}
		String location = message.location();
		if (message.text().startsWith(FAILED_RESOURCE) && isAccepted(location)) {
			return;
		}
		this.problems.add("console error: " + message.text() + " (" + location + ")");
	}

	private void response(Response response) {
		if (response.status() < 400 || !response.url().startsWith(this.baseUrl)) {
			return;
		}
		String method = response.request().method();
		for (ExpectedFailure failure : this.announced) {
			if (failure.matches(method, response.status(), response.url())) {
				this.seenAnnounced.add(failure);
				return;
			}
		}
		if (this.expected.stream().anyMatch((failure) -> failure.matches(method, response.status(), response.url()))) {
			return;
		}
		this.problems.add("failed request: " + method + " " + response.url() + " -> HTTP " + response.status());
	}

	private void requestFailed(Request request) {
		if (!request.url().startsWith(this.baseUrl) || ABORTED.equals(request.failure())) {
			return;
		}
		this.problems.add("request failed: " + request.method() + " " + request.url() + " (" + request.failure() + ")");
	}

	/**
	 * Whether a console message about a failed resource belongs to an accepted response.
	 * Chromium reports such messages with the resource's URL (and ":line:column") as
	 * location, without the method or status, so the URL decides.
	 */
	private boolean isAccepted(String location) {
		String url = location.replaceFirst(":\\d+:\\d+$", "");
		if (!url.startsWith(this.baseUrl)) {
			return false;
		}
		return this.announced.stream().anyMatch((failure) -> failure.matchesUrl(url))
				|| this.expected.stream().anyMatch((failure) -> failure.matchesUrl(url));
	}

}
