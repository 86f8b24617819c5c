/**
 * Audit trail. Allowed dependencies are declared so that a new arrow between modules is a
 * decision, checked by {@code ModularityTests}; see {@code docs/architecture.md}.
 */
@ApplicationModule(displayName = "Audit trail", allowedDependencies = {})
package org.rectifyflow.audit;

import org.springframework.modulith.ApplicationModule;
