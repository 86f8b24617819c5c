package org.rectifyflow.taskrules;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The variables a Camunda Form (form-js schema, a {@code .form} file) submits: the
 * {@code key} of every input component, including those inside groups and dynamic lists.
 * A container with a {@code path} submits its content as one variable named by the path's
 * first segment; so does a key with dots ({@code a.b} is part of variable {@code a}).
 * Components marked {@code readonly} or {@code disabled} only show a value. What a
 * writable field's {@code validate} block declares is kept as its
 * {@link FieldConstraint}, so that the server checks what the form checks. A dynamic
 * list, a group with a path, a checklist and a taglist submit a structured value (a
 * {@code Json} variable): such a variable is only the form's carrier ({@link #lists()}).
 *
 * @param id the form's id, what a BPMN's {@code camunda:formRef} names
 * @param writable the variables the form lets a user enter
 * @param readOnly the fields the form only shows
 * @param shown the variables its text templates show
 * @param constraints the declared constraints of writable fields, by variable name
 * @param lists the writable variables that carry a list or a group of values
 */
record FormFields(String id, Set<String> writable, Set<String> readOnly, Set<String> shown,
		Map<String, FieldConstraint> constraints, Set<String> lists) {

	/** A task without a form of its own: nothing to write through a form. */
	static final FormFields NONE = new FormFields(null, Set.of(), Set.of(), Set.of(), Map.of(), Set.of());

	private static final Set<String> LIST_TYPES = Set.of("dynamiclist", "group", "checklist", "taglist");

	private static final Pattern TEMPLATE_VARIABLE = Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]*)");

	private static final ObjectMapper JSON = new ObjectMapper();

	FormFields {
		writable = Set.copyOf(writable);
		readOnly = Set.copyOf(readOnly);
		shown = Set.copyOf(shown);
		constraints = Map.copyOf(constraints);
		lists = Set.copyOf(lists);
	}

	/**
	 * Reads a form schema.
	 * @param schema the bytes of a {@code .form} file
	 * @return its id and fields
	 * @throws IllegalArgumentException if the schema is not a form-js JSON document
	 */
	static FormFields parse(byte[] schema) {
		JsonNode root;
		try {
			root = JSON.readTree(schema);
		}
		catch (IOException ex) {
			throw new IllegalArgumentException("not a form schema: " + ex.getMessage(), ex);
		}
		if (root == null || !root.isObject()) {
			throw new IllegalArgumentException("not a form schema: no JSON object");
		}
		Set<String> writable = new LinkedHashSet<>();
		Set<String> readOnly = new LinkedHashSet<>();
		Set<String> shown = new LinkedHashSet<>();
		Map<String, FieldConstraint> constraints = new LinkedHashMap<>();
		Set<String> lists = new LinkedHashSet<>();
		collect(root.path("components"), writable, readOnly, shown, constraints, lists);
		readOnly.removeAll(writable);
		lists.retainAll(writable);
		return new FormFields(root.path("id").asText(null), writable, readOnly, shown, constraints, lists);
	}

	private static void collect(JsonNode components, Set<String> writable, Set<String> readOnly, Set<String> shown,
			Map<String, FieldConstraint> constraints, Set<String> lists) {
		for (JsonNode component : components) {
			Matcher template = TEMPLATE_VARIABLE.matcher(component.path("text").asText(""));
			while (template.find()) {
				shown.add(template.group(1));
			}
			boolean showsOnly = component.path("readonly").asBoolean(false)
					|| component.path("disabled").asBoolean(false);
			boolean list = LIST_TYPES.contains(component.path("type").asText(""));
			String path = component.path("path").asText("");
			if (!path.isBlank()) {
				(showsOnly ? readOnly : writable).add(variable(path));
				if (list) {
					lists.add(variable(path));
				}
				continue;
			}
			String key = component.path("key").asText("");
			if (!key.isBlank()) {
				(showsOnly ? readOnly : writable).add(variable(key));
				FieldConstraint constraint = showsOnly || key.contains(".") ? null : FieldConstraint.of(component);
				if (constraint != null) {
					constraints.put(key.trim(), constraint);
				}
				if (list || key.contains(".")) {
					lists.add(variable(key));
				}
			}
			if (component.has("components")) {
				collect(component.path("components"), writable, readOnly, shown, constraints, lists);
			}
		}
	}

	private static String variable(String keyOrPath) {
		String trimmed = keyOrPath.trim();
		int dot = trimmed.indexOf('.');
		return (dot > 0) ? trimmed.substring(0, dot) : trimmed;
	}

}
