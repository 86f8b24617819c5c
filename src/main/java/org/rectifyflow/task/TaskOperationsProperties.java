package org.rectifyflow.task;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which processes each supervising group may urge and transfer tasks in ({@code *} =
 * all).
 *
 * @param scopes group id to process definition keys
 */
@ConfigurationProperties("rectify.taskops")
record TaskOperationsProperties(Map<String, List<String>> scopes) {

	static final String ALL = "*";

	TaskOperationsProperties {
		scopes = (scopes != null && !scopes.isEmpty()) ? scopes
				: Map.of("supervisors", List.of("campaign", "rectification", "recommendation", "deadline-template"),
						"discipline-lead", List.of(ALL));
	}

	boolean covers(List<String> groups, String processDefinitionKey) {
		return groups.stream()
			.map(this.scopes::get)
			.filter((keys) -> keys != null)
			.anyMatch((keys) -> keys.contains(ALL) || keys.contains(processDefinitionKey));
	}

}
