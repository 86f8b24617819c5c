package org.rectifyflow.clue;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectifyflow.audit.AuditEventRepository;
import org.rectifyflow.clue.internal.PublicRateLimitFilter;
import org.rectifyflow.testsupport.PostgresIntegrationTest;

import org.springframework.test.context.DynamicPropertySource;

import org.springframework.test.context.DynamicPropertyRegistry;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The clue API on PostgreSQL: public intake and lookup, staff intake, the reporter kept
 * out of responses and revealed only to the discipline group, bad input, deletion
 * refused, and the rate limit with its buckets in PostgreSQL.
 */
@PostgresIntegrationTest
class ClueApiIT {

	@DynamicPropertySource
	static void forwardingProxy(DynamicPropertyRegistry registry) {
		// The test client stands in for a proxy on this machine that forwards many
		// clients.
		registry.add("server.tomcat.remoteip.internal-proxies", () -> "127\\.0\\.0\\.1|0:0:0:0:0:0:0:1");
	}

	private static final String REPORTER = "赵举报人";

	@Autowired
	private TestRestTemplate http;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private IdentityService identityService;

	@Autowired
	private RuntimeService runtimeService;

	@Autowired
	private AuditEventRepository auditEvents;

	private final ObjectMapper json = new ObjectMapper();

	@BeforeEach
	void organisation() {
		ClueTestSupport.unit(this.jdbc, "it1");
		user("itdiscipline", "discipline-group");
		user("itsupervisor", "supervisors");
	}

	private void user(String id, String group) {
		if (this.identityService.createUserQuery().userId(id).count() == 0) {
			User user = this.identityService.newUser(id);
			user.setPassword("It-Secret-1");
			this.identityService.saveUser(user);
			this.identityService.createMembership(id, group);
		}
	}

