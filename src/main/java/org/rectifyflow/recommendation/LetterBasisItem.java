package org.rectifyflow.recommendation;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * One item of a letter's basis: a campaign problem chosen in the draft form, with the
 * Chinese label the form showed for it (the letter prints the label, never a code).
 *
 * @param problemId the campaign problem, {@code null} for a basis an integration sent as
 * text
 * @param label what the letter says about it
 */
@Embeddable
public record LetterBasisItem(@Column(name = "problem_id") Long problemId,
		@Column(name = "label", nullable = false) String label) {

}
