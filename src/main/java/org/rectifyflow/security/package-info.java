/**
 * Login and API security. Allowed dependencies are declared so that a new arrow between
 * modules is a decision, checked by {@code ModularityTests}; see
 * {@code docs/architecture.md}.
 */
@ApplicationModule(displayName = "Login and API security",
		allowedDependencies = { "audit", "engine", "identity", "kernel" })
package org.rectifyflow.security;

import org.springframework.modulith.ApplicationModule;
