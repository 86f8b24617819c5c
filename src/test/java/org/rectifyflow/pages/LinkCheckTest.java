package org.rectifyflow.pages;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every link the application hands a person opens a page: the links in the forms
 * ({@code bpmn/forms/*.form}), in the notifications (站内信), in the mails and on the
 * dashboard answer an HTML page (an item page, Tasklist) or download a document (Word,
 * Excel); none answers JSON. Each link is opened as the person who gets it, on the demo
 * data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LinkCheckTest {

	static final Pattern FORM_LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

	static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\w+)}}");

	static final Pattern MAIL_LINK = Pattern.compile("https?://[^\\s<>\"')）]+");

	static final Pattern HREF = Pattern.compile("href=\"([^\"#][^\"]*)\"");

	static final Set<String> DOCUMENTS = Set.of(".docx", ".xlsx", ".pdf");

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private RuntimeService runtimeService;

	@Autowired
	private TaskService taskService;

	@Value("${rectify.public-url}")
	private String publicUrl;

	@Test
	void shouldOpenAPageOrADocumentForEveryLinkInAForm() throws IOException {
		Map<String, String> ledger = this.jdbc.queryForObject(
				"select id, unit_code from ledger_entry order by id limit 1",
				(rs, row) -> Map.of("id", rs.getString(1), "unit", rs.getString(2)));
		Map<String, String> ids = Map.of("campaignId", first("select min(id) from campaign"), "clueId",
				first("select min(id) from clue"), "inspectionId", first("select min(id) from inspection"), "letterId",
				first("select min(id) from recommendation_letter"), "ledgerEntryId", ledger.get("id"));
		List<String> checked = new ArrayList<>();
		try (Stream<Path> forms = Files.list(Path.of("bpmn/forms"))) {
			for (Path form : forms.filter((f) -> f.toString().endsWith(".form")).sorted().toList()) {
				Matcher link = FORM_LINK.matcher(Files.readString(form, StandardCharsets.UTF_8));
				while (link.find()) {
					String target = fill(link.group(1), ids, form);
					String reader = target.startsWith("/items/ledger/") ? ledger.get("unit")
							: target.contains("campaigns/") ? "office"
									: target.equals("/dashboard") ? "supervisor" : "discipline";
					opens(form.getFileName() + " " + link.group(1), target, reader);
					checked.add(target);
				}
			}
		}
		assertThat(checked).as("links in the forms").hasSizeGreaterThan(15);
	}

	@Test
	void shouldOpenAPageForEveryNotificationAndEveryMailLink() {
		// a copy (抄送): its notification links the item of the task's process
		String processInstanceId = this.runtimeService.startProcessInstanceByKey("deadline-template", "LINKS")
			.getProcessInstanceId();
		Task task = this.taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult();
		this.taskService.setAssignee(task.getId(), "office");
		HttpResponse<String> copy = new PageClient(this.port).post("/api/tasks/" + task.getId() + "/cc", "office",
				"{\"userIds\":[\"u2\"],\"note\":\"请阅\"}");
		assertThat(copy.statusCode()).as(copy.body()).isEqualTo(200);

		List<Map<String, Object>> notifications = this.jdbc
			.queryForList("select distinct recipient, link from notification where link is not null order by link");
		assertThat(notifications).extracting((n) -> (String) n.get("link"))
			.as("notification links")
			.anyMatch((l) -> l.startsWith("/items/process/"))
			.anyMatch((l) -> l.startsWith("/items/ledger/"));
		for (Map<String, Object> notification : notifications) {
			String link = (String) notification.get("link");
			opens("notification", link, (String) notification.get("recipient"));
		}

		List<Map<String, Object>> mails = this.jdbc.queryForList("select recipient, body from mail_outbox");
		Set<String> mailLinks = new TreeSet<>();
		for (Map<String, Object> mail : mails) {
			String recipient = (String) mail.get("recipient");
			Matcher link = MAIL_LINK.matcher((String) mail.get("body"));
			while (link.find()) {
				String url = link.group();
				assertThat(url).as("a mail link is absolute, from the public address").startsWith(this.publicUrl);
				String path = url.substring(this.publicUrl.length());
				if (recipient.endsWith("@demo.example.org") && mailLinks.add(url)) {
					opens("mail to " + recipient, path, recipient.substring(0, recipient.indexOf('@')));
				}
			}
		}
		assertThat(mailLinks).as("links in the mails").isNotEmpty();
	}

	@Test
	void shouldOpenAPageOrADocumentForEveryLinkOfTheDashboard() {
		String html = new PageClient(this.port).page("/dashboard", "supervisor");
		Matcher href = HREF.matcher(html);
		List<String> links = new ArrayList<>();
		while (href.find()) {
			String link = href.group(1).replace("&amp;", "&");
			if (link.startsWith("/css/") || link.startsWith("/js/") || link.startsWith("/webjars/")) {
				continue;
			}
			opens("dashboard", link, "supervisor");
			links.add(link);
		}
		assertThat(links).as("links on the dashboard").isNotEmpty();
	}

	/**
	 * Opens the link as the user, following redirects, and asserts an HTML page or a
	 * document download, never JSON.
	 */
	private void opens(String where, String link, String user) {
		assertThat(link).as(where + ": a link within the application").startsWith("/");
		String path = link.contains("#") ? link.substring(0, link.indexOf('#')) : link;
		PageClient pages = new PageClient(this.port);
		HttpResponse<String> answer = pages.get(path, user);
		for (int hops = 0; hops < 3 && answer.statusCode() / 100 == 3; hops++) {
			URI next = URI.create("http://localhost" + path)
				.resolve(answer.headers().firstValue("Location").orElseThrow());
			path = next.getRawPath() + ((next.getRawQuery() != null) ? "?" + next.getRawQuery() : "");
			answer = pages.get(path, user);
		}
		String label = where + ": " + user + " opens " + link + " -> " + path;
		String type = answer.headers().firstValue("Content-Type").orElse("");
		assertThat(answer.statusCode()).as(label).isEqualTo(200);
		assertThat(type).as(label).doesNotContain("json");
		String file = URI.create(path).getPath();
		if (DOCUMENTS.stream().anyMatch(file::endsWith)) {
			assertThat(answer.headers().firstValue("Content-Disposition").orElse("")).as(label + " downloads")
				.startsWith("attachment");
		}
		else {
			assertThat(file).as(label + " is a page, not the JSON API").doesNotStartWith("/api/");
			assertThat(type).as(label).startsWith("text/html");
		}
	}

	private String fill(String link, Map<String, String> ids, Path form) {
		Matcher placeholder = PLACEHOLDER.matcher(link);
		StringBuilder filled = new StringBuilder();
		while (placeholder.find()) {
			String id = ids.get(placeholder.group(1));
			assertThat(id).as(form + ": an item for {{" + placeholder.group(1) + "}}").isNotNull();
			placeholder.appendReplacement(filled, id);
		}
		placeholder.appendTail(filled);
		return filled.toString();
	}

	private String first(String sql) {
		return String.valueOf(this.jdbc.queryForObject(sql, Object.class));
	}

}
