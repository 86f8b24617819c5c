/**
 * The read-only, printable item pages (事项页面) behind every link a user gets: their
 * addresses ({@link org.rectifyflow.pages.ItemLinks}), the Chinese refusal page, the way
 * dates, persons and units are written, and the audit trail as a page shows it. Each
 * feature serves the pages of its own items, deciding with its own access policy who may
 * read them; see {@code docs/architecture.md}.
 */
@ApplicationModule(displayName = "Item pages (事项页面)", allowedDependencies = { "attachment", "audit", "engine",
		"identity", "kernel", "organisation", "taskrules", "web" })
package org.rectifyflow.pages;

import org.springframework.modulith.ApplicationModule;
