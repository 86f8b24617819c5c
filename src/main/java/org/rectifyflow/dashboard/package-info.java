/**
 * Supervision dashboard (督办看板). Allowed dependencies are declared so that a new arrow
 * between modules is a decision, checked by {@code ModularityTests}; see
 * {@code docs/architecture.md}.
 */
@ApplicationModule(displayName = "Supervision dashboard (督办看板)",
		allowedDependencies = { "calendar", "campaign", "clue", "deadline", "engine", "identity", "inspection",
				"kernel", "organisation", "pages", "recommendation", "rectification", "taskrules" })
package org.rectifyflow.dashboard;

import org.springframework.modulith.ApplicationModule;
