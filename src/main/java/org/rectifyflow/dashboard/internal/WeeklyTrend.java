package org.rectifyflow.dashboard.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.rectifyflow.calendar.WorkingDayCalendar;
import org.rectifyflow.clue.Clue;
import org.rectifyflow.rectification.LedgerEntry;
import org.rectifyflow.rectification.LedgerService;

import org.springframework.stereotype.Component;

/**
 * The weekly trend of the dashboard: clues received and closed, ledger entries opened and
 * settled, per week.
 */
@Component
public class WeeklyTrend {

	/** Weeks shown in the trend, the current one included. */
	public static final int TREND_WEEKS = 12;

	private final LedgerService ledger;

	private final WorkingDayCalendar calendar;

	WeeklyTrend(LedgerService ledger, WorkingDayCalendar calendar) {
		this.ledger = ledger;
		this.calendar = calendar;
	}

	List<SupervisionSummary.Week> trend(List<Clue> all, LocalDate today) {
		LocalDate thisWeek = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		List<LedgerEntry> entries = this.ledger.allEntries();
		Map<LocalDate, Long> received = countByWeek(all, Clue::getReceivedAt);
		Map<LocalDate, Long> closed = countByWeek(all.stream().filter((c) -> !c.getStatus().isOpen()).toList(),
				Clue::getClosedAt);
		Map<LocalDate, Long> opened = countByWeek(entries, LedgerEntry::getCreatedAt);
		Map<LocalDate, Long> settled = countByWeek(entries, LedgerEntry::getClosedAt);
		List<SupervisionSummary.Week> weeks = new ArrayList<>();
		for (int i = TREND_WEEKS - 1; i >= 0; i--) {
			LocalDate week = thisWeek.minusWeeks(i);
			weeks.add(new SupervisionSummary.Week(week, received.getOrDefault(week, 0L), closed.getOrDefault(week, 0L),
					opened.getOrDefault(week, 0L), settled.getOrDefault(week, 0L)));
		}
		return weeks;
	}

	private <T> Map<LocalDate, Long> countByWeek(List<T> items, Function<T, OffsetDateTime> at) {
		return items.stream()
			.map(at)
			.filter((t) -> t != null)
			.map((t) -> t.atZoneSameInstant(this.calendar.zone())
				.toLocalDate()
				.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)))
			.collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
	}

}
