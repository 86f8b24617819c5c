package org.rectifyflow.dashboard.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.rectifyflow.calendar.WorkingDayCalendar;
import org.rectifyflow.campaign.Campaign;
import org.rectifyflow.campaign.CampaignService;
import org.rectifyflow.clue.Clue;
import org.rectifyflow.clue.ClueRegister;
import org.rectifyflow.kernel.Refusal;
import org.rectifyflow.organisation.OrganisationService;
import org.rectifyflow.rectification.LedgerEntry;
import org.rectifyflow.rectification.LedgerService;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The supervision figures: open and overdue items counted where their work is held
 * ({@link HeldItems}), per unit or group and per holder, and the items behind each
 * figure; with the clue flow ({@link ClueFlowFigures}), campaign progress
 * ({@link CampaignProgressFigures}) and the weekly trend ({@link WeeklyTrend}).
 */
@Service
public class SupervisionFigures {

	/** The {@code holder} of the items list that means "not claimed by anyone". */
	public static final String UNCLAIMED = "unclaimed";

	private final HeldItems heldItems;

	private final ClueFlowFigures clueFlow;

	private final CampaignProgressFigures progress;

	private final WeeklyTrend trend;

	private final CampaignService campaigns;

	private final LedgerService ledger;

	private final ClueRegister clues;

	private final OrganisationService organisation;

	private final WorkingDayCalendar calendar;

	SupervisionFigures(HeldItems heldItems, ClueFlowFigures clueFlow, CampaignProgressFigures progress,
			WeeklyTrend trend, CampaignService campaigns, LedgerService ledger, ClueRegister clues,
			OrganisationService organisation, WorkingDayCalendar calendar) {
		this.heldItems = heldItems;
		this.clueFlow = clueFlow;
		this.progress = progress;
		this.trend = trend;
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
		Map<String, String> unitNames = unitNames();
		List<SupervisionSummary.HeldItem> held = this.heldItems.held(campaign, withContent, now, unitNames);
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
				this.heldItems.sources()
					.stream()
					.map((s) -> new SupervisionSummary.Source(s.kind(), s.label()))
					.toList(),
				units, holders(held), overdue, this.clueFlow.clueFlow(allClues, unitNames, withContent, today),
				this.progress.progress(), this.trend.trend(allClues, today));
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
		return holders(this.heldItems.held(campaign, withContent, now(), unitNames()));
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
		this.heldItems.held(campaign, withContent, now(), unitNames())
			.stream()
			.filter((h) -> kind == null || kind.equals(h.kind()))
			.filter((h) -> place == null || place.equals(h.placeCode()))
			.filter((h) -> holder == null || (UNCLAIMED.equals(holder) ? h.unclaimed() : holder.equals(h.holder())))
			.filter((h) -> !overdueOnly || h.overdue())
			.sorted(Comparator.comparingInt(SupervisionSummary.HeldItem::workingDaysOverdue).reversed())
			.forEach((h) -> result.putIfAbsent(
					h.kind() + "|" + h.ref() + "|" + h.placeCode() + ((holder != null) ? "|" + h.holder() : ""), h));
		return new SupervisionSummary.ItemList(result.size(), List.copyOf(result.values()));
	}

	private Map<String, String> unitNames() {
		Map<String, String> unitNames = new LinkedHashMap<>();
		this.organisation.activeUnits().forEach((u) -> unitNames.put(u.getCode(), u.getName()));
		return unitNames;
	}

	private List<SupervisionSummary.HolderFigures> holders(List<SupervisionSummary.HeldItem> held) {
		Map<List<String>, List<SupervisionSummary.HeldItem>> byHolder = new LinkedHashMap<>();
		for (SupervisionSummary.HeldItem h : held) {
			if (h.holder() == null && !h.unclaimed()) {
				continue;
			}
			byHolder.computeIfAbsent(Arrays.asList(h.placeCode(), h.holder()), (k) -> new ArrayList<>()).add(h);
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
			for (ItemSource source : this.heldItems.sources()) {
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

	private OffsetDateTime now() {
		return ClockUtil.getCurrentTime().toInstant().atZone(this.calendar.zone()).toOffsetDateTime();
	}

	/**
	 * @return the kinds of the item sources, in dashboard order
	 */
	public List<String> kinds() {
		return this.heldItems.sources().stream().map(ItemSource::kind).toList();
	}

	/**
	 * Counts of open and overdue items per kind, for the metrics.
	 * @return per kind: {open, overdue}
	 */
	@Transactional(readOnly = true)
	public Map<String, long[]> openAndOverdueByKind() {
		Map<String, long[]> result = new LinkedHashMap<>();
		this.heldItems.sources().forEach((s) -> result.put(s.kind(), new long[2]));
		Map<String, Boolean> items = new LinkedHashMap<>();
		this.heldItems.held(null, false, now(), unitNames())
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
