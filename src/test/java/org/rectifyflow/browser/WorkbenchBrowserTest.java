package org.rectifyflow.browser;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import javax.imageio.ImageIO;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.rectifyflow.attachment.Attachment;
import org.rectifyflow.attachment.AttachmentService;
import org.rectifyflow.deadline.DeadlineTemplateProcess;
import org.rectifyflow.engine.SystemAuthority;
import org.rectifyflow.rectification.LedgerEntry;
import org.rectifyflow.rectification.LedgerService;
import org.rectifyflow.rectification.NewLedgerEntry;
import org.rectifyflow.rectification.RectificationProcess;
import org.rectifyflow.task.TaskCopies;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The handler's workbench inside Tasklist: the task operations with their dialogs, the
 * 退回意见 at the top of the returned task, attachments uploaded and previewed in the task,
 * and the 站内信 bell. Each step is checked on the page and in what the server stored.
 */
@BrowserTest
class WorkbenchBrowserTest {

	private static final AtomicLong CAMPAIGNS = new AtomicLong(9100);

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	SystemAuthority system;

	@Autowired
	LedgerService ledger;

	@Autowired
	AttachmentService attachments;

	@Autowired
	TaskCopies operations;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void shouldTransferTaskWithinTheUnit(Web web) {
		ProcessInstance instance = start("unit-u1");
		String taskId = currentTask(instance).getId();

		TasklistPage tasklist = web.login("u1");
		tasklist.openFilter(TasklistPage.GROUP_TASKS);
		TaskPanel task = tasklist.openTask(taskId);
		task.claim();
		Workbench workbench = new Workbench(tasklist.page());
		assertThat(workbench.deadline()).containsText("期限");
		assertThat(workbench.deadline()).hasText(java.util.regex.Pattern.compile("(剩余 \\d+ 个工作日|今天到期|已逾期).*"));
		assertThat(workbench.operation("转办")).isVisible();
		assertThat(workbench.operation("退回")).hasCount(0);
		// the process sets the dates and groups: no control to change them
		assertThat(tasklist.page().locator(".task-card .followup-date")).not().isVisible();
		assertThat(tasklist.page().getByText("添加组")).not().isVisible();
		assertThat(tasklist.page().getByText("设置跟进日期")).not().isVisible();

		workbench.operation("转办").click();
		assertThat(workbench.dialog()).containsText("转办给");
		// only the unit's other member is offered
		assertThat(workbench.dialog().locator("select[name=userId] option[value]:not([value=''])")).hasCount(1);
		// by name and unit, never by user id
		assertThat(workbench.dialog().locator("select[name=userId] option[value=u1lead]")).hasText("周海涛（办公室）");
		workbench.dialog().locator("select[name=userId]").selectOption("u1lead");
		workbench.dialog().locator("textarea[name=reason]").fill("本周出差，请负责人办理");
		web.screenshot("20-transfer-dialog");
		workbench.confirm("已转办给 周海涛");
		web.screenshot("21-transfer-done");
		workbench.closeDialog();

		assertThat(task.assignee()).containsText("周海涛");
		assertThat(this.taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isEqualTo("u1lead");
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_event where action = 'TASK_TRANSFERRED' and item_id = ? and details = ?",
				Long.class, taskId, "本周出差，请负责人办理"))
			.isOne();
	}

	@Test
	void shouldShowTheReturnReasonToTheHandler(Web web) {
		ProcessInstance instance = start("unit-u1");
		Task work = currentTask(instance);
		this.system.run(() -> {
			this.taskService.claim(work.getId(), "u1");
			this.taskService.complete(work.getId(), Map.of("result", "已自查，无问题"));
		});
		String reviewId = currentTask(instance).getId();

		TasklistPage office = web.login("office");
		office.openFilter(TasklistPage.GROUP_TASKS);
		office.openTask(reviewId);
		Workbench workbench = new Workbench(office.page());
		workbench.operation("退回").click();
		assertThat(workbench.dialog()).containsText("退回到「办理」");
		workbench.dialog().locator("textarea[name=opinion]").fill("自查不彻底，请补充会议记录");
		web.screenshot("22-return-dialog");
		workbench.confirm("已退回到「办理」");
		workbench.closeDialog();

		Task returned = currentTask(instance);
		assertThat(returned.getTaskDefinitionKey()).isEqualTo(DeadlineTemplateProcess.TASK_WORK);

		web.newSession();
		TasklistPage handler = web.login("u1");
		handler.openFilter(TasklistPage.GROUP_TASKS);
		handler.openTask(returned.getId());
		Workbench mine = new Workbench(handler.page());
		assertThat(mine.returnReason()).containsText("自查不彻底，请补充会议记录");
		assertThat(mine.returnReason()).containsText("李文华");
		// nothing covers anything: the reason, the task's name, the buttons, 添加意见
		assertThat(mine.taskName()).isVisible();
		assertThat(mine.addComment()).isVisible();
		Workbench.assertApart(mine.returnReason(), mine.taskName());
		Workbench.assertApart(mine.returnReason(), mine.header());
		for (int i = 0; i < mine.operations().count(); i++) {
			Workbench.assertApart(mine.operations().nth(i), mine.addComment());
			Workbench.assertApart(mine.operations().nth(i), mine.taskName());
		}
		Workbench.assertApart(mine.deadline(), mine.addComment());
		web.screenshot("23-return-reason");
		mine.openTab("审批意见");
		assertThat(mine.opinions()).hasCount(1);
		assertThat(mine.opinions().first()).containsText("退回");
		assertThat(mine.opinions().first()).containsText("整治办");
		assertThat(mine.opinions().first()).containsText("李文华");
		assertThat(mine.opinions().first()).not().containsText("office");
		assertThat(mine.opinions().first()).containsText("年");
		web.screenshot("24-opinions-tab");
		assertThat(this.jdbc.queryForObject(
				"select details from audit_event where action = 'TASK_RETURNED' and item_id = ?", String.class,
				reviewId))
			.isEqualTo("自查不彻底，请补充会议记录");
	}

	@Test
	void shouldUploadAndPreviewAnAttachmentInTheTask(Web web) throws Exception {
		long campaign = CAMPAIGNS.incrementAndGet();
		LedgerEntry entry = this.ledger.open(new NewLedgerEntry(campaign, "WB-" + campaign, null, "u1", "C4", "类别C4",
				"会议材料层层加码", "SELF_INSPECTION", null));
		String taskId = this.taskService.createTaskQuery()
			.processInstanceId(entry.getProcessInstanceId())
			.singleResult()
			.getId();
		byte[] png = png();

		TasklistPage tasklist = web.login("u1lead");
		tasklist.openFilter(TasklistPage.MY_TASKS);
		tasklist.openTask(taskId);
		Workbench workbench = new Workbench(tasklist.page());
		workbench.openTab("附件");
		assertThat(tasklist.page().locator(".rf-attachments")).containsText("尚无附件");
		assertThat(tasklist.page().locator(".rf-drop")).containsText("允许的类型");
		workbench.filePicker().setInputFiles(new FilePayload("整改前照片.png", "image/png", png));
		assertThat(workbench.attachments()).hasCount(1);
		assertThat(workbench.attachments().first()).containsText("整改前照片.png");
		assertThat(workbench.attachments().first().locator(".rf-uploader")).hasText("周海涛（办公室）");
		workbench.attachments().first().locator("a.rf-preview-link").click();
		assertThat(tasklist.page().locator(".rf-preview-image")).isVisible();
		tasklist.page()
			.waitForCondition(() -> (Boolean) tasklist.page()
				.evaluate("() => { const i = document.querySelector('.rf-preview-image'); "
						+ "return !!i && i.complete && i.naturalWidth === 120; }"));
		web.screenshot("25-attachment-preview");

		// a PDF is previewed as images of its pages: Tasklist's sandbox keeps the
		// browser's
		// PDF viewer out of its pages
		workbench.filePicker().setInputFiles(new FilePayload("整改报告.pdf", "application/pdf", pdf()));
		assertThat(workbench.attachments()).hasCount(2);
		Locator pdfRow = tasklist.page()
			.locator(".rf-attachments tr.rf-attachment", new Page.LocatorOptions().setHasText("整改报告.pdf"));
		assertThat(pdfRow.locator("a.rf-download")).isVisible();
		pdfRow.locator("a.rf-preview-link").click();
		assertThat(tasklist.page().locator(".rf-preview-page")).hasCount(1);
		tasklist.page()
			.waitForCondition(() -> (Boolean) tasklist.page()
				.evaluate("() => { const i = document.querySelector('.rf-preview-page'); "
						+ "return !!i && i.complete && i.naturalWidth > 100; }"));
		web.screenshot("29-attachment-pdf-preview");

		List<Attachment> stored = this.attachments.list(RectificationProcess.ITEM_TYPE, String.valueOf(entry.getId()))
			.stream()
			.filter((a) -> a.getFileName().endsWith(".png"))
			.toList();
		assertThat(stored).hasSize(1);
		assertThat(stored.get(0).getFileName()).isEqualTo("整改前照片.png");
		assertThat(stored.get(0).getUploadedBy()).isEqualTo("u1lead");
		assertThat(stored.get(0).getSha256()).isEqualTo(sha256(png));
	}

	@Test
	void shouldCountUpAfterACopyAndDownAfterReading(Web web) {
		ProcessInstance instance = start("campaign-office");
		String taskId = currentTask(instance).getId();

		TasklistPage tasklist = web.login("u2");
		Workbench workbench = new Workbench(tasklist.page());
		long before = unread("u2");
		assertThat(workbench.unreadCount()).hasText(String.valueOf(before));

		this.system.run(() -> this.operations.copy(taskId, "office", List.of("u2"), "请了解办理进度"));
		assertThat(unread("u2")).isEqualTo(before + 1);
		// polled: no reload
		assertThat(workbench.unreadCount()).hasText(String.valueOf(before + 1));
		workbench.bell().click();
		assertThat(workbench.inboxEntries().first()).containsText("抄送给您");
		assertThat(workbench.inboxEntries().first()).hasClass(java.util.regex.Pattern.compile("rf-unread"));
		web.screenshot("26-inbox");

		workbench.readAll().click();
		assertThat(workbench.unreadCount()).hasText("0");
		assertThat(workbench.inboxEntries().first()).not().hasClass(java.util.regex.Pattern.compile("rf-unread"));
		assertThat(unread("u2")).isZero();
	}

	@Test
	void shouldWithdrawACompletedTaskFromTheListOfTasksDone(Web web) {
		ProcessInstance instance = start("unit-u1");
		Task work = currentTask(instance);
		this.system.run(() -> {
			this.taskService.claim(work.getId(), "u1");
			this.taskService.complete(work.getId(), Map.of("result", "已自查，无问题"));
		});
		String reviewId = currentTask(instance).getId();

		TasklistPage tasklist = web.login("u1");
		Workbench workbench = new Workbench(tasklist.page());
		workbench.completedToggle().click();
		assertThat(workbench.completedTask(work.getId())).containsText("办理");
		web.screenshot("30-tasks-done");
		workbench.completedTask(work.getId()).locator("button.rf-withdraw").click();
		assertThat(workbench.dialog()).containsText("撤回后该任务回到您的任务列表");
		workbench.confirm("已撤回");
		workbench.closeDialog();

		Task reopened = currentTask(instance);
		assertThat(reopened.getTaskDefinitionKey()).isEqualTo(DeadlineTemplateProcess.TASK_WORK);
		assertThat(reopened.getAssignee()).isEqualTo("u1");
		assertThat(this.taskService.createTaskQuery().taskId(reviewId).count()).isZero();
		// the reopened task is open in Tasklist
		tasklist.page().waitForURL("**task=" + reopened.getId() + "**");
		assertThat(workbench.header()).isVisible();

		// once the next step has moved on, the list no longer offers it
		workbench.completedToggle().click();
		assertThat(workbench.completedTask(work.getId())).containsText("不能撤回");
		assertThat(workbench.completedTask(work.getId()).locator("button.rf-withdraw")).hasCount(0);
	}

	@Test
	void shouldHandADelegatedTaskBack(Web web) {
		ProcessInstance instance = start("unit-u1");
		String taskId = currentTask(instance).getId();
		this.system.run(() -> {
			this.taskService.claim(taskId, "u1");
			this.taskService.delegateTask(taskId, "u1lead");
		});

		TasklistPage tasklist = web.login("u1lead");
		tasklist.openFilter(TasklistPage.MY_TASKS);
		tasklist.openTask(taskId);
		Workbench workbench = new Workbench(tasklist.page());
		workbench.operation("交回").click();
		assertThat(workbench.dialog()).containsText("本任务由 孙晓明（办公室） 委派给您");
		workbench.dialog().locator("textarea[name=note]").fill("会议记录已补齐");
		web.screenshot("31-resolve-dialog");
		workbench.confirm("已交回给 孙晓明");
		workbench.closeDialog();

		Task resolved = this.taskService.createTaskQuery().taskId(taskId).singleResult();
		assertThat(resolved.getAssignee()).isEqualTo("u1");
		assertThat(resolved.getDelegationState()).isEqualTo(org.camunda.bpm.engine.task.DelegationState.RESOLVED);
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_event where action = 'TASK_RESOLVED' and item_id = ? and details = ?",
				Long.class, taskId, "会议记录已补齐"))
			.isOne();
	}

	private long unread(String user) {
		return this.jdbc.queryForObject("select count(*) from notification where recipient = ? and read_at is null",
				Long.class, user);
	}

	private ProcessInstance start(String workGroup) {
		return this.runtimeService.startProcessInstanceByKey(DeadlineTemplateProcess.KEY, "WB-" + UUID.randomUUID(),
				Map.of(DeadlineTemplateProcess.VAR_WORK_GROUP, workGroup));
	}

	private Task currentTask(ProcessInstance instance) {
		return this.taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
	}

	private static byte[] png() throws IOException {
		BufferedImage image = new BufferedImage(120, 80, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(new Color(0x33, 0x7a, 0xb7));
		g.fillRect(0, 0, 120, 80);
		g.setColor(Color.WHITE);
		g.fillRect(20, 20, 80, 40);
		g.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

	/** A one-page PDF saying "Rectification report". */
	private static byte[] pdf() {
		String[] objects = { "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
				"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
						+ " /Resources << /Font << /F1 5 0 R >> >> >>",
				"<< /Length 51 >>\nstream\nBT /F1 24 Tf 72 760 Td (Rectification report) Tj ET\nendstream",
				"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>" };
		StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
		List<Integer> offsets = new java.util.ArrayList<>();
		for (int i = 0; i < objects.length; i++) {
			offsets.add(pdf.length());
			pdf.append(i + 1).append(" 0 obj\n").append(objects[i]).append("\nendobj\n");
		}
		int xref = pdf.length();
		pdf.append("xref\n0 ").append(objects.length + 1).append("\n0000000000 65535 f \n");
		offsets.forEach((offset) -> pdf.append(String.format("%010d 00000 n \n", offset)));
		pdf.append("trailer\n<< /Size ")
			.append(objects.length + 1)
			.append(" /Root 1 0 R >>\nstartxref\n")
			.append(xref)
			.append("\n%%EOF\n");
		return pdf.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
	}

	private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
	}

}
