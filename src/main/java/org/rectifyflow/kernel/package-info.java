/**
 * Kernel. Allowed dependencies are declared so that a new arrow between modules is a
 * decision, checked by {@code ModularityTests}; see {@code docs/architecture.md}.
 */
@ApplicationModule(displayName = "Kernel", allowedDependencies = {})
package org.rectifyflow.kernel;

import org.springframework.modulith.ApplicationModule;
