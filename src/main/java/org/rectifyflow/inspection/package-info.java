/**
 * Inspections (明察暗访). Allowed dependencies are declared so that a new arrow between
 * modules is a decision, checked by {@code ModularityTests}; see
 * {@code docs/architecture.md}.
 */
@ApplicationModule(displayName = "Inspections (明察暗访)", allowedDependencies = { "attachment", "audit", "calendar",
		"deadline", "engine", "identity", "kernel", "notification", "organisation", "pages", "taskrules" })
package org.rectifyflow.inspection;

import org.springframework.modulith.ApplicationModule;
