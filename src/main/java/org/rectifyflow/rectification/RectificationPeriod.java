package org.rectifyflow.rectification;

import java.time.Instant;
import java.util.Optional;

/**
 * Tells the rectification process when a campaign's rectification phase (问题整改) ends, so
 * that a drafted deadline can be checked against it. Implemented by the campaign feature;
 * without an implementation, deadlines are checked only against the present.
 */
public interface RectificationPeriod {

	/**
	 * @param campaignId the campaign id
	 * @return the latest allowed deadline for rectifications of the campaign, if it has
	 * one
	 */
	Optional<Instant> rectificationEnd(Long campaignId);

}
