package org.rectifyflow.taskrules;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.impl.core.model.PropertyKey;

/**
 * What a user may write when working on one user task: the fields of its Camunda Form and
 * the inputs its task rules name. Derived once, when the process is deployed
 * ({@link TaskRulesParseListener}), and kept on the task's activity.
 * <p>
 * A {@link #readOnly() read-only} form field shows a value the system prepared (for
 * example the task-local {@code info}); Tasklist submits it back unchanged, so it may be
 * sent with its current value but never changed.
 *
 * @param writable the variables a user may set, by name
 * @param readOnly the form fields a user may only send back unchanged
 * @param shown the variables the form shows (never written by a user)
 * @param constraints what the form declares about its fields' values, by variable name
 * @param carriers the writable variables that carry a list (a dynamic list, checklist or
 * taglist): they live only while the task is open and never reach history
 */
record TaskInputs(Set<String> writable, Set<String> readOnly, Set<String> shown,
		Map<String, FieldConstraint> constraints, Set<String> carriers) {

	/** Where the parse listener keeps the inputs on the task's activity. */
	static final PropertyKey<TaskInputs> PROPERTY = new PropertyKey<>("rf:taskInputs");

	TaskInputs {
		writable = Set.copyOf(writable);
		readOnly = Set.copyOf(readOnly);
		shown = Set.copyOf(shown);
		constraints = Map.copyOf(constraints);
		carriers = Set.copyOf(carriers);
	}

	TaskInputs(Set<String> writable, Set<String> readOnly, Set<String> shown) {
		this(writable, readOnly, shown, Map.of(), Set.of());
	}

	/**
	 * The inputs of a task from its form's fields and its rules.
	 * @param form the task's form, may be {@link FormFields#NONE}
	 * @param rules the task's extension properties
	 * @return the inputs
	 */
	static TaskInputs of(FormFields form, UserTaskRules rules) {
		Set<String> writable = new LinkedHashSet<>(form.writable());
		writable.addAll(rules.inputNames());
		Set<String> readOnly = new LinkedHashSet<>(form.readOnly());
		readOnly.removeAll(writable);
		return new TaskInputs(writable, readOnly, form.shown(), form.constraints(), form.lists());
	}

	/**
	 * Why the values a user sends break what the form declares: the first violation, or
	 * {@code null}. On completion, a required field must have a value, sent now or
	 * already on the task.
	 * @param sent the values sent, by name
	 * @param current the task's current value of a variable
	 * @param completing whether the task is being completed
	 * @return the Chinese and English reasons, or {@code null}
	 */
	String[] violation(Map<String, Object> sent, java.util.function.Function<String, Object> current,
			boolean completing) {
		for (Map.Entry<String, FieldConstraint> entry : this.constraints.entrySet()) {
			String name = entry.getKey();
			if (!sent.containsKey(name) && !completing) {
				continue;
			}
			Object value = sent.containsKey(name) ? sent.get(name) : current.apply(name);
			String[] violation = entry.getValue().violation(value, completing);
			if (violation != null) {
				return violation;
			}
		}
		return null;
	}

	/**
	 * The names among {@code names} that a user may not write on this task.
	 * @param names variable names a request sets or removes
	 * @return the foreign names, in request order
	 */
	List<String> foreign(Collection<String> names) {
		return names.stream().filter((name) -> !this.writable.contains(name) && !this.readOnly.contains(name)).toList();
	}

}
