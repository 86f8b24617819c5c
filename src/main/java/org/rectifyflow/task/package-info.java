/**
 * Task additions (filters, due dates, operations). Allowed dependencies are declared so
 * that a new arrow between modules is a decision, checked by {@code ModularityTests}; see
 * {@code docs/architecture.md}.
 */
@ApplicationModule(displayName = "Task additions (filters, due dates, operations)",
		allowedDependencies = { "attachment", "audit", "calendar", "clue", "engine", "identity", "inspection", "kernel",
				"notification", "organisation", "pages", "recommendation", "rectification", "taskrules" })
package org.rectifyflow.task;

import org.springframework.modulith.ApplicationModule;
