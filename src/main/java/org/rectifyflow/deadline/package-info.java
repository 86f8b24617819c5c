/**
 * Deadlines and escalation (限期办理、逐级督办). Allowed dependencies are declared so that a new
 * arrow between modules is a decision, checked by {@code ModularityTests}; see
 * {@code docs/architecture.md}.
 */
@ApplicationModule(displayName = "Deadlines and escalation (限期办理、逐级督办)",
		allowedDependencies = { "audit", "calendar", "engine", "kernel", "notification" })
package org.rectifyflow.deadline;

import org.springframework.modulith.ApplicationModule;
