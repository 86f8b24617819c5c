package org.rectifyflow.inspection.internal;

import java.util.function.Function;

import org.rectifyflow.inspection.Finding;
import org.rectifyflow.inspection.InspectionProcess;
import org.rectifyflow.kernel.Choices;
import org.rectifyflow.taskrules.TaskRuleViolation;

/**
 * One finding as submitted by the field work form, parsed; every error is a
 * {@link TaskRuleViolation} with a Chinese message.
 */
record FindingInput(Finding.Method method, String place, String unitCode, Finding.Type type, String person,
		String category, String description) {

	static FindingInput of(Function<String, Object> variables) {
		Finding.Method method = parse(Finding.Method.class, variables.apply(InspectionProcess.VAR_FINDING_METHOD),
				"请选择检查方法：调阅资料、实地查看或走访调查", "findingMethod");
		String place = PlanInput
			.text(PlanInput.required(InspectionService.str(variables.apply(InspectionProcess.VAR_FINDING_PLACE)),
					"检查地点", "findingPlace"), 200, "检查地点", "findingPlace");
		String unit = PlanInput.required(InspectionService.str(variables.apply(InspectionProcess.VAR_FINDING_UNIT)),
				"所属单位", "findingUnit");
		Finding.Type type = parse(Finding.Type.class, variables.apply(InspectionProcess.VAR_FINDING_TYPE),
				"请选择问题性质：问题线索或单位问题", "findingType");
		String person = InspectionService.str(variables.apply(InspectionProcess.VAR_FINDING_PERSON));
		if (person != null) {
			person = PlanInput.text(person, 100, "涉及人员", "findingPerson");
		}
		String category = InspectionService.str(variables.apply(InspectionProcess.VAR_FINDING_CATEGORY));
		if (category != null) {
			category = PlanInput.text(category, 64, "问题类别", "findingCategory");
		}
		if (type == Finding.Type.PROBLEM && category == null) {
			throw new TaskRuleViolation("单位问题须填写「问题类别」", "findingCategory is required for a problem of the unit");
		}
		String description = PlanInput
			.text(PlanInput.required(InspectionService.str(variables.apply(InspectionProcess.VAR_FINDING_DESCRIPTION)),
					"问题描述", "findingDescription"), InspectionService.LONG_TEXT, "问题描述", "findingDescription");
		return new FindingInput(method, place, unit, type, person, category, description);
	}

	private static <E extends Enum<E>> E parse(Class<E> type, Object value, String zh, String name) {
		String text = InspectionService.str(value);
		return Choices.parse(type, text, MethodNames::any)
			.orElseThrow(() -> new TaskRuleViolation(zh, name + " is missing or invalid"));
	}

}
