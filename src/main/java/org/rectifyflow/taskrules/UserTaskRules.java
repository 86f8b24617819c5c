package org.rectifyflow.taskrules;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The extension properties of one user task, read when its process is deployed.
 */
record UserTaskRules(Map<String, String> properties) {

	UserTaskRules {
		properties = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(properties));
	}

	String property(String name) {
		return this.properties.get(name);
	}

	/** Task keys whose completers may not work on this task. */
	List<String> fourEyesTasks() {
		return names(property(TaskRules.FOUR_EYES));
	}

	/** Variable holding the proposer's user id, or {@code null}. */
	String fourEyesVariable() {
		String name = property(TaskRules.FOUR_EYES_VARIABLE);
		return (name == null || name.isBlank()) ? null : name.trim();
	}

	boolean hasFourEyes() {
		return !fourEyesTasks().isEmpty() || fourEyesVariable() != null;
	}

	/** The decision variable of an approval task, or {@code null}. */
	String approvalDecisionVariable() {
		String name = property(TaskRules.APPROVAL);
		return (name == null || name.isBlank()) ? null : name.trim();
	}

	static List<String> names(String commaSeparated) {
		if (commaSeparated == null) {
			return List.of();
		}
		return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter((name) -> !name.isEmpty()).toList();
	}

}
