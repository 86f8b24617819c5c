/**
 * Attachments (附件). Allowed dependencies are declared so that a new arrow between modules
 * is a decision, checked by {@code ModularityTests}; see {@code docs/architecture.md}.
 */
@ApplicationModule(displayName = "Attachments (附件)",
		allowedDependencies = { "audit", "engine", "kernel", "organisation", "web" })
package org.rectifyflow.attachment;

import org.springframework.modulith.ApplicationModule;
