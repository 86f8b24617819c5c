package org.rectifyflow.browser;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import com.microsoft.playwright.options.FilePayload;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A member of the public reports anonymously on {@code /report} with a PDF, keeps the
 * receipt code shown once, and reads the status with it later; a wrong code, whatever it
 * looks like, gives the same "not found" page. What the reporter types is shown as text,
 * never run.
 */
@BrowserTest
class PublicReportBrowserTest {

	static final Pattern RECEIPT_CODE = Pattern.compile("^[2-9A-HJKMNP-Z]{4}(-[2-9A-HJKMNP-Z]{4}){3}$");

	static final String SCRIPT = "<script>alert('xss')</script>";

	static final String DESCRIPTION = "综合执法大队每月要求各中队报送同一份台账三次，" + SCRIPT + "格式各不相同。";

	@Autowired
	RuntimeService runtimeService;

	@Test
	void shouldFileAnAnonymousClueAndReadItsStatusWithTheReceiptCode(Web web) {
		List<String> dialogs = new CopyOnWriteArrayList<>();
		web.page().onDialog((dialog) -> {
			dialogs.add(dialog.message());
			dialog.dismiss();
		});
		ReportPage report = ReportPage.open(web);
		assertThat(report.page().locator("html")).hasAttribute("lang", "zh-CN");
		assertThat(report.page().locator("body")).containsText("可以实名，也可以匿名");

		// A file that only claims to be a PDF is refused; the form keeps the text, as
		// text
		web.problems().expect("POST", 400, "/report");
		report.fillAnonymous("u2", "MEETINGS_DOCUMENTS", DESCRIPTION,
				new FilePayload("证据.pdf", "application/pdf", "not a pdf".getBytes()));
		report.submit();
		assertThat(report.error()).isVisible();
		assertThat(report.error()).containsText("文件内容与扩展名");
		assertThat(report.receipt()).hasCount(0);
		assertThat(report.description()).hasValue(DESCRIPTION);
		assertThat(report.page().locator("script")).hasCount(0);

		// With a real PDF: filed, the receipt code is shown once
		report.fillAnonymous("u2", "MEETINGS_DOCUMENTS", DESCRIPTION, ReportPage.pdf("证据.pdf")).submit();
		assertThat(report.receipt()).containsText("举报已受理");
		assertThat(report.receipt()).containsText("只显示这一次");
		assertThat(report.clueNumber()).hasText(Pattern.compile("^XS-\\d{4}-\\d{6}$"));
		assertThat(report.receiptCode()).hasText(RECEIPT_CODE);
		String clueNumber = report.clueNumber().textContent().trim();
		String code = report.receiptCode().textContent().trim();
		web.screenshot("11-report-receipt");
		assertThat(this.runtimeService.createProcessInstanceQuery()
			.processDefinitionKey("clue")
			.processInstanceBusinessKey(clueNumber)
			.count()).isOne();

		// Later, in another browser: the status with the code
		web.newSession();
		web.page().onDialog((dialog) -> {
			dialogs.add(dialog.message());
			dialog.dismiss();
		});
		report = ReportPage.open(web).lookUp(code);
		assertThat(report.status()).containsText("线索编号：" + clueNumber);
		assertThat(report.status()).containsText("办理状态：已收到，待受理登记");
		assertThat(report.lookupError()).hasCount(0);
		assertThat(report.page().locator("body")).not().containsText("综合执法大队每月");
		web.screenshot("report-status");

		// Wrong codes: one letter changed, unknown, garbage: the same page every time
		web.problems().expect("POST", 404, "/report/lookup");
		String changed = code.substring(0, code.length() - 1) + (code.endsWith("A") ? "B" : "A");
		report.lookUp(changed);
		assertThat(report.lookupError()).hasText("查询码无效，未找到对应的线索");
		assertThat(report.status()).hasCount(0);
		String notFound = report.shape();
		report.lookUp("ABCD-EFGH-JKMN-PQRS");
		assertThat(report.shape()).isEqualTo(notFound);
		report.lookUp("<b>x</b>' or 1=1 --");
		assertThat(report.shape()).isEqualTo(notFound);
		assertThat(report.page().locator("body")).not().containsText(clueNumber);
		assertThat(dialogs).isEmpty();
	}

}
