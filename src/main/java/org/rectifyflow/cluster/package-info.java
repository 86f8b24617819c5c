/**
 * Cluster support. Allowed dependencies are declared so that a new arrow between modules
 * is a decision, checked by {@code ModularityTests}; see {@code docs/architecture.md}.
 */
@ApplicationModule(displayName = "Cluster support", allowedDependencies = {})
package org.rectifyflow.cluster;

import org.springframework.modulith.ApplicationModule;
