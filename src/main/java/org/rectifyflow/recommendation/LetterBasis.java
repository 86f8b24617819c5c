package org.rectifyflow.recommendation;

import java.util.List;

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

}
