package org.rectifyflow.dashboard.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * The figures of the supervision dashboard ({@code GET /api/supervision/summary}). Every
 * figure carries the address of the list behind it. Items are counted where their work is
 * held: the unit or group of the open task and the person holding it. Confidential
 * content (clues, unannounced inspections) is present only when
 * {@link #contentVisible()}; the reporter never is.
 *
 * @param generatedAt when the figures were computed
 * @param today the day (in the calendar's zone) overdue days are counted to
 * @param contentVisible whether clue content is included (discipline group only)
 * @param campaign the campaign whose ledger is counted, {@code null} if there is none
 * @param sources the kinds of items counted
 * @param units open and overdue items per unit or group holding them, and the ledger
 * closure rate per unit
 * @param holders per person holding work (or per group for unclaimed tasks)
 * @param overdueItems every overdue holding, longest overdue first
 * @param clues the clue flow
 * @param campaigns progress of every campaign per phase
 * @param trend items received and closed per week, oldest week first
 */
public record SupervisionSummary(OffsetDateTime generatedAt, LocalDate today, boolean contentVisible,
		CampaignRef campaign, List<Source> sources, List<UnitFigures> units, List<HolderFigures> holders,
		List<HeldItem> overdueItems, ClueFlow clues, List<CampaignProgress> campaigns, List<Week> trend) {

	/** The campaign the ledger figures belong to. */
	public record CampaignRef(Long id, String code, String title, String phase, String phaseName) {
	}

	/** A kind of item. */
	public record Source(String kind, String label) {
	}

	/** Open and overdue items of one kind in one unit. */
	public record KindFigures(long open, long overdue, int maxWorkingDaysOverdue, String openLink, String overdueLink) {
	}

	/**
	 * One unit or group holding work: per kind, the open and overdue items it holds; for
	 * a unit, its ledger closure rate (closed ÷ all entries of the campaign).
	 */
	public record UnitFigures(String unitCode, String unitName, Map<String, KindFigures> items, long ledgerTotal,
			long ledgerClosed, double closureRate, String ledgerLink) {
	}

	/**
	 * An open item as one holder holds it: where ({@code placeCode}: unit or group) and
	 * who ({@code holder}; {@code null} with {@code unclaimed} when the task waits in
	 * {@code candidateGroup}), the task, the deadline and how many working days it is
	 * late. {@code unitCode}/{@code unitName} are the unit responsible or concerned;
	 * they, the title, the task name and the link are {@code null} for confidential items
	 * unless content is visible.
	 */
	public record HeldItem(String kind, String kindLabel, String ref, String unitCode, String unitName, String title,
			String placeCode, String placeName, String holder, String holderName, boolean unclaimed,
			String candidateGroup, String taskName, OffsetDateTime deadline, boolean overdue, int workingDaysOverdue,
			String link) {
	}

	/**
	 * One person holding work, or a group's unclaimed work ({@code holder} {@code null}):
	 * open and overdue items, the longest lateness, the items and the list behind them.
	 */
	public record HolderFigures(String placeCode, String placeName, String holder, String holderName, boolean unclaimed,
			String candidateGroup, long open, long overdue, int maxWorkingDaysOverdue, List<HeldItem> items,
			String link, String overdueLink) {
	}

	/** The items behind a figure ({@code GET /api/supervision/items}). */
	public record ItemList(long total, List<HeldItem> items) {
	}

	/** A count with the list behind it. */
	public record Count(String key, String label, long count, String link) {
	}

	/** Clues per route, with the median working days from receipt to closure. */
	public record RouteFigures(String route, String label, long total, long open, long closed,
			Double medianWorkingDaysToClose, String link) {
	}

	/**
	 * An open clue on the 久拖不决 list. {@code description} and {@code subjectPerson} are
	 * {@code null} unless the viewer may see clue content.
	 */
	public record OpenClue(String number, String unitCode, String unitName, String status, String statusText,
			String route, OffsetDateTime receivedAt, int workingDaysOpen, boolean overdue, String description,
			String subjectPerson, String link) {
	}

	/** The clue flow. */
	public record ClueFlow(long received, long open, long overdue, List<Count> byChannel, List<RouteFigures> byRoute,
			List<OpenClue> longestOpen, String link) {
	}

	/** One phase of a campaign. */
	public record PhaseProgress(String phase, String name, LocalDate deadline, String state) {
	}

	/** A campaign's progress. */
	public record CampaignProgress(Long id, String code, String title, String status, String phase, String phaseName,
			List<PhaseProgress> phases, long problems, long ledgerTotal, long ledgerClosed, long ledgerOpen,
			long ledgerOverdue, long regulationsPublished, String link, String ledgerLink) {
	}

	/** One week (Monday to Sunday). */
	public record Week(LocalDate weekStart, long cluesReceived, long cluesClosed, long ledgerOpened,
			long ledgerClosed) {
	}

}
