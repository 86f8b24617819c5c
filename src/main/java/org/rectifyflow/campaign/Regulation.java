package org.rectifyflow.campaign;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import org.rectifyflow.kernel.Refusal;

/**
 * A regulation (制度) drafted in 建章立制 for systemic problems, linked to the problems it
 * addresses; reviewed by the party group, then published.
 */
@Entity
@Table(name = "regulation")
public class Regulation {

	/** Lifecycle. */
	public enum Status {

		SUBMITTED, RETURNED, PUBLISHED

	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "campaign_id", nullable = false)
	private Long campaignId;

	@Column(nullable = false)
	private String title;

	@Column(nullable = false)
	private String body;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Status status;

	@Column(nullable = false)
	private int revision;

	@Column(name = "drafted_by", nullable = false)
	private String draftedBy;

	@Column(name = "drafted_at", nullable = false)
	private OffsetDateTime draftedAt;

	@Column(name = "last_opinion")
	private String lastOpinion;

	@Column(name = "published_at")
	private OffsetDateTime publishedAt;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "regulation_problem", joinColumns = @JoinColumn(name = "regulation_id"))
	@Column(name = "problem_id")
	private Set<Long> problemIds = new LinkedHashSet<>();

	protected Regulation() {
	}

	public Regulation(Long campaignId, String title, String body, Collection<Long> problemIds, String draftedBy,
			OffsetDateTime draftedAt) {
		this.campaignId = campaignId;
		this.status = Status.SUBMITTED;
		this.revision = 1;
		apply(title, body, problemIds, draftedBy, draftedAt);
	}

	/**
	 * Resubmits a returned draft.
	 * @param title the title
	 * @param body the text
	 * @param problemIds the problems addressed
	 * @param by who drafted
	 * @param at when
	 */
	public void revise(String title, String body, Collection<Long> problemIds, String by, OffsetDateTime at) {
		if (this.status != Status.RETURNED) {
			throw Refusal.conflict("制度「" + this.title + "」不在退回修改状态", "regulation " + this.id + " is " + this.status);
		}
		apply(title, body, problemIds, by, at);
		this.status = Status.SUBMITTED;
		this.revision++;
	}

	/**
	 * Returns the draft to the campaign office.
	 * @param opinion the party group's opinion
	 */
	public void returnWith(String opinion) {
		requireSubmitted();
		this.status = Status.RETURNED;
		this.lastOpinion = opinion;
	}

	/**
	 * Approves and publishes the regulation.
	 * @param opinion the party group's opinion
	 * @param at when
	 */
	public void publish(String opinion, OffsetDateTime at) {
		requireSubmitted();
		this.status = Status.PUBLISHED;
		this.lastOpinion = opinion;
		this.publishedAt = at;
	}

	private void requireSubmitted() {
		if (this.status != Status.SUBMITTED) {
			throw Refusal.conflict("制度「" + this.title + "」不在待审定状态", "regulation " + this.id + " is " + this.status);
		}
	}

	private void apply(String title, String body, Collection<Long> problemIds, String by, OffsetDateTime at) {
		this.title = title;
		this.body = body;
		this.problemIds.clear();
		this.problemIds.addAll(problemIds);
		this.draftedBy = by;
		this.draftedAt = at;
	}

	public Long getId() {
		return this.id;
	}

	public Long getCampaignId() {
		return this.campaignId;
	}

	public String getTitle() {
		return this.title;
	}

	public String getBody() {
		return this.body;
	}

	public Status getStatus() {
		return this.status;
	}

	public String getLastOpinion() {
		return this.lastOpinion;
	}

	public List<Long> getProblemIds() {
		return List.copyOf(this.problemIds);
	}

	public OffsetDateTime getPublishedAt() {
		return this.publishedAt;
	}

}
