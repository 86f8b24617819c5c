package org.rectifyflow.calendar.web;

import java.security.Principal;
import java.time.LocalDate;

import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.rectifyflow.identity.Membership;
import org.rectifyflow.calendar.WorkingDayCalendar;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The administrator's page for the year's holidays and make-up working days
 * ({@code /calendar}); it works through {@link CalendarController}'s API.
 */
@Controller
class CalendarPageController {

	private final Membership membership;

	private final WorkingDayCalendar calendar;

	CalendarPageController(Membership membership, WorkingDayCalendar calendar) {
		this.membership = membership;
		this.calendar = calendar;
	}

	@GetMapping("/calendar")
	String page(Principal principal, Model model, HttpServletResponse response) {
		boolean allowed = principal != null && this.membership.of(principal.getName()).isAdmin();
		if (!allowed) {
			response.setStatus(HttpServletResponse.SC_FORBIDDEN);
		}
		LocalDate today = ClockUtil.getCurrentTime().toInstant().atZone(this.calendar.zone()).toLocalDate();
		// In the last quarter the next year's notice is what an administrator comes for.
		model.addAttribute("year", (today.getMonthValue() >= 10) ? today.getYear() + 1 : today.getYear());
		model.addAttribute("user", (principal != null) ? principal.getName() : "");
		model.addAttribute("allowed", allowed);
		return "calendar/index";
	}

}
