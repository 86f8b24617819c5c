/**
 * Organisation (二级单位). Allowed dependencies are declared so that a new arrow between
 * modules is a decision, checked by {@code ModularityTests}; see
 * {@code docs/architecture.md}.
 */
@ApplicationModule(displayName = "Organisation (二级单位)", allowedDependencies = { "engine" })
package org.rectifyflow.organisation;

import org.springframework.modulith.ApplicationModule;
