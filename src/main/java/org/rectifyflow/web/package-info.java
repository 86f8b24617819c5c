/**
 * HTTP errors and API description. Allowed dependencies are declared so that a new arrow
 * between modules is a decision, checked by {@code ModularityTests}; see
 * {@code docs/architecture.md}.
 */
@ApplicationModule(displayName = "HTTP errors and API description", allowedDependencies = { "engine", "kernel" })
package org.rectifyflow.web;

import org.springframework.modulith.ApplicationModule;
