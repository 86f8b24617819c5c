package org.rectifyflow.recommendation;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.rectifyflow.organisation.OrganisationService;
import org.rectifyflow.organisation.Unit;
import org.rectifyflow.recommendation.internal.RecommendationLetterRepository;
import org.rectifyflow.recommendation.internal.RecommendationReply;
import org.rectifyflow.recommendation.internal.RecommendationReplyRepository;
import org.rectifyflow.recommendation.internal.RecommendationService;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register of recommendation letters: one letter, the list, the open ones, the
 * letters of a campaign and a letter's replies. It reads; the steps of the process
 * ({@link RecommendationService}) write.
 */
@Service
public class RecommendationLetters {

	private final RecommendationLetterRepository letters;

	private final RecommendationReplyRepository replies;

	private final OrganisationService organisation;

	RecommendationLetters(RecommendationLetterRepository letters, RecommendationReplyRepository replies,
			OrganisationService organisation) {
		this.letters = letters;
		this.replies = replies;
		this.organisation = organisation;
	}

	@Transactional(readOnly = true)
	public Optional<RecommendationLetter> find(Long id) {
		return (id != null) ? this.letters.findById(id) : Optional.empty();
	}

	@Transactional(readOnly = true)
	public Optional<RecommendationLetter> findByCode(String code) {
		return this.letters.findByCode(code);
	}

	/**
	 * @param campaignId a campaign
	 * @return the letters issued from its flags, oldest first
	 */
	@Transactional(readOnly = true)
	public List<RecommendationLetter> issuedForCampaign(Long campaignId) {
		return this.letters.findAllByOrderByIdDesc()
			.stream()
			.filter((l) -> campaignId.equals(l.getCampaignId()) && l.isIssued())
			.sorted(Comparator.comparing(RecommendationLetter::getId))
			.toList();
	}

	/**
	 * The letters not yet closed (accepted), oldest first.
	 * @return the open letters
	 */
	@Transactional(readOnly = true)
	public List<RecommendationLetter> open() {
		return this.letters.findByStatusNotOrderByIdAsc(RecommendationLetter.Status.ACCEPTED);
	}

	@Transactional(readOnly = true)
	public List<RecommendationLetter> all() {
		return this.letters.findAllByOrderByIdDesc();
	}

	@Transactional(readOnly = true)
	public List<RecommendationReply> replies(Long letterId) {
		return this.replies.findByLetterIdOrderBySeqAsc(letterId);
	}

	public String unitName(String code) {
		return this.organisation.findUnit(code).map(Unit::getName).orElse(code);
	}

}
