package org.rectifyflow.recommendation;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * The issue of a letter (印发): its document number (纪建〔2026〕3号, numbered per kind and
 * year), the leader it is addressed to, and when the unit's reply is due. Columns
 * {@code doc_year}, {@code doc_seq}, {@code doc_number}, {@code recipient},
 * {@code reply_deadline}, {@code issued_at}; all empty until the letter is issued.
 */
@Embeddable
class LetterIssue {

	@Column(name = "doc_year")
	private Integer docYear;

	@Column(name = "doc_seq")
	private Integer docSeq;

	@Column(name = "doc_number")
	private String docNumber;

	private String recipient;

	@Column(name = "reply_deadline")
	private OffsetDateTime replyDeadline;

	@Column(name = "issued_at")
	private OffsetDateTime issuedAt;

	protected LetterIssue() {
	}

	/**
	 * @param kind the letter's kind, whose prefix the number carries
	 * @param year the year of the number
	 * @param seq the letter's number within its kind and year
	 * @param recipient the unit leader the letter is addressed to
	 * @param replyDeadline when the reply is due
	 * @param issuedAt when
	 */
	LetterIssue(RecommendationLetter.Kind kind, int year, int seq, String recipient, OffsetDateTime replyDeadline,
			OffsetDateTime issuedAt) {
		this.docYear = year;
		this.docSeq = seq;
		this.docNumber = kind.numberPrefix() + "〔" + year + "〕" + seq + "号";
		this.recipient = recipient;
		this.replyDeadline = replyDeadline;
		this.issuedAt = issuedAt;
	}

	String docNumber() {
		return this.docNumber;
	}

	String recipient() {
		return this.recipient;
	}

	OffsetDateTime replyDeadline() {
		return this.replyDeadline;
	}

	OffsetDateTime issuedAt() {
		return this.issuedAt;
	}

}
