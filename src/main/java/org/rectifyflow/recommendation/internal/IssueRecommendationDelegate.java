package org.rectifyflow.recommendation.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * {@code Task_Issue}: issues the letter; sets recipient, document number and reply
 * deadline.
 */
@Component("issueRecommendation")
class IssueRecommendationDelegate implements JavaDelegate {

	private final RecommendationService recommendations;

	IssueRecommendationDelegate(RecommendationService recommendations) {
		this.recommendations = recommendations;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.recommendations.issue(execution);
	}

}
