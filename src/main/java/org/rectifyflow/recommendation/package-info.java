/**
 * Recommendation letters (纪检建议书). Allowed dependencies are declared so that a new arrow
 * between modules is a decision, checked by {@code ModularityTests}; see
 * {@code docs/architecture.md}.
 */
@ApplicationModule(displayName = "Recommendation letters (纪检建议书)",
		allowedDependencies = { "attachment", "audit", "calendar", "campaign", "deadline", "document", "engine",
				"identity", "kernel", "notification", "organisation", "pages", "taskrules" })
package org.rectifyflow.recommendation;

import org.springframework.modulith.ApplicationModule;
