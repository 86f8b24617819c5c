package org.rectifyflow.dashboard;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.rectifyflow.calendar.WorkingDayCalendar;
import org.rectifyflow.campaign.Campaign;
import org.rectifyflow.campaign.CampaignPlan;
import org.rectifyflow.campaign.CampaignService;
import org.rectifyflow.campaign.Phase;
import org.rectifyflow.campaign.PhaseDeadlines;
import org.rectifyflow.campaign.Regulation;
import org.rectifyflow.clue.Channel;
import org.rectifyflow.clue.Clue;
import org.rectifyflow.clue.ClueRegister;
import org.rectifyflow.clue.Route;
import org.rectifyflow.organisation.OrganisationService;
import org.rectifyflow.rectification.LedgerEntry;
import org.rectifyflow.rectification.LedgerService;
import org.rectifyflow.kernel.Refusal;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Computes the supervision figures from the repositories: open and overdue items per unit
 * (from every {@link ItemSource}), the clue flow, campaign progress and the weekly trend.
 */
@Service
public class SupervisionFigures {

	/** Weeks shown in the trend, the current one included. */
	static final int TREND_WEEKS = 12;

	/** Length of the 久拖不决 list. */
	static final int LONGEST_OPEN = 10;

	private final List<ItemSource> sources;

	private final CampaignService campaigns;

	private final LedgerService ledger;

	private final ClueRegister clues;

	private final OrganisationService organisation;

	private final WorkingDayCalendar calendar;

	SupervisionFigures(List<ItemSource> sources, CampaignService campaigns, LedgerService ledger, ClueRegister clues,
			OrganisationService organisation, WorkingDayCalendar calendar) {
		this.sources = sources.stream().sorted(Comparator.comparingInt(ItemSource::order)).toList();
		this.campaigns = campaigns;
		this.ledger = ledger;
		this.clues = clues;
		this.organisation = organisation;
		this.calendar = calendar;
	}

	/**
	 * The figures.
	 * @param campaignId the campaign whose ledger is counted; {@code null} for the newest
	 * running campaign (or the newest campaign)
	 * @param withContent whether clue content may be included
	 * @return the summary
	 */
	@Transactional(readOnly = true)
	public SupervisionSummary summary(Long campaignId, boolean withContent) {
		Campaign campaign = campaign(campaignId).orElse(null);
		OffsetDateTime now = now();
		LocalDate today = now.toLocalDate();
		Map<String, String> unitNames = new LinkedHashMap<>();
		this.organisation.activeUnits().forEach((u) -> unitNames.put(u.getCode(), u.getName()));

		Map<String, List<TrackedItem>> itemsByKind = new LinkedHashMap<>();
		for (ItemSource source : this.sources) {
			itemsByKind.put(source.kind(), source.items(campaign, withContent));
		}
		List<LedgerEntry> entries = (campaign != null) ? this.ledger.entries(campaign.getId()) : List.of();
		List<Clue> allClues = this.clues.all();

		List<SupervisionSummary.UnitFigures> units = unitFigures(campaign, unitNames, itemsByKind, entries, today);
		List<SupervisionSummary.OverdueItem> overdue = overdueItems(unitNames, itemsByKind, today);
		return new SupervisionSummary(now, today, withContent, ref(campaign),
				this.sources.stream().map((s) -> new SupervisionSummary.Source(s.kind(), s.label())).toList(), units,
				overdue, clueFlow(allClues, unitNames, withContent, today), progress(), trend(allClues, today));
	}

	/**
	 * Working days an item is overdue today: from its deadline's day to today.
	 * @param deadline the deadline, may be {@code null}
	 * @param today today
	 * @return the working days, 0 without a deadline
	 */
	int workingDaysOverdue(OffsetDateTime deadline, LocalDate today) {
		if (deadline == null) {
			return 0;
		}
		return this.calendar.workingDaysBetween(deadline.atZoneSameInstant(zone()).toLocalDate(), today);
	}

