package org.rectifyflow.dashboard.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.rectifyflow.calendar.WorkingDayCalendar;
import org.rectifyflow.clue.Channel;
import org.rectifyflow.clue.Clue;
import org.rectifyflow.clue.Route;
import org.rectifyflow.pages.ItemLinks;

import org.springframework.stereotype.Component;

/**
 * The clue flow of the dashboard: clues per channel and per route with the median working
 * days to close them, and the clues open longest (久拖不决).
 */
@Component
class ClueFlowFigures {

	/** Length of the 久拖不决 list. */
	static final int LONGEST_OPEN = 10;

	private final WorkingDayCalendar calendar;

	ClueFlowFigures(WorkingDayCalendar calendar) {
		this.calendar = calendar;
	}

	SupervisionSummary.ClueFlow clueFlow(List<Clue> all, Map<String, String> unitNames, boolean withContent,
			LocalDate today) {
		List<SupervisionSummary.Count> byChannel = new ArrayList<>();
		for (Channel channel : Channel.values()) {
			long count = all.stream().filter((c) -> c.getChannel() == channel).count();
			byChannel.add(new SupervisionSummary.Count(channel.name(), channel.label(), count,
					"/api/clues?channel=" + channel.name() + "&size=200"));
		}
		List<SupervisionSummary.RouteFigures> byRoute = new ArrayList<>();
		for (Route route : Route.values()) {
			List<Clue> onRoute = all.stream().filter((c) -> c.getRoute() == route).toList();
			List<Integer> days = onRoute.stream()
				.filter((c) -> !c.getStatus().isOpen() && c.getClosedAt() != null)
				.map((c) -> workingDaysBetween(c.getReceivedAt(), c.getClosedAt()))
				.sorted()
				.toList();
			byRoute.add(new SupervisionSummary.RouteFigures(route.name(), routeLabel(route), onRoute.size(),
					onRoute.stream().filter((c) -> c.getStatus().isOpen()).count(), days.size(), median(days),
					"/api/clues?route=" + route.name() + "&size=200"));
		}
		List<SupervisionSummary.OpenClue> longest = all.stream()
			.filter((c) -> c.getStatus().isOpen())
			.sorted(Comparator.comparing(Clue::getReceivedAt).thenComparing(Clue::getNumber))
			.limit(LONGEST_OPEN)
			.map((c) -> new SupervisionSummary.OpenClue(c.getNumber(), c.getSubjectUnitCode(),
					unitNames.getOrDefault(c.getSubjectUnitCode(), c.getSubjectUnitCode()), c.getStatus().name(),
					c.getStatus().label(), (c.getRoute() != null) ? c.getRoute().name() : null, c.getReceivedAt(),
					this.calendar.workingDaysBetween(
							c.getReceivedAt().atZoneSameInstant(this.calendar.zone()).toLocalDate(), today),
					c.isOverdue(), withContent ? c.getDescription() : null, withContent ? c.getSubjectPerson() : null,
					ItemLinks.clue(c.getId())))
			.toList();
		long open = all.stream().filter((c) -> c.getStatus().isOpen()).count();
		long overdue = all.stream().filter((c) -> c.getStatus().isOpen() && c.isOverdue()).count();
		return new SupervisionSummary.ClueFlow(all.size(), open, overdue, byChannel, byRoute, longest,
				"/api/clues?open=true&size=200");
	}

	private int workingDaysBetween(OffsetDateTime from, OffsetDateTime to) {
		return this.calendar.workingDaysBetween(from.atZoneSameInstant(this.calendar.zone()).toLocalDate(),
				to.atZoneSameInstant(this.calendar.zone()).toLocalDate());
	}

	static Double median(List<Integer> sorted) {
		if (sorted.isEmpty()) {
			return null;
		}
		int n = sorted.size();
		return (n % 2 == 1) ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
	}

	static String routeLabel(Route route) {
		return (route == Route.GREEN) ? "快查快结（绿色通道）" : "限期办结";
	}

}
