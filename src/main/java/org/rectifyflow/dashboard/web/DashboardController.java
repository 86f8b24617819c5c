package org.rectifyflow.dashboard.web;

import org.rectifyflow.dashboard.internal.SupervisionAccess;

import java.security.Principal;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The supervision dashboard (督办看板): a page whose script draws the figures of
 * {@code /api/supervision/summary} with ECharts. The page itself needs the login of the
 * web chain; the figures need a supervising role.
 */
@Controller
class DashboardController {

	/** Where ECharts is served from (WebJar {@code org.webjars.npm:echarts}). */
	static final String ECHARTS = "/webjars/echarts/5.3.1/dist/echarts.min.js";

	private final SupervisionAccess access;

	DashboardController(SupervisionAccess access) {
		this.access = access;
	}

	@GetMapping("/dashboard")
	String dashboard(Principal principal, Model model, HttpServletResponse response) {
		boolean allowed = this.access.mayView(principal.getName());
		if (!allowed) {
			response.setStatus(HttpServletResponse.SC_FORBIDDEN);
		}
		model.addAttribute("allowed", allowed);
		model.addAttribute("user", principal.getName());
		model.addAttribute("echarts", ECHARTS);
		return "supervision/dashboard";
	}

}
