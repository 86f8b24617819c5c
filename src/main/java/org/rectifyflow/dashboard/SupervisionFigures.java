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
import org.rectifyflow.organisation.Unit;
import org.rectifyflow.identity.Roles;
import org.rectifyflow.rectification.LedgerEntry;
import org.rectifyflow.rectification.LedgerService;
import org.rectifyflow.kernel.Refusal;
import org.rectifyflow.pages.ItemLinks;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Computes the supervision figures: open and overdue items (from every
 * {@link ItemSource}) counted where their work is held, the unit or group and the person
 * of the open task of the item's process instance ({@link OpenTasks}); the clue flow,
 * campaign progress and the weekly trend.
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

	private final OpenTasks openTasks;

	private final SupervisionAccess access;

	SupervisionFigures(List<ItemSource> sources, CampaignService campaigns, LedgerService ledger, ClueRegister clues,
			OrganisationService organisation, WorkingDayCalendar calendar, OpenTasks openTasks,
			SupervisionAccess access) {
		this.sources = sources.stream().sorted(Comparator.comparingInt(ItemSource::order)).toList();
		this.campaigns = campaigns;
		this.ledger = ledger;
		this.clues = clues;
		this.organisation = organisation;
		this.calendar = calendar;
		this.openTasks = openTasks;
		this.access = access;
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
		Map<String, String> unitNames = unitNames();
		List<SupervisionSummary.HeldItem> held = held(campaign, withContent, now, unitNames);
		List<LedgerEntry> entries = (campaign != null) ? this.ledger.entries(campaign.getId()) : List.of();
		List<Clue> allClues = this.clues.all();

		List<SupervisionSummary.UnitFigures> units = unitFigures(campaign, unitNames, held, entries);
		List<SupervisionSummary.HeldItem> overdue = held.stream()
			.filter(SupervisionSummary.HeldItem::overdue)
			.sorted(Comparator.comparingInt(SupervisionSummary.HeldItem::workingDaysOverdue)
				.reversed()
				.thenComparing(SupervisionSummary.HeldItem::ref))
			.toList();
		return new SupervisionSummary(now, today, withContent, ref(campaign),
				this.sources.stream().map((s) -> new SupervisionSummary.Source(s.kind(), s.label())).toList(), units,
				holders(held), overdue, clueFlow(allClues, unitNames, withContent, today), progress(),
				trend(allClues, today));
	}

	/**
	 * The supervisor's view per person: who holds what, and how late.
	 * @param campaignId the campaign whose ledger is counted, as for
	 * {@link #summary(Long, boolean)}
	 * @param withContent whether confidential content may be included
	 * @return per holder (a person, or a group's unclaimed tasks), most overdue first
	 */
	@Transactional(readOnly = true)
	public List<SupervisionSummary.HolderFigures> holders(Long campaignId, boolean withContent) {
		Campaign campaign = campaign(campaignId).orElse(null);
		return holders(held(campaign, withContent, now(), unitNames()));
	}

	/**
	 * The open items behind a figure.
	 * @param campaignId the campaign whose ledger is counted
	 * @param kind only this kind, or {@code null}
	 * @param place only items held by this unit or group, or {@code null}
	 * @param holder only items held by this user, {@link #UNCLAIMED} for unclaimed tasks,
	 * or {@code null}; without it an item held several times in one place is listed once
	 * @param overdueOnly only overdue items
	 * @param withContent whether confidential content may be included
	 * @return the items, most overdue first
	 */
	@Transactional(readOnly = true)
	public SupervisionSummary.ItemList items(Long campaignId, String kind, String place, String holder,
			boolean overdueOnly, boolean withContent) {
		Campaign campaign = campaign(campaignId).orElse(null);
		Map<String, SupervisionSummary.HeldItem> result = new LinkedHashMap<>();
		held(campaign, withContent, now(), unitNames()).stream()
			.filter((h) -> kind == null || kind.equals(h.kind()))
			.filter((h) -> place == null || place.equals(h.placeCode()))
			.filter((h) -> holder == null || (UNCLAIMED.equals(holder) ? h.unclaimed() : holder.equals(h.holder())))
			.filter((h) -> !overdueOnly || h.overdue())
			.sorted(Comparator.comparingInt(SupervisionSummary.HeldItem::workingDaysOverdue).reversed())
			.forEach((h) -> result.putIfAbsent(
					h.kind() + "|" + h.ref() + "|" + h.placeCode() + ((holder != null) ? "|" + h.holder() : ""), h));
		return new SupervisionSummary.ItemList(result.size(), List.copyOf(result.values()));
	}

	/** The {@code holder} of the items list that means "not claimed by anyone". */
	public static final String UNCLAIMED = "unclaimed";

	/** Groups that hold work as groups, in the order a person's place is chosen. */
	static final List<String> WORKING_GROUPS = List.of(Roles.DISCIPLINE_GROUP, Roles.DISCIPLINE_LEAD,
			Roles.CAMPAIGN_OFFICE, Roles.SUPERVISORS, Roles.PARTY_GROUP);

	/** The place of an open item without an open user task. */
	static final String NO_TASK = "none";

	private Map<String, String> unitNames() {
		Map<String, String> unitNames = new LinkedHashMap<>();
		this.organisation.activeUnits().forEach((u) -> unitNames.put(u.getCode(), u.getName()));
		return unitNames;
	}

	/**
	 * Every open item as held: one row per open user task of its process instance (the
	 * unit or group and the person holding it), or one row where no task holds it.
	 */
	private List<SupervisionSummary.HeldItem> held(Campaign campaign, boolean withContent, OffsetDateTime now,
			Map<String, String> unitNames) {
		LocalDate today = now.toLocalDate();
		Map<ItemSource, List<TrackedItem>> itemsBySource = new LinkedHashMap<>();
		for (ItemSource source : this.sources) {
			itemsBySource.put(source, source.openItems(campaign));
		}
		Map<String, TrackedItem> byRef = new java.util.HashMap<>();
		itemsBySource.forEach((source, items) -> {
			if (!SupervisionTaskSource.KIND.equals(source.kind())) {
				items.forEach((i) -> byRef.putIfAbsent(i.ref(), i));
			}
		});
		Map<String, List<OpenTasks.OpenTask>> tasks = this.openTasks.byProcessInstance(
				itemsBySource.values().stream().flatMap(List::stream).map(TrackedItem::processInstanceId).toList());
		Map<String, String> userUnits = new java.util.HashMap<>();
		record Row(ItemSource source, TrackedItem item, OpenTasks.OpenTask task, String place) {
		}
		List<Row> rows = new ArrayList<>();
		itemsBySource.forEach((source, items) -> {
			for (TrackedItem raw : items) {
				TrackedItem item = raw;
				if (SupervisionTaskSource.KIND.equals(source.kind()) && byRef.containsKey(raw.ref())) {
					TrackedItem supervised = byRef.get(raw.ref());
					item = new TrackedItem(raw.kind(), raw.ref(), supervised.unitCode(), true, raw.deadline(),
							raw.title(), supervised.link(), raw.processInstanceId(), supervised.confidential());
				}
				List<OpenTasks.OpenTask> open = tasks.getOrDefault(item.processInstanceId(), List.of());
				if (open.isEmpty()) {
					rows.add(new Row(source, item, null,
							(item.confidential() || item.unitCode() == null) ? NO_TASK : item.unitCode()));
				}
				for (OpenTasks.OpenTask task : open) {
					rows.add(new Row(source, item, task, place(task, item, userUnits, unitNames)));
				}
			}
		});
		Map<String, String> placeNames = new java.util.HashMap<>(unitNames);
		placeNames.put(NO_TASK, "（无在办任务）");
		placeNames.putAll(this.openTasks.groupNames(
				rows.stream().map(Row::place).filter((p) -> !placeNames.containsKey(p)).collect(Collectors.toSet())));
		Map<String, String> userNames = this.openTasks.userNames(rows.stream()
			.filter((r) -> r.task() != null && r.task().assignee() != null)
			.map((r) -> r.task().assignee())
			.collect(Collectors.toSet()));
		List<SupervisionSummary.HeldItem> result = new ArrayList<>();
		for (Row row : rows) {
			TrackedItem item = row.item().visibleTo(withContent);
			OpenTasks.OpenTask task = row.task();
			OffsetDateTime deadline = item.deadline();
			if (deadline == null && task != null && task.due() != null) {
				deadline = task.due().toInstant().atZone(zone()).toOffsetDateTime();
			}
			boolean overdue = deadline != null && deadline.isBefore(now);
			String assignee = (task != null) ? task.assignee() : null;
			String group = (task != null && !task.candidateGroups().isEmpty()) ? task.candidateGroups().get(0) : null;
			String unitName = (item.unitCode() != null) ? unitNames.getOrDefault(item.unitCode(), item.unitCode())
					: null;
			String taskName = (task == null || (item.confidential() && !withContent)) ? null : task.name();
			result.add(new SupervisionSummary.HeldItem(item.kind(), row.source().label(), item.ref(), item.unitCode(),
					unitName, item.title(), row.place(), placeNames.getOrDefault(row.place(), row.place()), assignee,
					(assignee != null) ? userNames.getOrDefault(assignee, assignee) : null,
					task != null && assignee == null, group, taskName, deadline, overdue,
					overdue ? workingDaysOverdue(deadline, today) : 0, item.link()));
		}
		return result;
	}

	/**
	 * Where a task's work is held: the unit of a unit group among its candidate groups,
	 * else its first candidate group, else the assignee's unit, else the item's unit.
	 * Only active units count as units: {@code unit-leaders} is a role, not a unit's
	 * group.
	 */
	private String place(OpenTasks.OpenTask task, TrackedItem item, Map<String, String> userUnits,
			Map<String, String> unitNames) {
		for (String group : task.candidateGroups()) {
			if (group.startsWith(Unit.GROUP_PREFIX)
					&& unitNames.containsKey(group.substring(Unit.GROUP_PREFIX.length()))) {
				return group.substring(Unit.GROUP_PREFIX.length());
			}
		}
		if (!task.candidateGroups().isEmpty()) {
			return task.candidateGroups().get(0);
		}
		if (task.assignee() != null) {
			String unit = userUnits.computeIfAbsent(task.assignee(),
					(u) -> this.organisation.unitsOf(u)
						.stream()
						.filter(unitNames::containsKey)
						.findFirst()
						.orElseGet(() -> workingGroup(u)));
			if (!unit.isEmpty()) {
				return unit;
			}
		}
		return (item.confidential() || item.unitCode() == null) ? NO_TASK : item.unitCode();
	}

	/**
	 * The group a person without a unit works in (a discipline group member on an
	 * inspection team): the first supervising group the person belongs to.
	 */
	private String workingGroup(String userId) {
		List<String> groups = this.access.groups(userId);
		return WORKING_GROUPS.stream().filter(groups::contains).findFirst().orElse("");
	}

	private List<SupervisionSummary.HolderFigures> holders(List<SupervisionSummary.HeldItem> held) {
		Map<List<String>, List<SupervisionSummary.HeldItem>> byHolder = new LinkedHashMap<>();
		for (SupervisionSummary.HeldItem h : held) {
			if (h.holder() == null && !h.unclaimed()) {
				continue;
			}
			byHolder.computeIfAbsent(java.util.Arrays.asList(h.placeCode(), h.holder()), (k) -> new ArrayList<>())
				.add(h);
		}
		List<SupervisionSummary.HolderFigures> result = new ArrayList<>();
		byHolder.forEach((key, items) -> {
			SupervisionSummary.HeldItem first = items.get(0);
			List<SupervisionSummary.HeldItem> sorted = items.stream()
				.sorted(Comparator.comparingInt(SupervisionSummary.HeldItem::workingDaysOverdue).reversed())
				.toList();
			String link = "/api/supervision/items?place=" + first.placeCode() + "&holder="
					+ ((first.holder() != null) ? first.holder() : UNCLAIMED);
			result.add(new SupervisionSummary.HolderFigures(first.placeCode(), first.placeName(), first.holder(),
					first.holderName(), first.unclaimed(), first.unclaimed() ? first.candidateGroup() : null,
					items.size(), items.stream().filter(SupervisionSummary.HeldItem::overdue).count(),
					items.stream().mapToInt(SupervisionSummary.HeldItem::workingDaysOverdue).max().orElse(0), sorted,
					link, link + "&overdue=true"));
		});
		result.sort(Comparator.comparingLong(SupervisionSummary.HolderFigures::overdue)
			.thenComparingInt(SupervisionSummary.HolderFigures::maxWorkingDaysOverdue)
			.reversed()
			.thenComparing(SupervisionSummary.HolderFigures::placeCode)
			.thenComparing((h) -> String.valueOf(h.holder())));
		return result;
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
			List<SupervisionSummary.HeldItem> held, List<LedgerEntry> entries) {
		Map<String, String> names = new TreeMap<>(unitNames);
		held.forEach((h) -> names.putIfAbsent(h.placeCode(), h.placeName()));
		List<SupervisionSummary.UnitFigures> result = new ArrayList<>();
		for (Map.Entry<String, String> place : names.entrySet()) {
			String code = place.getKey();
			Map<String, SupervisionSummary.KindFigures> figures = new LinkedHashMap<>();
			for (ItemSource source : this.sources) {
				Map<String, Integer> open = new LinkedHashMap<>();
				held.stream()
					.filter((h) -> code.equals(h.placeCode()) && source.kind().equals(h.kind()))
					.forEach((h) -> open.merge(h.ref(), h.overdue() ? h.workingDaysOverdue() : -1, Math::max));
				long overdue = open.values().stream().filter((d) -> d >= 0).count();
				int max = open.values().stream().mapToInt((d) -> d).max().orElse(0);
				String link = "/api/supervision/items?place=" + code + "&kind=" + source.kind();
				figures.put(source.kind(), new SupervisionSummary.KindFigures(open.size(), overdue, Math.max(0, max),
						link, link + "&overdue=true"));
			}
			long total = entries.stream().filter((e) -> code.equals(e.getUnitCode())).count();
			long closed = entries.stream()
				.filter((e) -> code.equals(e.getUnitCode()) && e.getStatus() == LedgerEntry.Status.CLOSED)
				.count();
			result.add(new SupervisionSummary.UnitFigures(code, place.getValue(), figures, total, closed,
					(total == 0) ? 0.0 : (double) closed / total, (campaign != null && total > 0)
							? "/api/campaigns/" + campaign.getId() + "/ledger?unit=" + code + "&size=200" : null));
		}
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
					ItemLinks.clue(c.getId())))
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
					entries.size(), closed, open, overdue, published, ItemLinks.campaign(campaign.getId()),
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
		this.sources.forEach((s) -> result.put(s.kind(), new long[2]));
		Map<String, Boolean> items = new LinkedHashMap<>();
		held(null, false, now(), unitNames())
			.forEach((h) -> items.merge(h.kind() + "|" + h.ref(), h.overdue(), Boolean::logicalOr));
		items.forEach((key, overdue) -> {
			long[] counts = result.get(key.substring(0, key.indexOf('|')));
			counts[0]++;
			if (overdue) {
				counts[1]++;
			}
		});
		return result;
	}

}
