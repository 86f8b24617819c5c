package org.rectifyflow.taskrules;

import org.rectifyflow.kernel.Dates;

import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The rules a BPMN can declare without Java: {@value TaskRules#REQUIRED},
 * {@value TaskRules#NOT_PAST} and {@code rf:maxLength:<variable>}. Messages name the
 * field by its {@code rf:label:<variable>} property, else by the variable name.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class PropertyRulesValidator implements TaskCompletionValidator {

	@Override
	public boolean supports(String processDefinitionKey, String taskDefinitionKey) {
		return true;
	}

	@Override
	public void validate(TaskCompletion completion) {
		for (String name : UserTaskRules.names(completion.property(TaskRules.REQUIRED))) {
			if (completion.isBlank(name)) {
				throw new TaskRuleViolation("「" + label(completion, name) + "」为必填项", name + " is required");
			}
		}
		for (String name : UserTaskRules.names(completion.property(TaskRules.NOT_PAST))) {
			Object value = completion.variable(name);
			if (value == null || (value instanceof String text && text.isBlank())) {
				continue;
			}
			boolean past;
			try {
				past = Dates.isPast(value);
			}
			catch (IllegalArgumentException ex) {
				throw new TaskRuleViolation("「" + label(completion, name) + "」不是有效的日期", name + " is not a date");
			}
			if (past) {
				throw new TaskRuleViolation("「" + label(completion, name) + "」不能早于当前日期",
						name + " may not lie in the past");
			}
		}
		for (Map.Entry<String, String> property : completion.getProperties().entrySet()) {
			if (property.getKey().startsWith(TaskRules.MAX_LENGTH_PREFIX)) {
				String name = property.getKey().substring(TaskRules.MAX_LENGTH_PREFIX.length());
				int max = Integer.parseInt(property.getValue().trim());
				String value = completion.string(name);
				if (value != null && value.codePointCount(0, value.length()) > max) {
					throw new TaskRuleViolation("「" + label(completion, name) + "」不能超过" + max + "个字",
							name + " may not be longer than " + max + " characters");
				}
			}
		}
	}

	private static String label(TaskCompletion completion, String name) {
		String label = completion.property(TaskRules.LABEL_PREFIX + name);
		return (label != null && !label.isBlank()) ? label.trim() : name;
	}

}
