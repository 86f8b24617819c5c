/**
 * Identity and roles. Allowed dependencies are declared so that a new arrow between
 * modules is a decision, checked by {@code ModularityTests}; see
 * {@code docs/architecture.md}.
 */
@ApplicationModule(displayName = "Identity and roles", allowedDependencies = { "audit", "engine", "organisation" })
package org.rectifyflow.identity;

import org.springframework.modulith.ApplicationModule;
