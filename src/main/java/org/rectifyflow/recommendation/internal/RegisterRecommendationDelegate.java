package org.rectifyflow.recommendation.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * {@code Task_Register}: stores the letter and sets the business key.
 */
@Component("registerRecommendation")
class RegisterRecommendationDelegate implements JavaDelegate {

	private final RecommendationService recommendations;

	RegisterRecommendationDelegate(RecommendationService recommendations) {
		this.recommendations = recommendations;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.recommendations.register(execution);
	}

}
