package org.rectifyflow.testsupport;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

/**
 * Helpers for processes that tests build with Camunda's fluent model API.
 */
public final class TestModels {

	private TestModels() {
	}

	/**
	 * Adds {@code camunda:properties} to a user task of a model built in a test.
	 * @param model the model
	 * @param taskId the user task id
	 * @param values property names and values, in order
	 */
	public static void userTaskProperties(BpmnModelInstance model, String taskId, Map<String, String> values) {
		UserTask task = model.getModelElementById(taskId);
		task.builder().addExtensionElement(properties(model, values));
	}

	/**
	 * Adds {@code camunda:properties} to the process of a model built in a test.
	 * @param model the model
	 * @param values property names and values, in order
	 */
	public static void processProperties(BpmnModelInstance model, Map<String, String> values) {
		Process process = model.getModelElementsByType(Process.class).iterator().next();
		process.builder().addExtensionElement(properties(model, values));
	}

	private static CamundaProperties properties(BpmnModelInstance model, Map<String, String> values) {
		CamundaProperties container = model.newInstance(CamundaProperties.class);
		new LinkedHashMap<>(values).forEach((name, value) -> {
			CamundaProperty property = model.newInstance(CamundaProperty.class);
			property.setCamundaName(name);
			property.setCamundaValue(value);
			container.getCamundaProperties().add(property);
		});
		return container;
	}

}
