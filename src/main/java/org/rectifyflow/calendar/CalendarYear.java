package org.rectifyflow.calendar;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * One year of the working-day calendar as kept in the database, shared by every node.
 */
@Entity
@Table(name = "calendar_year")
class CalendarYear {

	/** Where a year's days came from. */
	enum Source {

		/** Copied from {@code rectify.calendar.years} at start-up. */
		CONFIGURATION,

		/** Entered by an administrator. */
		ADMINISTRATOR

	}

	@Id
	@Column(name = "calendar_year")
	private Integer year;

	@Column(name = "days_off", nullable = false)
	private String daysOff;

	@Column(name = "make_up_days", nullable = false)
	private String makeUpDays;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Source source;

	@Column(name = "updated_by", nullable = false)
	private String updatedBy;

	@Column(name = "updated_at", nullable = false)
	private OffsetDateTime updatedAt;

	@Version
	private int version;

	protected CalendarYear() {
	}

	CalendarYear(YearDays days, Source source, String by, OffsetDateTime at) {
		this.year = days.year();
		update(days, source, by, at);
	}

	/**
	 * Replaces the year's days.
	 * @param days the new days (already validated)
	 * @param source where they come from
	 * @param by who changed them
	 * @param at when
	 */
	void update(YearDays days, Source source, String by, OffsetDateTime at) {
		this.daysOff = joined(days.off());
		this.makeUpDays = joined(days.work());
		this.source = source;
		this.updatedBy = by;
		this.updatedAt = at;
	}

	YearDays days() {
		return new YearDays(this.year, parsed(this.daysOff), parsed(this.makeUpDays));
	}

	Integer getYear() {
		return this.year;
	}

	Source getSource() {
		return this.source;
	}

	String getUpdatedBy() {
		return this.updatedBy;
	}

	OffsetDateTime getUpdatedAt() {
		return this.updatedAt;
	}

	int getVersion() {
		return this.version;
	}

	private static String joined(Collection<LocalDate> days) {
		return days.stream().map(LocalDate::toString).collect(Collectors.joining(","));
	}

	private static java.util.SortedSet<LocalDate> parsed(String text) {
		return Arrays.stream(text.split(","))
			.filter((s) -> !s.isBlank())
			.map(LocalDate::parse)
			.collect(Collectors.toCollection(java.util.TreeSet::new));
	}

}
