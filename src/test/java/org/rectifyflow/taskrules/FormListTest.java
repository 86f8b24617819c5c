package org.rectifyflow.taskrules;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FormListTest {

	private static final Set<String> SEVERITIES = Set.of("MINOR", "SERIOUS");

	@Test
	void shouldReadRowsFromJsonTextAndFromJavaLists() {
		String json = """
				[{"severity": "MINOR", "description": " 会议多 ", "evidence": ""},
				 {"severity": "SERIOUS", "description": "材料多"}]
				""";
		List<FormList.Row> fromText = FormList.rows(json, "问题清单");
		List<FormList.Row> fromList = FormList
			.rows(List.of(Map.of("severity", "MINOR", "description", "会议多"), Map.of("severity", "SERIOUS")), "问题清单");

		assertThat(fromText).hasSize(2);
		assertThat(fromText.get(0).text("description", "问题描述", 100)).isEqualTo("会议多");
		assertThat(fromText.get(0).optionalText("evidence", "证据", 100)).isNull();
		assertThat(fromText.get(1).choice("severity", "严重程度", SEVERITIES)).isEqualTo("SERIOUS");
		assertThat(fromList.get(0).number()).isEqualTo(1);
		assertThat(fromList.get(1).optionalText("description", "问题描述", 100)).isNull();
		assertThat(FormList.rows(null, "问题清单")).isEmpty();
		assertThat(FormList.isList("[]")).isTrue();
		assertThat(FormList.isList("STYLE｜一般｜描述")).isFalse();
	}

	@Test
	void shouldNameTheRowAndTheFieldOfEveryRefusal() {
		List<FormList.Row> rows = FormList.rows("[{\"description\": \"会议多\"}, {\"severity\": \"URGENT\"}]", "问题清单");

		assertThatThrownBy(() -> rows.get(0).choice("severity", "严重程度", SEVERITIES))
			.isInstanceOf(TaskRuleViolation.class)
			.hasMessageContaining("第1行「严重程度」必须选择");
		assertThatThrownBy(() -> rows.get(1).choice("severity", "严重程度", SEVERITIES))
			.hasMessageContaining("第2行「严重程度」的选择无效");
		assertThatThrownBy(() -> rows.get(1).text("description", "问题描述", 100)).hasMessageContaining("第2行「问题描述」为必填项");
		assertThatThrownBy(() -> rows.get(0).text("description", "问题描述", 2)).hasMessageContaining("第1行「问题描述」不能超过2个字");
		assertThatThrownBy(() -> FormList.rows("{\"a\": 1}", "问题清单")).hasMessageContaining("「问题清单」不是有效的列表");
		assertThatThrownBy(() -> FormList.rows("[1]", "问题清单")).hasMessageContaining("「问题清单」第1行格式不正确");
	}

	@Test
	void shouldReadTheChoicesOfAChecklist() {
		assertThat(FormList.choices("[\"u1\", \"u2\", \"u1\"]", "整治范围", Set.of("u1", "u2", "u3"))).containsExactly("u1",
				"u2");
		assertThatThrownBy(() -> FormList.choices(List.of("u9"), "整治范围", Set.of("u1")))
			.hasMessageContaining("「整治范围」的选项无效：u9");
	}

	@Test
	void shouldGiveOptionsAsTheFormExpectsThem() {
		assertThat(FormList.options(Map.of("MINOR", "一般")).getValueSerialized())
			.isEqualTo("[{\"label\":\"一般\",\"value\":\"MINOR\"}]");
	}

}
