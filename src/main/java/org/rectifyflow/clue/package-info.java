/**
 * Problem clues (问题线索). Allowed dependencies are declared so that a new arrow between
 * modules is a decision, checked by {@code ModularityTests}; see
 * {@code docs/architecture.md}.
 */
@ApplicationModule(displayName = "Problem clues (问题线索)",
		allowedDependencies = { "attachment", "audit", "calendar", "campaign", "deadline", "engine", "identity",
				"inspection", "kernel", "notification", "organisation", "pages", "taskrules", "web" })
package org.rectifyflow.clue;

import org.springframework.modulith.ApplicationModule;
