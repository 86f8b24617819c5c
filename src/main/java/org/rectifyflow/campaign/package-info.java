/**
 * Campaign (专项整治). Allowed dependencies are declared so that a new arrow between modules
 * is a decision, checked by {@code ModularityTests}; see {@code docs/architecture.md}.
 */
@ApplicationModule(displayName = "Campaign (专项整治)", allowedDependencies = { "audit", "calendar", "identity",
		"inspection", "kernel", "notification", "organisation", "pages", "rectification", "taskrules" })
package org.rectifyflow.campaign;

import org.springframework.modulith.ApplicationModule;
