/**
 * Official documents (公文). Allowed dependencies are declared so that a new arrow between
 * modules is a decision, checked by {@code ModularityTests}; see
 * {@code docs/architecture.md}.
 */
@ApplicationModule(displayName = "Official documents (公文)", allowedDependencies = {})
package org.rectifyflow.document;

import org.springframework.modulith.ApplicationModule;
