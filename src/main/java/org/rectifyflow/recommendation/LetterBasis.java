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

}
