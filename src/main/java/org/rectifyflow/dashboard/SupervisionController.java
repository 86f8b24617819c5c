package org.rectifyflow.dashboard;

import java.security.Principal;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The supervision figures as JSON, for the dashboard and anyone with a supervising role.
 */
@RestController
class SupervisionController {

	private final SupervisionFigures supervision;

	private final SupervisionAccess access;

	SupervisionController(SupervisionFigures supervision, SupervisionAccess access) {
		this.supervision = supervision;
		this.access = access;
	}

	@GetMapping("/api/supervision/summary")
	SupervisionSummary summary(@RequestParam(required = false) Long campaignId, Principal principal) {
		boolean withContent = this.access.check(principal.getName());
		return this.supervision.summary(campaignId, withContent);
	}

}