	private Optional<Campaign> campaign(Long campaignId) {
		if (campaignId != null) {
			return Optional.of(this.campaigns.find(campaignId)
				.orElseThrow(() -> Refusal.notFound("整治活动不存在", "no campaign " + campaignId)));
		}
		return this.campaigns.running().stream().findFirst().or(() -> this.campaigns.all().stream().findFirst());
	}

	private static SupervisionSummary.CampaignRef ref(Campaign campaign) {
		return (campaign == null) ? null : new SupervisionSummary.CampaignRef(campaign.getId(), campaign.getCode(),
				campaign.getTitle(), campaign.getPhase().name(), campaign.getPhase().label());
	}

	private List<SupervisionSummary.UnitFigures> unitFigures(Campaign campaign, Map<String, String> unitNames,
			Map<String, List<TrackedItem>> itemsByKind, List<LedgerEntry> entries, LocalDate today) {
		Map<String, String> names = new TreeMap<>(unitNames);
		itemsByKind.values().forEach((items) -> items.forEach((i) -> names.putIfAbsent(i.unitCode(), i.unitCode())));
		entries.forEach((e) -> names.putIfAbsent(e.getUnitCode(), e.getUnitCode()));
		List<SupervisionSummary.UnitFigures> result = new ArrayList<>();
		for (Map.Entry<String, String> unit : names.entrySet()) {
			String code = unit.getKey();
			Map<String, SupervisionSummary.KindFigures> figures = new LinkedHashMap<>();
			for (ItemSource source : this.sources) {
				List<TrackedItem> open = itemsByKind.get(source.kind())
					.stream()
					.filter((i) -> code.equals(i.unitCode()) && i.open())
					.toList();
				List<TrackedItem> late = open.stream().filter(TrackedItem::overdue).toList();
				int max = late.stream().mapToInt((i) -> workingDaysOverdue(i.deadline(), today)).max().orElse(0);
				figures.put(source.kind(), new SupervisionSummary.KindFigures(open.size(), late.size(), max,
						source.listLink(campaign, code, false), source.listLink(campaign, code, true)));
			}
			long total = entries.stream().filter((e) -> code.equals(e.getUnitCode())).count();
			long closed = entries.stream()
				.filter((e) -> code.equals(e.getUnitCode()) && e.getStatus() == LedgerEntry.Status.CLOSED)
				.count();
			result.add(new SupervisionSummary.UnitFigures(code, unit.getValue(), figures, total, closed,
					(total == 0) ? 0.0 : (double) closed / total, (campaign != null)
							? "/api/campaigns/" + campaign.getId() + "/ledger?unit=" + code + "&size=200" : null));
		}
		return result;
	}

	private List<SupervisionSummary.OverdueItem> overdueItems(Map<String, String> unitNames,
			Map<String, List<TrackedItem>> itemsByKind, LocalDate today) {
		List<SupervisionSummary.OverdueItem> result = new ArrayList<>();
		for (ItemSource source : this.sources) {
			for (TrackedItem item : itemsByKind.get(source.kind())) {
				if (item.open() && item.overdue()) {
					result.add(new SupervisionSummary.OverdueItem(item.kind(), source.label(), item.ref(),
							item.unitCode(), unitNames.getOrDefault(item.unitCode(), item.unitCode()), item.title(),
							item.deadline(), workingDaysOverdue(item.deadline(), today), item.link()));
				}
			}
		}
		result.sort(Comparator.comparingInt(SupervisionSummary.OverdueItem::workingDaysOverdue)
			.reversed()
			.thenComparing(SupervisionSummary.OverdueItem::ref));
		return result;
	}

