package org.rectifyflow.reliability;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.rectifyflow.deadline.EscalationProcess;
import org.rectifyflow.testsupport.TestDatabase;
import org.rectifyflow.testsupport.TestDatabaseServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application nodes, each the packaged jar in a JVM of its own, on one PostgreSQL
 * database, as in production (docs/cluster.md): deadlines escalate exactly once whichever
 * node fires them, both nodes share the work, a node killed in the middle of a storm
 * loses nothing, and a session is not silently accepted by the other node.
 * <p>
 * Node A locks jobs for {@value #LOCK_A_MS} ms, node B for much longer, so that after A
 * is killed the jobs it still held are recognisable by their lock expiry.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

	static final long LOCK_A_MS = 8_000;

	static final long LOCK_B_MS = 600_000;

	static final int DEADLINES = 200;

	static final String SUPERVISOR = "sup-cluster";

	static TestDatabase database;

	static ClusterNode nodeA;

	static ClusterNode nodeB;

	static DeadlineStorm storm;

	@BeforeAll
	static void startTwoNodes() throws Exception {
		database = TestDatabaseServer.get().createDatabase(ClusterIT.class);
		storm = new DeadlineStorm(database);
		// The first node builds the schema alone; nodes join an existing schema.
		nodeA = ClusterNode.start("node-a", database, 384, jobExecutor(LOCK_A_MS))
			.awaitHealthy(Duration.ofSeconds(150));
		nodeB = ClusterNode.start("node-b", database, 384, jobExecutor(LOCK_B_MS))
			.awaitHealthy(Duration.ofSeconds(150));
		assertThat(nodeA
			.asAdmin("POST", "/engine-rest/user/create",
					"""
							{"profile":{"id":"%s","firstName":"督办","lastName":"员"},"credentials":{"password":"Sup-Cluster-1"}}"""
						.formatted(SUPERVISOR))
			.statusCode()).isEqualTo(204);
		assertThat(nodeB.asAdmin("PUT", "/engine-rest/group/supervisors/members/" + SUPERVISOR, null).statusCode())
			.isEqualTo(204);
	}

	/**
	 * Short waits so that due timers are found at once, and two job threads per node: a
	 * node that wins acquisitions keeps the work for as long as it has capacity, so the
	 * nodes share a storm only once one is saturated (docs/cluster.md). The test's storm
	 * saturates two threads, as a production storm saturates eight. No acquisition
	 * backoff: a node that lost a few acquisition races would otherwise sit out a short
	 * storm.
	 */
	private static Map<String, String> jobExecutor(long lockTimeMs) {
		return Map.of("camunda.bpm.job-execution.lock-time-in-millis", Long.toString(lockTimeMs),
				"camunda.bpm.job-execution.wait-time-in-millis", "200", "camunda.bpm.job-execution.max-wait", "1000",
				"camunda.bpm.job-execution.core-pool-size", "2", "camunda.bpm.job-execution.max-pool-size", "2",
				"camunda.bpm.job-execution.queue-capacity", "2", "camunda.bpm.job-execution.max-jobs-per-acquisition",
				"2", "camunda.bpm.job-execution.backoff-time-in-millis", "0", "logging.level.org.rectifyflow.deadline",
				"warn");
	}

	@AfterAll
	static void stopNodes() {
		for (ClusterNode node : new ClusterNode[] { nodeA, nodeB }) {
			if (node != null) {
				node.close();
			}
		}
	}

	@Test
	@Order(1)
	void shouldEscalateEveryDeadlineExactlyOnceAcrossBothNodes() throws Exception {
		// Due a little later than the last start, so that all are due at once
		Instant dueAt = Instant.now().plusSeconds(25);
		DeadlineStorm.startDeadlines(List.of(nodeA, nodeB), "CL1", DEADLINES, dueAt, 4);

		awaitSupervision("CL1", Duration.ofSeconds(120));

		// The engine stores create times with millisecond precision
		assertThat(storm.supervisionDelaysMillis("CL1", dueAt)).as("nothing escalates before the deadline")
			.allSatisfy((delay) -> assertThat(delay).isGreaterThanOrEqualTo(-1));

		Map<String, DeadlineStorm.Effects> effects = storm.effects("CL1", SUPERVISOR);
		assertThat(effects).hasSize(DEADLINES);
		assertThat(effects)
			.allSatisfy((key, effect) -> assertThat(effect.exactlyOnce()).as(key + ": " + effect).isTrue());
		Map<String, Long> byNode = storm.firedByNode("CL1");
		System.out.println("[cluster] " + DEADLINES + " deadlines fired by " + byNode);
		assertThat(byNode).containsOnlyKeys("node-a", "node-b");
		assertThat(byNode.values()).allSatisfy((n) -> assertThat(n).isPositive());
		assertThat(byNode.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(DEADLINES);
	}

	@Test
	@Order(2)
	void shouldNotAcceptASessionOfOneNodeOnTheOther() throws Exception {
		HttpClient browser = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		String loginPage = browser
			.send(HttpRequest.newBuilder(nodeA.uri("/login")).build(), HttpResponse.BodyHandlers.ofString())
			.body();
		Matcher csrf = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(loginPage);
		assertThat(csrf.find()).as("login page has a CSRF token").isTrue();
		HttpResponse<String> login = browser.send(HttpRequest.newBuilder(nodeA.uri("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=" + SUPERVISOR + "&password=Sup-Cluster-1&_csrf="
					+ URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(login.statusCode()).isEqualTo(302);
		assertThat(login.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
		String session = ((CookieManager) browser.cookieHandler().orElseThrow()).getCookieStore()
			.get(nodeA.uri("/"))
			.stream()
			.filter((cookie) -> cookie.getName().equals("JSESSIONID"))
			.findFirst()
			.orElseThrow()
			.getValue();

		assertThat(withSession(nodeA.uri("/api/notifications/unread-count"), session, "application/json").statusCode())
			.isEqualTo(200);
		// Without sticky sessions the load balancer may send the next request to B: B
		// does not know the session and asks for a login, it never takes it on trust.
		assertThat(withSession(nodeB.uri("/api/notifications/unread-count"), session, "application/json").statusCode())
			.isEqualTo(401);
		HttpResponse<String> page = withSession(nodeB.uri("/camunda/app/tasklist/default/"), session, "text/html");
		assertThat(page.statusCode()).isEqualTo(302);
		assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/login");
	}

	private static HttpResponse<String> withSession(URI uri, String session, String accept) throws Exception {
		return HttpClient.newBuilder()
			.followRedirects(HttpClient.Redirect.NEVER)
			.build()
			.send(HttpRequest.newBuilder(uri)
				.header("Cookie", "JSESSIONID=" + session)
				.header("Accept", accept)
				.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	@Order(3)
	void shouldFinishEverythingOnTheSurvivorWhenANodeIsKilledInTheMiddle() throws Exception {
		Instant dueAt = Instant.now().plusSeconds(10);
		DeadlineStorm.startDeadlines(List.of(nodeA, nodeB), "CL2", DEADLINES, dueAt, 4);

		// Kill A while the storm runs and A holds locks (A's locks expire within
		// LOCK_A_MS, B's much later)
		long deadline = System.currentTimeMillis() + 90_000;
		while (lockedByA() < 3 || storm.superviseTasks("CL2") < DEADLINES / 10) {
			assertThat(System.currentTimeMillis()).as("the storm reaches node A").isLessThan(deadline);
			assertThat(storm.superviseTasks("CL2")).as("A was killed before the storm ended").isLessThan(DEADLINES);
			Thread.sleep(20);
		}
		nodeA.kill();
		Instant killedAt = Instant.now();
		List<String> orphans = storm.strings(
				"select id_ from act_ru_job where lock_owner_ is not null and lock_exp_time_ < now() + interval '60 seconds'");
		long doneAtKill = storm.superviseTasks("CL2");
		System.out.println("[cluster] node-a killed with " + orphans.size() + " job(s) locked, " + doneAtKill + "/"
				+ DEADLINES + " escalated");

		awaitSupervision("CL2", Duration.ofSeconds(LOCK_A_MS / 1000 + 120));

		Map<String, DeadlineStorm.Effects> effects = storm.effects("CL2", SUPERVISOR);
		assertThat(effects).hasSize(DEADLINES);
		assertThat(effects)
			.allSatisfy((key, effect) -> assertThat(effect.exactlyOnce()).as(key + ": " + effect).isTrue());
		assertThat(orphans).as("node A held jobs when it was killed").isNotEmpty();
		for (String orphan : orphans) {
			List<String> finishedBy = storm.strings(
					"select hostname_ from act_hi_job_log where job_id_ = ? and job_state_ = 2 and timestamp_ >= ?",
					orphan, java.sql.Timestamp.from(killedAt));
			assertThat(finishedBy).as("orphaned job " + orphan + " finished by the survivor after A died")
				.containsExactly("node-b");
		}
		assertThat(storm.count("select count(*) from act_ru_job where lock_owner_ is not null"
				+ " and lock_exp_time_ < now() + interval '60 seconds'"))
			.as("no job stays locked by the dead node")
			.isZero();
		System.out.println("[cluster] survivor finished " + DEADLINES + " escalations; fired by "
				+ storm.firedByNode("CL2") + "; " + EscalationProcess.TASK_SUPERVISE + " exactly once each");
	}

	private static long lockedByA() throws Exception {
		return storm.count("select count(*) from act_ru_job where lock_owner_ is not null"
				+ " and lock_exp_time_ < now() + interval '60 seconds'");
	}

	private static void awaitSupervision(String prefix, Duration timeout) throws Exception {
		long end = System.nanoTime() + timeout.toNanos();
		long done = 0;
		while (System.nanoTime() < end) {
			done = storm.superviseTasks(prefix);
			if (done >= DEADLINES) {
				return;
			}
			Thread.sleep(250);
		}
		throw new AssertionError(prefix + ": only " + done + " of " + DEADLINES + " escalated within " + timeout
				+ "\nnode-a:\n" + nodeA.tail() + "\nnode-b:\n" + nodeB.tail());
	}

}
