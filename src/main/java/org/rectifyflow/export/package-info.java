/**
 * Documents and exports. Allowed dependencies are declared so that a new arrow between
 * modules is a decision, checked by {@code ModularityTests}; see
 * {@code docs/architecture.md}.
 */
@ApplicationModule(displayName = "Documents and exports",
		allowedDependencies = { "audit", "calendar", "campaign", "clue", "document", "engine", "identity", "kernel",
				"organisation", "recommendation", "rectification", "taskrules", "web" })
package org.rectifyflow.export;

import org.springframework.modulith.ApplicationModule;
