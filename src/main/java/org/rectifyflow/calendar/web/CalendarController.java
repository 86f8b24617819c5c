package org.rectifyflow.calendar.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.security.Principal;
import java.time.LocalDate;
import java.util.List;

import org.rectifyflow.identity.Membership;
import org.rectifyflow.kernel.Refusal;
import org.rectifyflow.calendar.CalendarYears;
import org.rectifyflow.calendar.OpenDeadlines;
import org.rectifyflow.calendar.YearDays;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The working-day calendar kept in the running system: anyone may read a year; an
 * administrator enters a year's holidays and make-up days, sees which open deadlines
 * would move, and saves with or without moving them.
 */
@Tag(name = "工作日历 Calendar")
@RestController
class CalendarController {

	private final CalendarYears years;

	private final Membership membership;

	CalendarController(CalendarYears years, Membership membership) {
		this.years = years;
		this.membership = membership;
	}

	@Operation(operationId = "getCalendarYear",
			summary = "A year's holidays and make-up working days as the calendar uses them")
	@GetMapping("/api/calendar/years/{year}")
	CalendarYears.YearView year(@PathVariable int year) {
		requireYear(year);
		return this.years.year(year);
	}

	@Operation(operationId = "previewCalendarYear",
			summary = "Which open deadlines a change of the year would move (administrators)")
	@PostMapping("/api/calendar/years/{year}/preview")
	List<OpenDeadlines.Move> preview(@PathVariable int year, @RequestBody YearInput input, Principal principal) {
		requireAdmin(principal);
		return this.years.preview(year, input.off(), input.work());
	}

	@Operation(operationId = "saveCalendarYear",
			summary = "Save a year's holidays, optionally moving the open deadlines (administrators)")
	@PutMapping("/api/calendar/years/{year}")
	SaveResult save(@PathVariable int year, @RequestBody YearInput input, Principal principal) {
		requireAdmin(principal);
		List<OpenDeadlines.Move> moves = this.years.save(year, input.off(), input.work(),
				Boolean.TRUE.equals(input.moveDeadlines()), principal.getName());
		return new SaveResult(this.years.year(year), Boolean.TRUE.equals(input.moveDeadlines()), moves);
	}

	private void requireAdmin(Principal principal) {
		if (principal == null || !this.membership.of(principal.getName()).isAdmin()) {
			throw Refusal.forbidden("只有系统管理员可以维护节假日安排", "only administrators may change the calendar");
		}
	}

	private static void requireYear(int year) {
		if (year < YearDays.FIRST_YEAR || year > YearDays.LAST_YEAR) {
			throw Refusal.invalid("年份须在" + YearDays.FIRST_YEAR + "至" + YearDays.LAST_YEAR + "之间",
					"the year must lie between " + YearDays.FIRST_YEAR + " and " + YearDays.LAST_YEAR);
		}
	}

	/**
	 * A year as an administrator enters it.
	 *
	 * @param off the statutory days off
	 * @param work the make-up working days (weekend days)
	 * @param moveDeadlines whether saving moves the open deadlines the change affects
	 */
	record YearInput(List<LocalDate> off, List<LocalDate> work, Boolean moveDeadlines) {

	}

	/**
	 * What saving a year did.
	 *
	 * @param year the year as now kept
	 * @param moved whether the open deadlines were moved
	 * @param moves the open deadlines the change affects
	 */
	record SaveResult(CalendarYears.YearView year, boolean moved, List<OpenDeadlines.Move> moves) {

	}

}
