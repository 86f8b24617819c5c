package org.rectifyflow.recommendation;

import java.util.List;
import java.util.Map;

/**
 * The documents a campaign rests on, as 《title》（文号）, cited by its letters and its work
 * report: a port this package owns and the campaign feature fills.
 */
public interface LetterBasis {

	/**
	 * @param campaignId a campaign
	 * @return its basis documents, each as 《title》 or 《title》（文号）; empty if none
	 */
	List<String> documents(Long campaignId);

	/**
	 * The measures a unit's ledger entries of a campaign already hold, so that a letter's
	 * reply starts from them rather than repeating them.
	 * @param campaignId a campaign
	 * @param unitCode the unit
	 * @return one line per entry with measures: the problem and its measures
	 */
	List<String> measures(Long campaignId, String unitCode);

	/**
	 * The problems a letter may rest on, as the draft form offers them: the campaign's
	 * problems that stand (registered, confirmed or in the ledger), or, for a letter of
	 * no campaign, those of the running campaigns; each labelled in words, without codes.
	 * @param campaignId the letter's campaign, may be {@code null}
	 * @return labels by problem id, e.g. 「办公室自查发现的问题：会议多、文件多」
	 */
	Map<String, String> problems(Long campaignId);

}
