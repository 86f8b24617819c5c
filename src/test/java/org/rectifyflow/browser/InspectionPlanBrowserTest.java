package org.rectifyflow.browser;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Locator;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.rectifyflow.identity.Roles;
import org.rectifyflow.inspection.Inspection;
import org.rectifyflow.inspection.InspectionProcess;
import org.rectifyflow.inspection.InspectionRegister;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inspection plan through the real Tasklist: the planner ticks the target units by
 * name, enters the places as a list of two rows and picks the focus among the problem
 * categories by their Chinese names; nowhere a code to type. After 完成 the plan holds the
 * units, one row per place and the categories' codes.
 */
@BrowserTest
class InspectionPlanBrowserTest {

	private static final DateTimeFormatter CHINESE_DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	IdentityService identityService;

	@Autowired
	InspectionRegister inspections;

	@Test
	void shouldPlanWithUnitsTickedPlacesAsAListAndTheFocusChosenByName(Web web) {
		Inspection inspection = start();
		Task task = this.taskService.createTaskQuery()
			.processInstanceId(inspection.getProcessInstanceId())
			.taskDefinitionKey(InspectionProcess.TASK_PLAN)
			.singleResult();

		TasklistPage tasklist = web.login("discipline");
		tasklist.openFilter(TasklistPage.MY_TASKS);
		TaskPanel panel = tasklist.openTask(task.getId());
		CamundaForm form = panel.camundaForm();
		assertThat(form.root()).containsText("制定检查方案");
		assertThat(form.root()).not().containsText("单位代码");
		assertThat(form.root()).not().containsText("u1");
		form.choose("检查方式", "明察（通知被检查单位）");
		form.fill("检查名称", "窗口服务作风检查");
		form.choose("目标单位", "办公室");
		form.choose("目标单位", "综合执法大队");
		CamundaForm places = form.list("检查地点");
		assertThat(places.listItems()).hasCount(1);
		places.listItem(0).fill("地点", "XX镇政务服务大厅");
		places.addListItem();
		places.listItem(1).fill("地点", "XX嘎查村村委会");
		form.fill("检查组人数（不含组长）", "2");
		form.tag("检查重点（问题类别）", "抓落实", "抓落实抓细");
		web.page().keyboard().press("Tab");
		form.field("目标单位").scrollIntoViewIfNeeded();
		web.screenshot("27-inspection-plan");
		assertThat(panel.complete()).isEqualTo(204);

		Inspection planned = this.inspections.find(inspection.getId()).orElseThrow();
		assertThat(planned.getKind()).isEqualTo(Inspection.Kind.ANNOUNCED);
		assertThat(planned.targetUnitList()).containsExactly("u1", "u2");
		assertThat(planned.getPlaceList()).containsExactly("XX镇政务服务大厅", "XX嘎查村村委会");
		assertThat(planned.getFocusCategories()).containsExactly("IMPLEMENT");
		assertThat(planned.getFocus()).isEqualTo("抓落实抓细");
		assertThat(planned.getTeamSize()).isEqualTo(2);
		assertThat(this.runtimeService.getVariable(inspection.getProcessInstanceId(), InspectionProcess.VAR_PLACES))
			.isNull();
	}

	/**
	 * The date pickers read like a Chinese date whatever the browser's language (here
	 * English): the period saved earlier shows as 2026年12月7日, a date picked in the
	 * calendar and a date typed the Chinese way read the same, and the plan stores the
	 * dates chosen.
	 */
	@Test
	void shouldShowPickAndReadTheInspectionPeriodAsChineseDates(Web web) {
		Inspection inspection = start();
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		Task task = this.taskService.createTaskQuery()
			.processInstanceId(inspection.getProcessInstanceId())
			.taskDefinitionKey(InspectionProcess.TASK_PLAN)
			.singleResult();

		TasklistPage tasklist = web.login("discipline");
		tasklist.openFilter(TasklistPage.MY_TASKS);
		TaskPanel panel = tasklist.openTask(task.getId());
		CamundaForm form = panel.camundaForm();
		assertThat(form.input("检查开始日期")).hasValue(CHINESE_DAY.format(today.plusDays(3)));
		assertThat(form.input("检查结束日期（现场检查期限）")).hasValue(CHINESE_DAY.format(today.plusDays(10)));

		// a day of the month shown, picked in the calendar as a person does
		LocalDate end = today.plusDays(10);
		LocalDate picked = (end.plusDays(1).getMonth() == end.getMonth()) ? end.plusDays(1) : end.minusDays(1);
		form.input("检查结束日期（现场检查期限）").click();
		Locator day = form.field("检查结束日期（现场检查期限）")
			.locator(".flatpickr-day[aria-label='" + CHINESE_DAY.format(picked) + "']");
		assertThat(day).isVisible();
		web.page().waitForFunction("() => document.getAnimations().length === 0");
		web.screenshot("32-inspection-plan-date-picker");
		day.click();
		assertThat(form.input("检查结束日期（现场检查期限）")).hasValue(CHINESE_DAY.format(picked));

		// a day typed the Chinese way
		LocalDate start = today.plusDays(4);
		form.fill("检查开始日期", CHINESE_DAY.format(start));
		assertThat(form.input("检查开始日期")).hasValue(CHINESE_DAY.format(start));

		form.choose("检查方式", "明察（通知被检查单位）");
		form.fill("检查名称", "窗口服务作风检查");
		form.choose("目标单位", "办公室");
		form.list("检查地点").listItem(0).fill("地点", "XX镇政务服务大厅");
		form.fill("检查组人数（不含组长）", "2");
		form.tag("检查重点（问题类别）", "抓落实", "抓落实抓细");
		web.page().keyboard().press("Tab");
		assertThat(panel.complete()).isEqualTo(204);

		Inspection planned = this.inspections.find(inspection.getId()).orElseThrow();
		assertThat(planned.getPeriodStart()).isEqualTo(start);
		assertThat(planned.getPeriodEnd()).isEqualTo(picked);
	}

	/**
	 * Starts an inspection as {@code discipline}, as Tasklist's 「发起流程」 would; the period
	 * is entered beforehand, as a plan saved earlier would hold it.
	 */
	private Inspection start() {
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		this.identityService.setAuthentication("discipline", List.of(Roles.DISCIPLINE_GROUP));
		ProcessInstance pi;
		try {
			pi = this.runtimeService.startProcessInstanceByKey(InspectionProcess.KEY);
		}
		finally {
			this.identityService.clearAuthentication();
		}
		this.runtimeService.setVariables(pi.getId(), Map.of(InspectionProcess.VAR_PERIOD_START,
				today.plusDays(3).toString(), InspectionProcess.VAR_PERIOD_END, today.plusDays(10).toString()));
		return this.inspections.findByCode(pi.getBusinessKey()).orElseThrow();
	}

}
