package org.rectifyflow.calendar;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.rectifyflow.audit.AuditService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The working-day calendar kept in the running system: the years an administrator enters
 * when the State Council publishes them, in the database so that every node counts
 * deadlines alike. Configuration seeds the years the database does not have yet. Saving a
 * year shows, and on request moves, the open deadlines it changes.
 */
@Service
public class CalendarYears implements InitializingBean {

	static final String AUDIT_ITEM_TYPE = "calendar-year";

	static final String ACTION_SAVED = "CALENDAR_YEAR_SAVED";

	private static final Logger log = LoggerFactory.getLogger(CalendarYears.class);

	private final CalendarYearRepository years;

	private final WorkingDayCalendar calendar;

	private final CalendarProperties properties;

	private final AuditService audit;

	private final ObjectProvider<OpenDeadlines> openDeadlines;

	private final TransactionTemplate transactions;

	private final Clock clock = Clock.systemDefaultZone();

	private volatile Map<Integer, Integer> loadedVersions = Map.of();

	CalendarYears(CalendarYearRepository years, WorkingDayCalendar calendar, CalendarProperties properties,
			AuditService audit, ObjectProvider<OpenDeadlines> openDeadlines, PlatformTransactionManager transactions) {
		this.years = years;
		this.calendar = calendar;
		this.properties = properties;
		this.audit = audit;
		this.openDeadlines = openDeadlines;
		this.transactions = new TransactionTemplate(transactions);
	}

	@Override
	public void afterPropertiesSet() {
		seed();
		refresh();
	}

	/**
	 * Copies every configured year the database does not have yet; another node doing the
	 * same at the same time is harmless.
	 */
	void seed() {
		for (Integer year : this.properties.years().keySet()) {
			try {
				this.transactions.executeWithoutResult((status) -> {
					if (!this.years.existsById(year)) {
						this.years.saveAndFlush(
								new CalendarYear(this.calendar.yearDays(year), CalendarYear.Source.CONFIGURATION,
										AuditService.SYSTEM, OffsetDateTime.now(this.clock)));
					}
				});
			}
			catch (DataIntegrityViolationException ex) {
				log.debug("Calendar year {} was seeded by another node", year);
			}
		}
	}

	/**
	 * Reloads the kept years when another node changed one; cheap when nothing changed.
	 */
	@Scheduled(fixedDelayString = "${rectify.calendar.refresh-interval:PT1M}",
			initialDelayString = "${rectify.calendar.refresh-interval:PT1M}")
	public void refresh() {
		List<CalendarYear> all = this.transactions.execute((status) -> this.years.findAll());
		Map<Integer, Integer> versions = all.stream()
			.collect(Collectors.toMap(CalendarYear::getYear, CalendarYear::getVersion));
		if (!versions.equals(this.loadedVersions)) {
			this.calendar.keep(all.stream().map(CalendarYear::days).toList());
			this.loadedVersions = versions;
		}
	}

	/**
	 * A year as the calendar uses it.
	 * @param year the year
	 * @return its days and where they come from
	 */
	@Transactional(readOnly = true)
	public YearView year(int year) {
		YearDays days = this.calendar.yearDays(year);
		return this.years.findById(year)
			.map((kept) -> new YearView(year, days, false, kept.getSource().name(), kept.getUpdatedBy(),
					kept.getUpdatedAt()))
			.orElseGet(() -> new YearView(year, days, this.calendar.isProvisional(year),
					this.calendar.isProvisional(year) ? "PROVISIONAL" : "CONFIGURATION", null, null));
	}

	/**
	 * The open deadlines that a change of the year would move.
	 * @param year the year
	 * @param off its days off
	 * @param work its make-up working days
	 * @return the moves
	 */
	public List<OpenDeadlines.Move> preview(int year, Collection<LocalDate> off, Collection<LocalDate> work) {
		YearDays days = YearDays.of(year, off, work);
		return this.openDeadlines.getObject().moves(this.calendar, this.calendar.with(days));
	}

	/**
	 * Saves a year's days for every node, audited, and optionally moves the open
	 * deadlines it changes.
	 * @param year the year
	 * @param off its days off
	 * @param work its make-up working days
	 * @param moveDeadlines whether to move the open deadlines
	 * @param by the administrator
	 * @return the moves made (or that would be made when {@code moveDeadlines} is false)
	 */
	@Transactional
	public List<OpenDeadlines.Move> save(int year, Collection<LocalDate> off, Collection<LocalDate> work,
			boolean moveDeadlines, String by) {
		YearDays days = YearDays.of(year, off, work);
		YearDays before = this.calendar.yearDays(year);
		List<OpenDeadlines.Move> moves = this.openDeadlines.getObject().moves(this.calendar, this.calendar.with(days));
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		CalendarYear kept = this.years.findById(year).orElse(null);
		if (kept == null) {
			this.years.save(new CalendarYear(days, CalendarYear.Source.ADMINISTRATOR, by, now));
		}
		else {
			kept.update(days, CalendarYear.Source.ADMINISTRATOR, by, now);
		}
		this.years.flush();
		this.audit.recordAs(by, ACTION_SAVED, AUDIT_ITEM_TYPE, String.valueOf(year), summary(before), summary(days),
				moveDeadlines ? moves.size() + " open deadlines moved"
						: moves.size() + " open deadlines left as they were");
		if (moveDeadlines && !moves.isEmpty()) {
			this.openDeadlines.getObject().apply(moves);
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				refresh();
				log.info("Calendar year {} saved by {} ({} days off, {} make-up days)", year, by, days.off().size(),
						days.work().size());
			}
		});
		return moves;
	}

	private static String summary(YearDays days) {
		return "off=" + days.off().size() + " " + days.off() + "; work=" + days.work();
	}

	/**
	 * A year of the calendar as the API shows it.
	 *
	 * @param year the year
	 * @param days its days off and make-up working days
	 * @param provisional whether the days are only computed from the statutory rule
	 * @param source {@code CONFIGURATION}, {@code ADMINISTRATOR} or {@code PROVISIONAL}
	 * @param updatedBy who entered it, if kept in the database
	 * @param updatedAt when
	 */
	public record YearView(int year, YearDays days, boolean provisional, String source, String updatedBy,
			OffsetDateTime updatedAt) {

	}

}
