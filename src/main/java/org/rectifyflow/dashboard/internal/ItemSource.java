package org.rectifyflow.dashboard.internal;

import java.util.List;

import org.rectifyflow.campaign.Campaign;

/**
 * A kind of item with a deadline that the dashboard counts where its work is held. Every
 * bean of this type is one row of the table of sources: a new feature plugs in by adding
 * one.
 */
interface ItemSource {

	/**
	 * @return the kind, used as a key in the summary and as a metric tag
	 */
	String kind();

	/**
	 * @return the Chinese name of the kind
	 */
	String label();

	/**
	 * @return the position of the source on the dashboard
	 */
	int order();

	/**
	 * The open items of this kind, with content; {@link SupervisionFigures} removes
	 * confidential content for viewers who may only count.
	 * @param campaign the campaign the dashboard looks at, or {@code null} for all
	 * @return the items not yet settled
	 */
	List<TrackedItem> openItems(Campaign campaign);

}
