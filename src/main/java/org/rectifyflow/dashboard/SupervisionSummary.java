package org.rectifyflow.dashboard;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * The figures of the supervision dashboard ({@code GET /api/supervision/summary}). Every
 * figure carries the address of the list behind it. Clue content (description, person
 * concerned) is present only when {@link #contentVisible()}; the reporter never is.
 *
 * @param generatedAt when the figures were computed
 * @param today the day (in the calendar's zone) overdue days are counted to
 * @param contentVisible whether clue content is included (discipline group only)
 * @param campaign the campaign whose ledger is counted, {@code null} if there is none
 * @param sources the kinds of items counted
 * @param units open and overdue items and closure rate per unit
 * @param overdueItems every overdue item, longest overdue first
 * @param clues the clue flow
 * @param campaigns progress of every campaign per phase
 * @param trend items received and closed per week, oldest week first
 */
public record SupervisionSummary(OffsetDateTime generatedAt, LocalDate today, boolean contentVisible,
		CampaignRef campaign, List<Source> sources, List<UnitFigures> units, List<OverdueItem> overdueItems,
		ClueFlow clues, List<CampaignProgress> campaigns, List<Week> trend) {

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
	 * One unit: per kind, its open and overdue items; its ledger closure rate (closed ÷
	 * all entries of the campaign).
	 */
	public record UnitFigures(String unitCode, String unitName, Map<String, KindFigures> items, long ledgerTotal,
			long ledgerClosed, double closureRate, String ledgerLink) {
	}

	/** An overdue item: which unit is late on what, and by how many working days. */
	public record OverdueItem(String kind, String kindLabel, String ref, String unitCode, String unitName, String title,
			OffsetDateTime deadline, int workingDaysOverdue, String link) {
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
