package org.rectifyflow.campaign.internal;

import org.rectifyflow.campaign.Problem;

/**
 * A problem to register in a campaign.
 *
 * @param unitCode the unit where the problem is (must be in the campaign's scope)
 * @param categoryCode a category of the campaign's taxonomy (code or Chinese name)
 * @param description what is wrong
 * @param evidence evidence note or attachment link, may be {@code null}
 * @param severity the severity
 * @param source where it was found
 * @param sourceRef reference in the source (clue code, inspection code), may be
 * {@code null}
 * @param inspectedByUnit the inspecting unit in 互查, else {@code null}
 */
public record NewProblem(String unitCode, String categoryCode, String description, String evidence,
		Problem.Severity severity, Problem.Source source, String sourceRef, String inspectedByUnit) {

}