	private static HttpHeaders from(String client) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		headers.set("X-Forwarded-For", client);
		return headers;
	}

	private static String clueJson(String channel, String description) {
		return """
				{"channel":"%s","subjectUnit":"it1","subjectPerson":"钱某","category":"RESEARCH",
				 "description":"%s","reporterName":"%s","reporterContact":"13900000000"}""".formatted(channel,
				description, REPORTER);
	}

	private JsonNode exchange(String path, HttpMethod method, String body, HttpHeaders headers, TestRestTemplate as,
			int expected) throws Exception {
		ResponseEntity<String> response = as.exchange(path, method, new HttpEntity<>(body, headers), String.class);
		assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(expected);
		String text = (response.getBody() != null) ? response.getBody() : "";
		assertThat(text).doesNotContain(REPORTER).doesNotContain("13900000000");
		return text.isEmpty() ? null : this.json.readTree(text);
	}

	@Test
	void shouldTakeAPublicReportAndAnswerItsReceiptCodeOnly() throws Exception {
		JsonNode receipt = exchange("/api/public/clues", HttpMethod.POST, clueJson("WEBSITE", "公开举报"),
				from("203.0.113.1"), this.http, 201);
		String code = receipt.get("receiptCode").asText();
		JsonNode status = exchange("/api/public/clues/" + code, HttpMethod.GET, null, from("203.0.113.1"), this.http,
				200);
		assertThat(status.get("status").asText()).isEqualTo("RECEIVED");
		assertThat(status.toString()).doesNotContain("钱某");
		JsonNode miss = exchange("/api/public/clues/ABCD-EFGH-JKMN-PQRS", HttpMethod.GET, null, from("203.0.113.1"),
				this.http, 404);
		JsonNode malformed = exchange("/api/public/clues/x", HttpMethod.GET, null, from("203.0.113.1"), this.http, 404);
		assertThat(miss.get("detail")).isEqualTo(malformed.get("detail"));
	}

	@Test
	void shouldRequireTheDisciplineGroupAndRevealTheReporterOnlyToItWithAnAuditEvent() throws Exception {
		exchange("/api/clues", HttpMethod.GET, null, from("203.0.113.2"), this.http, 401);
		// A POST without credentials is a browser request without a CSRF token.
		exchange("/api/clues", HttpMethod.POST, clueJson("PHONE", "电话"), from("203.0.113.2"), this.http, 403);
		TestRestTemplate discipline = this.http.withBasicAuth("itdiscipline", "It-Secret-1");
		TestRestTemplate supervisor = this.http.withBasicAuth("itsupervisor", "It-Secret-1");
		exchange("/api/clues", HttpMethod.POST, clueJson("PHONE", "电话"), from("203.0.113.2"), supervisor, 403);
		String number = exchange("/api/clues", HttpMethod.POST, clueJson("PETITION", "信访件"), from("203.0.113.2"),
				discipline, 201)
			.get("clueNumber")
			.asText();
		Long id = this.jdbc.queryForObject("select id from clue where clue_number = ?", Long.class, number);
		exchange("/api/clues/" + id, HttpMethod.GET, null, from("203.0.113.2"), discipline, 200);
		JsonNode list = exchange("/api/clues?unit=it1", HttpMethod.GET, null, from("203.0.113.2"), supervisor, 200);
		assertThat(list.get("items")).allSatisfy((item) -> assertThat(item.get("subjectPerson").isNull()).isTrue());
		exchange("/api/clues/" + id + "/reveal-reporter", HttpMethod.POST, "{\"reason\":\"想看\"}", from("203.0.113.2"),
				supervisor, 403);
		ResponseEntity<String> revealed = discipline.exchange("/api/clues/" + id + "/reveal-reporter", HttpMethod.POST,
				new HttpEntity<>("{\"reason\":\"联系举报人核实\"}", from("203.0.113.2")), String.class);
		assertThat(revealed.getBody()).contains(REPORTER);
		assertThat(this.auditEvents.findByItemTypeAndItemIdOrderByOccurredAtAscIdAsc("clue", number))
			.anySatisfy((event) -> assertThat(event.getAction()).isEqualTo(ClueRegister.ACTION_REVEALED));
		String processInstanceId = this.jdbc
			.queryForObject("select process_instance_id from clue where clue_number = ?", String.class, number);
		assertThat(this.runtimeService.getVariables(processInstanceId).values())
			.noneSatisfy((value) -> assertThat(String.valueOf(value)).contains(REPORTER));
		assertThatThrownBy(() -> this.runtimeService.deleteProcessInstance(processInstanceId, "删除"))
			.hasMessageContaining("never deleted");
	}

	@Test
	void shouldRefuseBadInputWithoutStoringAnything() throws Exception {
		long before = this.jdbc.queryForObject("select count(*) from clue", Long.class);
		exchange("/api/public/clues", HttpMethod.POST, clueJson("WEBSITE", " "), from("203.0.113.3"), this.http, 400);
		exchange("/api/public/clues", HttpMethod.POST, clueJson("TELEGRAPH", "电报"), from("203.0.113.3"), this.http,
				400);
		exchange("/api/public/clues", HttpMethod.POST, clueJson("WEBSITE", "长".repeat(1024 * 1024)),
				from("203.0.113.3"), this.http, 400);
		assertThat(this.jdbc.queryForObject("select count(*) from clue", Long.class)).isEqualTo(before);
	}

	@Test
	void shouldLimitEachClientWithBucketsInPostgresql() throws Exception {
		for (int i = 0; i < 20; i++) {
			exchange("/api/public/clues/ABCD-EFGH-JKMN-PQRS", HttpMethod.GET, null, from("198.51.100.7"), this.http,
					404);
		}
		JsonNode refused = exchange("/api/public/clues/ABCD-EFGH-JKMN-PQRS", HttpMethod.GET, null, from("198.51.100.7"),
				this.http, 429);
		assertThat(refused.get("messageZh").asText()).isEqualTo(PublicRateLimitFilter.TOO_MANY_ZH);
		exchange("/api/public/clues/ABCD-EFGH-JKMN-PQRS", HttpMethod.GET, null, from("198.51.100.8"), this.http, 404);
		List<Map<String, Object>> rows = this.jdbc.queryForList("select id from clue_rate_limit_bucket");
		assertThat(rows).extracting((row) -> row.get("id")).contains("clue-public:198.51.100.7");
	}

}
