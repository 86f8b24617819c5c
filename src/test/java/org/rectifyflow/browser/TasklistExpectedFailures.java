package org.rectifyflow.browser;

import java.util.List;

/**
 * The one allow-list: requests that the Camunda webapps make knowing that they may fail,
 * and whose failure they ignore or repair. Everything else that fails, in any scenario,
 * fails the test.
 * <p>
 * Checked with the single login of this application: the two 404s that the stock login
 * causes ({@code /camunda/api/admin/auth/user/default} and {@code /camunda-welcome}) do
 * not occur here. The webapps are opened with a session that is already logged in, so
 * they never ask for the user before login, and the welcome message is disabled in
 * {@code scripts/config.js} ({@code disableWelcomeMessage}), so {@code /camunda-welcome}
 * is never requested.
 */
final class TasklistExpectedFailures {

	static final List<ExpectedFailure> ALL = List.of(ExpectedFailure.of("GET", 404,
			"/camunda/api/engine/engine/default/process-instance/[^/]+",
			"Tasklist's generic form (a task without a form of its own) reads the task's process instance only to "
					+ "show its business key and ignores a failure (.catch(noop) in the Tasklist bundle); a handler "
					+ "has no READ permission on process instances, so the engine answers 404."),
			ExpectedFailure.of("GET", 400, "/camunda/api/engine/engine/default/(process|decision)-definition",
					"(?!.*maxResults=).*sortBy=version.*",
					"Cockpit lists all versions of a definition (the version selector) without paging first; the "
							+ "engine refuses unbounded lists (queryMaxResultsLimit), and Cockpit's queryMaxResults "
							+ "helper then asks for the count and repeats the list with maxResults=count (or 50)."));

	private TasklistExpectedFailures() {
	}

}