	private SupervisionSummary.ClueFlow clueFlow(List<Clue> all, Map<String, String> unitNames, boolean withContent,
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
					this.calendar.workingDaysBetween(c.getReceivedAt().atZoneSameInstant(zone()).toLocalDate(), today),
					c.isOverdue(), withContent ? c.getDescription() : null, withContent ? c.getSubjectPerson() : null,
					"/api/clues/" + c.getId()))
			.toList();
		long open = all.stream().filter((c) -> c.getStatus().isOpen()).count();
		long overdue = all.stream().filter((c) -> c.getStatus().isOpen() && c.isOverdue()).count();
		return new SupervisionSummary.ClueFlow(all.size(), open, overdue, byChannel, byRoute, longest,
				"/api/clues?open=true&size=200");
	}

	private List<SupervisionSummary.CampaignProgress> progress() {
		List<SupervisionSummary.CampaignProgress> result = new ArrayList<>();
		for (Campaign campaign : this.campaigns.all()) {
			PhaseDeadlines deadlines = this.campaigns.findPlan(campaign.getId())
				.map(CampaignPlan::getDeadlines)
				.orElse(new PhaseDeadlines(null, null, null, null, null));
			List<SupervisionSummary.PhaseProgress> phases = new ArrayList<>();
			for (Phase phase : Phase.values()) {
				if (phase == Phase.COMPLETED) {
					continue;
				}
				String state = (campaign.getPhase().ordinal() > phase.ordinal()) ? "DONE"
						: (campaign.getPhase() == phase) ? "CURRENT" : "PENDING";
				phases.add(new SupervisionSummary.PhaseProgress(phase.name(), phase.label(),
						phaseDeadline(phase, deadlines), state));
			}
			List<LedgerEntry> entries = this.ledger.entries(campaign.getId());
			long closed = entries.stream().filter((e) -> e.getStatus() == LedgerEntry.Status.CLOSED).count();
			long open = entries.stream().filter((e) -> !e.isSettled()).count();
			long overdue = entries.stream().filter((e) -> !e.isSettled() && e.isOverdue()).count();
			long published = this.campaigns.regulations(campaign.getId())
				.stream()
				.filter((r) -> r.getStatus() == Regulation.Status.PUBLISHED)
				.count();
			result.add(new SupervisionSummary.CampaignProgress(campaign.getId(), campaign.getCode(),
					campaign.getTitle(), campaign.getStatus().name(), campaign.getPhase().name(),
					campaign.getPhase().label(), phases, this.campaigns.problems(campaign.getId()).size(),
					entries.size(), closed, open, overdue, published, "/api/campaigns/" + campaign.getId(),
					"/api/campaigns/" + campaign.getId() + "/ledger?size=200"));
		}
		return result;
	}

	/**
	 * The deadline that ends a phase in the plan (动员部署 has none of its own).
	 */
	static LocalDate phaseDeadline(Phase phase, PhaseDeadlines deadlines) {
		return switch (phase) {
			case INSPECT -> deadlines.review();
			case RECTIFY -> deadlines.rectification();
			case INSTITUTIONALIZE -> deadlines.regulation();
			default -> null;
		};
	}

	private List<SupervisionSummary.Week> trend(List<Clue> all, LocalDate today) {
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
			.map((t) -> t.atZoneSameInstant(zone())
				.toLocalDate()
				.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)))
			.collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
	}

	private int workingDaysBetween(OffsetDateTime from, OffsetDateTime to) {
		return this.calendar.workingDaysBetween(from.atZoneSameInstant(zone()).toLocalDate(),
				to.atZoneSameInstant(zone()).toLocalDate());
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

	private ZoneId zone() {
		return this.calendar.zone();
	}

	private OffsetDateTime now() {
		return ClockUtil.getCurrentTime().toInstant().atZone(zone()).toOffsetDateTime();
	}

	/**
	 * @return the kinds of the item sources, in dashboard order
	 */
	public java.util.List<String> kinds() {
		return this.sources.stream().map(ItemSource::kind).toList();
	}

	/**
	 * Counts of open and overdue items per kind, for the metrics.
	 * @return per kind: {open, overdue}
	 */
	@Transactional(readOnly = true)
	public Map<String, long[]> openAndOverdueByKind() {
		Map<String, long[]> result = new LinkedHashMap<>();
		for (ItemSource source : this.sources) {
			List<TrackedItem> items = source.items(null, false);
			result.put(source.kind(), new long[] { items.stream().filter(TrackedItem::open).count(),
					items.stream().filter((i) -> i.open() && i.overdue()).count() });
		}
		return result;
	}

}
