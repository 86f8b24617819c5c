package org.rectifyflow.campaign;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The study session (集中学习) that opens a campaign: when, who, which materials.
 */
@Entity
@Table(name = "study_session")
public class StudySession {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "campaign_id", nullable = false)
	private Long campaignId;

	@Column(name = "held_on", nullable = false)
	private LocalDate heldOn;

	@Column(nullable = false)
	private String attendees;

	@Column(nullable = false)
	private String materials;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "study_session_attendee", joinColumns = @JoinColumn(name = "study_session_id"))
	@OrderColumn(name = "row_no")
	private List<Attendee> attendeeList = new ArrayList<>();

	@Column(name = "recorded_by", nullable = false)
	private String recordedBy;

	@Column(name = "recorded_at", nullable = false)
	private OffsetDateTime recordedAt;

	protected StudySession() {
	}

	StudySession(Long campaignId, LocalDate heldOn, List<Attendee> attendeeList, String attendees, String materials,
			String recordedBy, OffsetDateTime recordedAt) {
		this.attendeeList.addAll(attendeeList);
		this.campaignId = campaignId;
		this.heldOn = heldOn;
		this.attendees = attendees;
		this.materials = materials;
		this.recordedBy = recordedBy;
		this.recordedAt = recordedAt;
	}

	public Long getId() {
		return this.id;
	}

	public Long getCampaignId() {
		return this.campaignId;
	}

	public LocalDate getHeldOn() {
		return this.heldOn;
	}

	public String getAttendees() {
		return this.attendees;
	}

	public String getMaterials() {
		return this.materials;
	}

	/**
	 * @return the attendees one by one (none for a session recorded as text only)
	 */
	public List<Attendee> getAttendeeList() {
		return List.copyOf(this.attendeeList);
	}

	/**
	 * One attendee: a person of the organisation ({@code userId} set, {@code name} their
	 * label on the day, 「孙晓明（办公室）」) or someone from outside (no {@code userId}, name and
	 * unit as entered).
	 */
	@Embeddable
	public static class Attendee {

		@Column(name = "user_id")
		private String userId;

		@Column(nullable = false)
		private String name;

		@Column(name = "unit_name")
		private String unitName;

		protected Attendee() {
		}

		public Attendee(String userId, String name, String unitName) {
			this.userId = userId;
			this.name = name;
			this.unitName = unitName;
		}

		public String getUserId() {
			return this.userId;
		}

		public String getName() {
			return this.name;
		}

		public String getUnitName() {
			return this.unitName;
		}

		/**
		 * @return 「孙晓明（办公室）」, or the name alone
		 */
		public String label() {
			return (this.unitName != null) ? this.name + "（" + this.unitName + "）" : this.name;
		}

	}

}
