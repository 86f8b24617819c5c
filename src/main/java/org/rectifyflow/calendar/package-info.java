/**
 * Working-day calendar. Allowed dependencies are declared so that a new arrow between
 * modules is a decision, checked by {@code ModularityTests}; see
 * {@code docs/architecture.md}.
 */
@ApplicationModule(displayName = "Working-day calendar", allowedDependencies = { "audit", "identity", "kernel" })
package org.rectifyflow.calendar;

import org.springframework.modulith.ApplicationModule;
