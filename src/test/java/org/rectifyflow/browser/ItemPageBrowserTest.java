package org.rectifyflow.browser;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.rectifyflow.campaign.Campaign;
import org.rectifyflow.campaign.CampaignService;
import org.rectifyflow.clue.Clue;
import org.rectifyflow.clue.ClueRegister;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A handler opens the link of a notification the application sent it and lands on the
 * printable Chinese page of the item, showing what the server stored; the other item
 * pages as their readers see them.
 */
@BrowserTest
class ItemPageBrowserTest {

	private static final Pattern CODE = Pattern.compile("「([^」]+)」");

	private final ObjectMapper json = new ObjectMapper();

	@Autowired
	private ClueRegister clues;

	@Autowired
	private CampaignService campaigns;

	@Autowired
	private org.camunda.bpm.engine.RuntimeService runtimeService;

	@Autowired
	private org.camunda.bpm.engine.TaskService taskService;

	@Autowired
	private org.rectifyflow.task.TaskCopies copies;

	@Test
	void shouldOpenTheItemPageFromANotificationLink(Web web) throws Exception {
		open(web, "u1", "/items/inspections");
		JsonNode notification = null;
		for (JsonNode n : get(web, "/api/notifications?size=100").path("content")) {
			if (n.path("link").asText().startsWith("/items/ledger/")) {
				notification = n;
				break;
			}
		}
		assertThat(notification).as("a notification of u1 that links a ledger entry").isNotNull();
		String link = notification.path("link").asText();
		Matcher code = CODE.matcher(notification.path("text").asText());
		assertThat(code.find()).isTrue();

		web.page().navigate(web.url(link));

		assertThat(web.page().locator("h2.title")).hasText("整改事项");
		assertThat(web.page().locator("#item-code")).hasText(code.group(1));
		JsonNode stored = get(web, "/api/ledger/" + link.substring("/items/ledger/".length())).path("entry");
		assertThat(stored.path("code").asText()).isEqualTo(code.group(1));
		assertThat(web.page().locator("#item-status")).hasText(stored.path("statusName").asText());
		assertThat(web.page().locator("#current-user")).hasText("孙晓明（办公室）");
		assertThat(web.page().locator("#audit-trail")).containsText("建立台账条目");
		assertThat(web.page().locator("#item-deadline"))
			.hasText(Pattern.compile("^(—|\\d{4}年\\d{1,2}月\\d{1,2}日 \\d{2}:\\d{2})$"));
		fullPage(web, "34-item-ledger-entry");

		web.problems().expect("GET", 403, "/items/ledger/\\d+");
		web.newSession();
		open(web, "u2", link);
		assertThat(web.page().locator("#refusal")).containsText("您无权查看该整改事项");
		fullPage(web, "35-item-refused");
	}

	@Test
	void shouldShowTheClueToTheDisciplineLeadWithTheRevealLog(Web web) {
		Clue clue = this.clues.all()
			.stream()
			.filter((c) -> c.getSubjectPerson() != null && c.getProcessInstanceId() != null)
			.findFirst()
			.orElseThrow();
		open(web, "disciplinelead", "/items/clues/" + clue.getId());
		assertThat(web.page().locator("#item-code")).hasText(clue.getNumber());
		assertThat(web.page().locator("#clue-description")).hasText(clue.getDescription());
		assertThat(web.page().locator("#reveal-log")).isVisible();
		fullPage(web, "36-item-clue");
	}

	@Test
	void shouldShowTheCampaignWithItsListsAndTheOtherItems(Web web) throws Exception {
		// the demo campaign, which has a ledger whatever other tests created
		Campaign campaign = this.campaigns.all()
			.stream()
			.filter((c) -> c.getTitle().equals("整治形式主义官僚主义专项行动（示例）"))
			.findFirst()
			.orElseThrow();
		open(web, "office", "/items/campaigns/" + campaign.getId());
		assertThat(web.page().locator("#item-code")).hasText(campaign.getCode());
		assertThat(web.page().locator("#item-status")).hasText(campaign.getPhase().label());
		fullPage(web, "37-item-campaign");

		web.page().locator("#lists a", new Page.LocatorOptions().setHasText("整改台账")).click();
		assertThat(web.page().locator("#entries tbody tr").first()).containsText(campaign.getCode());
		fullPage(web, "38-item-campaign-ledger");

		JsonNode letter = get(web, "/api/recommendations?size=1").path("content").get(0);
		web.page().navigate(web.url("/items/letters/" + letter.path("id").asText()));
		assertThat(web.page().locator("#item-code")).hasText(letter.path("code").asText());
		fullPage(web, "39-item-letter");

		web.newSession();
		open(web, "discipline", "/items/inspections");
		JsonNode inspection = get(web, "/api/inspections?size=200").path("content").get(0);
		web.page().navigate(web.url("/items/inspections/" + inspection.path("id").asText()));
		assertThat(web.page().locator("#item-code")).hasText(inspection.path("code").asText());
		fullPage(web, "40-item-inspection");
	}

	@Test
	void shouldShowAProcessWithoutAnItemOfItsOwnToTheCopyRecipient(Web web) {
		String processInstanceId = this.runtimeService
			.startProcessInstanceByKey("deadline-template", "XD-2026-009",
					java.util.Map.of("workGroup", "campaign-office"))
			.getProcessInstanceId();
		String taskId = this.taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult().getId();
		this.taskService.setAssignee(taskId, "office");
		this.copies.copy(taskId, "office", java.util.List.of("u2"), "请了解办理进度");

		open(web, "u2", "/items/process/" + processInstanceId);
		assertThat(web.page().locator("h2.title")).hasText("限期办理模板");
		assertThat(web.page().locator("#process-state")).hasText("办理中");
		assertThat(web.page().locator("#steps")).containsText("办理");
		assertThat(web.page().locator("#steps")).containsText("李文华");
		fullPage(web, "33-item-process");
	}

	/**
	 * Opens an item page as a user who is not logged in yet: the single login, then back
	 * to the page.
	 */
	private static void open(Web web, String user, String path) {
		web.page().navigate(web.url(path));
		LoginPage login = new LoginPage(web);
		login.username().fill(user);
		login.password().fill(Web.DEMO_PASSWORD);
		login.submit().click();
		// After the login Spring Security returns to the saved request with "?continue".
		web.page().waitForURL(Pattern.compile(Pattern.quote(path) + "(\\?continue)?$"));
		web.page().locator("header.bar").waitFor();
	}

	private JsonNode get(Web web, String path) throws Exception {
		APIResponse response = web.page().request().get(web.url(path));
		assertThat(response.status()).as(path).isEqualTo(200);
		return this.json.readTree(response.text());
	}

	private static void fullPage(Web web, String name) {
		web.page()
			.screenshot(new Page.ScreenshotOptions().setPath(Screenshots.DIRECTORY.resolve(name + ".png"))
				.setFullPage(true));
	}

}
