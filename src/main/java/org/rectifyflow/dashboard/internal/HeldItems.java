package org.rectifyflow.dashboard.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.rectifyflow.calendar.WorkingDayCalendar;
import org.rectifyflow.campaign.Campaign;
import org.rectifyflow.identity.Roles;
import org.rectifyflow.organisation.OrganisationService;
import org.rectifyflow.organisation.Unit;

import org.springframework.stereotype.Component;

/**
 * Where the open work is held: the open items of every {@link ItemSource}, one row per
 * open user task of the item's process instance ({@link OpenTasks}) with the unit or
 * group and the person holding it, and how late it is in working days.
 */
@Component
class HeldItems {

	/** Groups that hold work as groups, in the order a person's place is chosen. */
	static final List<String> WORKING_GROUPS = List.of(Roles.DISCIPLINE_GROUP, Roles.DISCIPLINE_LEAD,
			Roles.CAMPAIGN_OFFICE, Roles.SUPERVISORS, Roles.PARTY_GROUP);

	/** The place of an open item without an open user task. */
	static final String NO_TASK = "none";

	private final List<ItemSource> sources;

	private final OrganisationService organisation;

	private final WorkingDayCalendar calendar;

	private final OpenTasks openTasks;

	private final SupervisionAccess access;

	HeldItems(List<ItemSource> sources, OrganisationService organisation, WorkingDayCalendar calendar,
			OpenTasks openTasks, SupervisionAccess access) {
		this.sources = sources.stream().sorted(Comparator.comparingInt(ItemSource::order)).toList();
		this.organisation = organisation;
		this.calendar = calendar;
		this.openTasks = openTasks;
		this.access = access;
	}

	/**
	 * @return the item sources, in dashboard order
	 */
	List<ItemSource> sources() {
		return this.sources;
	}

	/**
	 * Every open item as held: one row per open user task of its process instance (the
	 * unit or group and the person holding it), or one row where no task holds it.
	 */
	List<SupervisionSummary.HeldItem> held(Campaign campaign, boolean withContent, OffsetDateTime now,
			Map<String, String> unitNames) {
		LocalDate today = now.toLocalDate();
		Map<ItemSource, List<TrackedItem>> itemsBySource = new LinkedHashMap<>();
		for (ItemSource source : this.sources) {
			itemsBySource.put(source, source.openItems(campaign));
		}
		Map<String, TrackedItem> byRef = new HashMap<>();
		itemsBySource.forEach((source, items) -> {
			if (!SupervisionTaskSource.KIND.equals(source.kind())) {
				items.forEach((i) -> byRef.putIfAbsent(i.ref(), i));
			}
		});
		Map<String, List<OpenTasks.OpenTask>> tasks = this.openTasks.byProcessInstance(
				itemsBySource.values().stream().flatMap(List::stream).map(TrackedItem::processInstanceId).toList());
		Map<String, String> userUnits = new HashMap<>();
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
		Map<String, String> placeNames = new HashMap<>(unitNames);
		placeNames.put(NO_TASK, "（无在办任务）");
		placeNames.putAll(this.openTasks.groupNames(
				rows.stream().map(Row::place).filter((p) -> !placeNames.containsKey(p)).collect(Collectors.toSet())));
		Map<String, String> userNames = rows.stream()
			.filter((r) -> r.task() != null && r.task().assignee() != null)
			.map((r) -> r.task().assignee())
			.distinct()
			.collect(Collectors.toMap((id) -> id, this.organisation::personName));
		List<SupervisionSummary.HeldItem> result = new ArrayList<>();
		for (Row row : rows) {
			TrackedItem item = row.item().visibleTo(withContent);
			OpenTasks.OpenTask task = row.task();
			OffsetDateTime deadline = item.deadline();
			if (deadline == null && task != null && task.due() != null) {
				deadline = task.due().toInstant().atZone(this.calendar.zone()).toOffsetDateTime();
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
		Set<String> groups = this.access.groups(userId);
		return WORKING_GROUPS.stream().filter(groups::contains).findFirst().orElse("");
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
		return this.calendar.workingDaysBetween(deadline.atZoneSameInstant(this.calendar.zone()).toLocalDate(), today);
	}

}
