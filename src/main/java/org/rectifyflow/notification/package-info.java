/**
 * Notifications and mail. Allowed dependencies are declared so that a new arrow between
 * modules is a decision, checked by {@code ModularityTests}; see
 * {@code docs/architecture.md}.
 */
@ApplicationModule(displayName = "Notifications and mail", allowedDependencies = { "audit", "engine", "kernel", "web" })
package org.rectifyflow.notification;

import org.springframework.modulith.ApplicationModule;
