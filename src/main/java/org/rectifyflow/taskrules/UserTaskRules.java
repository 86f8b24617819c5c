package org.rectifyflow.taskrules;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

	/**
	 * The inputs the rules name: required, date and length-limited fields, labelled
	 * fields, and an approval's decision and opinion.
	 */
	Set<String> inputNames() {
		Set<String> names = new LinkedHashSet<>();
		names.addAll(names(property(TaskRules.REQUIRED)));
		names.addAll(names(property(TaskRules.NOT_PAST)));
		for (String name : this.properties.keySet()) {
			for (String prefix : List.of(TaskRules.MAX_LENGTH_PREFIX, TaskRules.LABEL_PREFIX)) {
				if (name.startsWith(prefix) && name.length() > prefix.length()) {
					names.add(name.substring(prefix.length()).trim());
				}
			}
		}
		if (approvalDecisionVariable() != null) {
			names.add(approvalDecisionVariable());
			names.add(TaskRules.OPINION_VARIABLE);
			names.add(TaskRules.OPINION_PHRASE_VARIABLE);
		}
		return names;
	}

	static List<String> names(String commaSeparated) {
		if (commaSeparated == null) {
			return List.of();
		}
		return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter((name) -> !name.isEmpty()).toList();
	}

}
