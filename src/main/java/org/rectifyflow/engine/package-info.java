/**
 * Engine access. Allowed dependencies are declared so that a new arrow between modules is
 * a decision, checked by {@code ModularityTests}; see {@code docs/architecture.md}.
 */
@ApplicationModule(displayName = "Engine access", allowedDependencies = {})
package org.rectifyflow.engine;

import org.springframework.modulith.ApplicationModule;
