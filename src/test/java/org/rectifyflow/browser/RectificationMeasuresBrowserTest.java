package org.rectifyflow.browser;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.rectifyflow.rectification.LedgerEntry;
import org.rectifyflow.rectification.LedgerService;
import org.rectifyflow.rectification.NewLedgerEntry;
import org.rectifyflow.rectification.RectificationProcess;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 指定责任人 and 制定整改措施 through the real Tasklist: the unit leader chooses the responsible
 * person by name and unit; the responsible person enters two measures as rows of the
 * list, each with its responsible person chosen by name and unit and the second with a
 * completion date typed the Chinese way; after 完成 the ledger holds the two rows.
 */
@BrowserTest
class RectificationMeasuresBrowserTest {

	private static final AtomicLong CAMPAIGNS = new AtomicLong(9300);

	private static final DateTimeFormatter CHINESE_DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

	@Autowired
	TaskService taskService;

	@Autowired
	LedgerService ledger;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void shouldStoreTwoMeasureRowsWithTheirResponsiblePersonsAndDates(Web web) {
		long campaign = CAMPAIGNS.incrementAndGet();
		LedgerEntry entry = this.ledger.open(new NewLedgerEntry(campaign, "MS-" + campaign, null, "u1", "C4", "类别C4",
				"会议材料层层加码", "SELF_INSPECTION", null));
		TasklistPage leader = web.login("u1lead");
		leader.openFilter(TasklistPage.MY_TASKS);
		TaskPanel assign = leader.openTask(task(entry, RectificationProcess.TASK_ASSIGN_RESPONSIBLE).getId());
		CamundaForm assignment = assign.camundaForm();
		assertThat(assignment.root()).not().containsText("用户名");
		assignment.select("责任人", "孙晓明（办公室）");
		assertThat(assign.complete()).isEqualTo(204);
		assertThat(this.ledger.find(entry.getId()).orElseThrow().getResponsiblePerson()).isEqualTo("u1");
		web.newSession();

		Task draft = task(entry, RectificationProcess.TASK_DRAFT_MEASURES);
		LocalDate due = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1);

		TasklistPage tasklist = web.login("u1");
		tasklist.openFilter(TasklistPage.MY_TASKS);
		TaskPanel panel = tasklist.openTask(draft.getId());
		CamundaForm form = panel.camundaForm();
		assertThat(form.root()).containsText("制定整改措施");
		CamundaForm measures = form.list("整改措施");
		assertThat(measures.listItems()).hasCount(1);
		measures.listItem(0).fill("措施内容", "精简会议材料，不再层层加码");
		measures.listItem(0).selectStartingWith("责任人", "孙晓明（办公室）");
		measures.addListItem();
		measures.listItem(1).fill("措施内容", "建立会议材料报审台账");
		measures.listItem(1).selectStartingWith("责任人", "周海涛（办公室）");
		measures.listItem(1).fill("完成时限（可选）", CHINESE_DAY.format(due));
		assertThat(measures.listItem(1).input("完成时限（可选）")).hasValue(CHINESE_DAY.format(due));
		form.fill("整改工作日数", "10");
		measures.root().scrollIntoViewIfNeeded();
		web.screenshot("41-rectification-measures");
		assertThat(panel.complete()).isEqualTo(204);

		List<Map<String, Object>> rows = this.jdbc.queryForList(
				"select row_no, measure, responsible, deadline from ledger_measure where ledger_entry_id = ? order by row_no",
				entry.getId());
		assertThat(rows).hasSize(2);
		assertThat(rows.get(0)).containsEntry("MEASURE", "精简会议材料，不再层层加码")
			.containsEntry("RESPONSIBLE", "u1")
			.containsEntry("DEADLINE", null);
		assertThat(rows.get(1)).containsEntry("MEASURE", "建立会议材料报审台账").containsEntry("RESPONSIBLE", "u1lead");
		assertThat(rows.get(1).get("DEADLINE").toString()).isEqualTo(due.toString());
	}

	private Task task(LedgerEntry entry, String taskKey) {
		return this.taskService.createTaskQuery()
			.processInstanceId(entry.getProcessInstanceId())
			.taskDefinitionKey(taskKey)
			.singleResult();
	}

}
