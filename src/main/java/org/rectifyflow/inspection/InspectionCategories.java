package org.rectifyflow.inspection;

import java.util.Map;

/**
 * The problem categories an inspection may focus on and a finding may have: a port this
 * package owns and the campaign feature fills with the problem taxonomy the campaign
 * office keeps (the categories its campaigns copy), so that a finding handed over as a
 * campaign problem needs no re-coding.
 */
public interface InspectionCategories {

	/**
	 * @return the active categories' Chinese labels (an aspect, or 「aspect／kind」) by
	 * category code, in the taxonomy's order
	 */
	Map<String, String> labelsByCode();

}
