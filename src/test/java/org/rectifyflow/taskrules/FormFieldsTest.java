package org.rectifyflow.taskrules;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FormFieldsTest {

	@Test
	void shouldCollectTheKeysOfNestedGroupsAndListsAndSeparateReadOnlyFields() {
		String schema = """
				{"id": "f", "components": [
				  {"type": "text", "text": "{{ledgerEntryId}}"},
				  {"type": "textarea", "key": "info", "readonly": true},
				  {"type": "radio", "key": "decision"},
				  {"type": "group", "components": [
				    {"type": "textfield", "key": "address.street"},
				    {"type": "group", "components": [{"type": "number", "key": "amount"}]}
				  ]},
				  {"type": "group", "path": "contact", "components": [{"type": "textfield", "key": "phone"}]},
				  {"type": "dynamiclist", "path": "items", "components": [{"type": "textfield", "key": "name"}]},
				  {"type": "textfield", "key": "shown", "disabled": true}
				]}
				""";

		FormFields fields = FormFields.parse(schema.getBytes(StandardCharsets.UTF_8));

		assertThat(fields.id()).isEqualTo("f");
		assertThat(fields.writable()).containsExactlyInAnyOrder("decision", "address", "amount", "contact", "items");
		assertThat(fields.readOnly()).containsExactlyInAnyOrder("info", "shown");
		assertThat(fields.shown()).containsExactly("ledgerEntryId");
		assertThat(fields.lists()).as("the variables that carry a structure")
			.containsExactlyInAnyOrder("address", "contact", "items");
	}

	@Test
	void shouldRefuseWhatIsNotAFormSchema() {
		assertThatThrownBy(() -> FormFields.parse("[1]".getBytes(StandardCharsets.UTF_8)))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> FormFields.parse("{".getBytes(StandardCharsets.UTF_8)))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void shouldGiveATaskItsFormFieldsAndTheInputsItsRulesName() throws Exception {
		FormFields work = FormFields.parse(Files.readAllBytes(Path.of("bpmn/forms/rectification-work.form")));
		UserTaskRules rules = new UserTaskRules(
				Map.of(TaskRules.REQUIRED, "rectifyAction", TaskRules.LABEL_PREFIX + "progressText", "整改进展",
						TaskRules.APPROVAL, "approved", TaskRules.FOUR_EYES_VARIABLE, "proposer"));

		TaskInputs inputs = TaskInputs.of(work, rules);

		assertThat(inputs.writable()).containsExactlyInAnyOrder("rectifyAction", "progressText", "evidenceNote",
				"carryOverReason", "approved", TaskRules.OPINION_VARIABLE, TaskRules.OPINION_PHRASE_VARIABLE);
		assertThat(inputs.foreign(java.util.List.of("progressText", "ledgerEntryId", "proposer")))
			.containsExactly("ledgerEntryId", "proposer");
	}

}
