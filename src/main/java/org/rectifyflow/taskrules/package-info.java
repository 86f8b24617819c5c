/**
 * Task rules engine plugin. Allowed dependencies are declared so that a new arrow between
 * modules is a decision, checked by {@code ModularityTests}; see
 * {@code docs/architecture.md}.
 */
@ApplicationModule(displayName = "Task rules engine plugin", allowedDependencies = { "audit", "engine", "kernel" })
package org.rectifyflow.taskrules;

import org.springframework.modulith.ApplicationModule;
