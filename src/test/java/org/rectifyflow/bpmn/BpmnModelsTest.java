package org.rectifyflow.bpmn;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every model in {@code bpmn/} is readable by tools that follow the BPMN 2.0 schema: each
 * flow node lists exactly the sequence flows that end and start at it, as Camunda Modeler
 * writes them and as bpmnlint requires. {@link BpmnFlowReferences} repairs a model that
 * fails here.
 */
class BpmnModelsTest {

	static Stream<Path> models() throws IOException {
		return Files.list(Path.of("bpmn")).filter((path) -> path.toString().endsWith(".bpmn")).sorted();
	}

	@ParameterizedTest
	@MethodSource("models")
	void shouldListEveryFlowOnBothOfItsNodes(Path file) {
		BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());

		assertThat(model.getModelElementsByType(FlowNode.class)).isNotEmpty();
		assertThat(BpmnFlowReferences.problems(model))
			.as("flow nodes of %s whose incoming/outgoing differ from their sequence flows; run %s", file,
					BpmnFlowReferences.class.getSimpleName())
			.isEmpty();
	}

	@ParameterizedTest
	@MethodSource("models")
	void shouldLeaveANormalizedModelUnchanged(Path file) throws IOException {
		String xml = Files.readString(file, StandardCharsets.UTF_8);

		assertThat(BpmnFlowReferences.normalize(xml)).isEqualTo(xml);
	}

	@Test
	void shouldAddMissingAndDropWrongReferencesInTheNodesOwnLayout() {
		String xml = """
				<?xml version="1.0" encoding="UTF-8"?>
				<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D" targetNamespace="t">
				  <bpmn:process id="p" isExecutable="true">
				    <bpmn:startEvent id="Start" />
				    <bpmn:userTask id="Task" name="a > b">
				      <bpmn:extensionElements>
				        <x/>
				      </bpmn:extensionElements>
				      <bpmn:outgoing>Flow_Unknown</bpmn:outgoing>
				    </bpmn:userTask>
				    <bpmn:endEvent id="End"></bpmn:endEvent>
				    <bpmn:sequenceFlow id="Flow_1" sourceRef="Start" targetRef="Task" />
				    <bpmn:sequenceFlow id="Flow_2" sourceRef="Task" targetRef="End" />
				  </bpmn:process>
				</bpmn:definitions>
				""".replace("<x/>", "");

		String normalized = BpmnFlowReferences.normalize(xml);

		String userTask = "      </bpmn:extensionElements>\n" + "      <bpmn:incoming>Flow_1</bpmn:incoming>\n"
				+ "      <bpmn:outgoing>Flow_2</bpmn:outgoing>\n" + "    </bpmn:userTask>";
		assertThat(normalized).contains(
				"<bpmn:startEvent id=\"Start\"><bpmn:outgoing>Flow_1</bpmn:outgoing></bpmn:startEvent>", userTask,
				"<bpmn:endEvent id=\"End\"><bpmn:incoming>Flow_2</bpmn:incoming></bpmn:endEvent>");
		assertThat(normalized).doesNotContain("Flow_Unknown");
		assertThat(BpmnFlowReferences.normalize(normalized)).isEqualTo(normalized);
		assertThat(List.of(normalized.split("\n"))).hasSize(xml.split("\n").length + 1);
	}

}
