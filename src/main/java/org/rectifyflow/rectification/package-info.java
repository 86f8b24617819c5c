/**
 * Rectification ledger (整改台账). Allowed dependencies are declared so that a new arrow
 * between modules is a decision, checked by {@code ModularityTests}; see
 * {@code docs/architecture.md}.
 */
@ApplicationModule(displayName = "Rectification ledger (整改台账)", allowedDependencies = { "attachment", "audit",
		"calendar", "deadline", "engine", "identity", "kernel", "notification", "organisation", "pages", "taskrules" })
package org.rectifyflow.rectification;

import org.springframework.modulith.ApplicationModule;
