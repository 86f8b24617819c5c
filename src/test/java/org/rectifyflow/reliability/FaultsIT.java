package org.rectifyflow.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.rectifyflow.attachment.AttachmentAccessPolicy;
import org.rectifyflow.audit.AuditService;
import org.rectifyflow.clue.ClueProcess;
import org.rectifyflow.clue.ClueTestSupport;
import org.rectifyflow.identity.Roles;
import org.rectifyflow.notification.Notifier;
import org.rectifyflow.testsupport.PostgresIntegrationTest;
import org.rectifyflow.testsupport.TestAdmin;
import org.rectifyflow.web.DatabaseUnavailable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Faults on real PostgreSQL: a service task that fails after a domain write rolls the
 * whole step back and ends in an incident after its retries; the database connection lost
 * and restored while requests that write a domain row and start a process come in leaves
 * every request either complete or without a trace.
 * <p>
 * The connection-loss run is table-driven: {@link #intakes()} lists the write paths that
 * pair a domain row with a process instance or a file, each sent requests by
 * {@link #CLIENTS} clients at once while the connection comes and goes.
 */
@PostgresIntegrationTest
@Import(FaultsIT.Faults.class)
class FaultsIT {

	static final String FAULTY_PROCESS = "faultyStep";

	static final Path ATTACHMENTS = createTempDir();

	/** Requests per intake and run, sent by {@link #CLIENTS} clients at once. */
	static final int REQUESTS = 60;

	/** Accepted and refused requests each intake must see at least. */
	static final int EACH = 10;

	static final int MAX_REQUESTS = 600;

	static final int CLIENTS = 4;

	static final String CLUE_UNIT = "fault-unit";

	static final String CLUE_REGISTRAR = "fault-discipline";

	static final String CLUE_REGISTRAR_PASSWORD = "Fault-Discipline-1";

	@LocalServerPort
	int port;

	@Autowired
	RepositoryService repositoryService;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	ManagementService managementService;

	@Autowired
	TaskService taskService;

	@Autowired
	IdentityService identityService;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	Notifier notifier;

	@Autowired
	FaultyStep faultyStep;

	@Autowired
	BreakableDataSource database;

	@DynamicPropertySource
	static void attachments(DynamicPropertyRegistry registry) {
		registry.add("rectify.attachments.dir", ATTACHMENTS::toString);
		// The test client stands in for a proxy on this machine that forwards many
		// clients.
		registry.add("server.tomcat.remoteip.internal-proxies", () -> "127\\.0\\.0\\.1|0:0:0:0:0:0:0:1");
	}

	@Test
	void shouldRollBackTheWholeStepAndRaiseAnIncidentWhenAServiceTaskFails() {
		this.repositoryService.createDeployment()
			.addModelInstance(FAULTY_PROCESS + ".bpmn",
					Bpmn.createExecutableProcess(FAULTY_PROCESS)
						.camundaHistoryTimeToLive(1)
						.startEvent()
						.serviceTask("Task_Write")
						.name("写入")
						.camundaAsyncBefore()
						.camundaFailedJobRetryTimeCycle("R3/PT1S")
						.camundaExpression("${faultyStep.write(execution.processBusinessKey)}")
						.userTask("Task_After")
						.name("后续")
						.endEvent()
						.done())
			.deploy();
		String key = "FAULT-" + UUID.randomUUID().toString().substring(0, 8);
		String processInstanceId = this.runtimeService.startProcessInstanceByKey(FAULTY_PROCESS, key).getId();
		this.faultyStep.failing.set(true);

		int attempts = 0;
		Job job = jobOf(processInstanceId);
		while (job.getRetries() > 0 && attempts < 10) {
			String jobId = job.getId();
			assertThatThrownBy(() -> this.managementService.executeJob(jobId)).hasStackTraceContaining("injected");
			attempts++;
			assertThat(writesOf(key)).as("nothing of the failed step is left after attempt " + attempts).isZero();
			job = jobOf(processInstanceId);
		}

		assertThat(attempts).isEqualTo(3);
		assertThat(this.runtimeService.createIncidentQuery().processInstanceId(processInstanceId).count())
			.as("an incident, visible in Cockpit, after the retries")
			.isEqualTo(1);
		assertThat(this.taskService.createTaskQuery().processInstanceId(processInstanceId).count()).isZero();

		this.faultyStep.failing.set(false);
		this.managementService.setJobRetries(job.getId(), 1);
		this.managementService.executeJob(job.getId());

		assertThat(writesOf(key)).as("the retried step writes once").isEqualTo(2);
		assertThat(this.runtimeService.createIncidentQuery().processInstanceId(processInstanceId).count()).isZero();
		assertThat(this.taskService.createTaskQuery().processInstanceId(processInstanceId).count()).isEqualTo(1);
	}

	private long writesOf(String key) {
		Long audits = this.jdbc.queryForObject(
				"select count(*) from audit_event where action = 'FAULT_STEP_WRITTEN' and item_id = ?", Long.class,
				key);
		Long notifications = this.jdbc.queryForObject("select count(*) from notification where text = ?", Long.class,
				"故障注入 " + key);
		return audits + notifications;
	}

	private Job jobOf(String processInstanceId) {
		return this.managementService.createJobQuery().processInstanceId(processInstanceId).singleResult();
	}

	@Test
	void shouldLeaveEveryRequestCompleteOrWithoutATraceWhenTheDatabaseConnectionIsLost() throws Exception {
		for (Intake intake : intakes()) {
			String run = intake.name() + "-" + UUID.randomUUID().toString().substring(0, 6);
			AtomicBoolean running = new AtomicBoolean(true);
			Thread chaos = new Thread(() -> {
				Random random = ThreadLocalRandom.current();
				while (running.get()) {
					pause(100 + random.nextInt(200));
					this.database.lose();
					pause(10 + random.nextInt(60));
					this.database.restore();
				}
			}, "database-chaos");
			long failuresBefore = this.database.failures();
			List<Outcome> outcomes = new ArrayList<>();
			chaos.start();
			ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
			try {
				outcomes.addAll(submitConcurrently(intake, run, clients));
			}
			finally {
				clients.shutdownNow();
				running.set(false);
				chaos.join();
				this.database.restore();
			}

			long accepted = outcomes.stream().filter(Outcome::accepted).count();
			System.out.println("[faults] " + intake.name() + ": " + accepted + " of " + outcomes.size() + " accepted, "
					+ (this.database.failures() - failuresBefore) + " database calls failed");
			outcomes.stream()
				.filter((outcome) -> !outcome.accepted())
				.limit(3)
				.forEach((outcome) -> System.out.println("[faults]   refused: " + outcome));
			assertThat(this.database.failures()).as(intake.name() + ": the database was really lost")
				.isGreaterThan(failuresBefore);
			assertThat(accepted).as(intake.name() + ": some requests got through").isPositive();
			assertThat(outcomes).as(intake.name() + ": never a half answer")
				.allSatisfy((outcome) -> assertThat(outcome.status()).isNotIn(200, 202, 204));
			intake.verify(run, outcomes);
		}
	}

	/**
	 * Sends requests of one intake from {@link #CLIENTS} clients at once: at least
	 * {@link #REQUESTS}, and more until at least {@link #EACH} were accepted and
	 * {@link #EACH} refused (a slow machine sees other proportions), at most
	 * {@link #MAX_REQUESTS}.
	 */
	private static List<Outcome> submitConcurrently(Intake intake, String run, ExecutorService clients)
			throws Exception {
		AtomicInteger next = new AtomicInteger();
		AtomicInteger accepted = new AtomicInteger();
		AtomicInteger refused = new AtomicInteger();
		List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
		List<Future<?>> futures = new ArrayList<>();
		for (int c = 0; c < CLIENTS; c++) {
			futures.add(clients.submit(() -> {
				while (true) {
					int n = next.getAndIncrement();
					boolean enough = n >= REQUESTS && accepted.get() >= EACH && refused.get() >= EACH;
					if (enough || n >= MAX_REQUESTS) {
						return;
					}
					Outcome outcome = intake.submit(run, n);
					(outcome.accepted() ? accepted : refused).incrementAndGet();
					outcomes.add(outcome);
				}
			}));
		}
		for (Future<?> future : futures) {
			future.get();
		}
		List<Outcome> sorted = new ArrayList<>(outcomes);
		sorted.sort(Comparator.comparingInt(Outcome::n));
		return sorted;
	}

	/**
	 * The write paths that pair a domain row with something else that must exist with it.
	 */
	List<Intake> intakes() {
		return List.of(new OutboxMailIntake(), new AttachmentUploadIntake(), new ClueIntake());
	}

	/**
	 * The result of one request: its HTTP status (201 accepted, anything else refused or
	 * failed) and what it was about.
	 */
	record Outcome(int n, int status, String detail) {

		boolean accepted() {
			return this.status == 201;
		}

	}

	/**
	 * One write path under test.
	 */
	interface Intake {

		String name();

		/** Makes request number {@code n} of the run; never throws. */
		Outcome submit(String run, int n);

		/**
		 * Checks, with the database back, that accepted requests are complete and the
		 * others left nothing.
		 */
		void verify(String run, List<Outcome> outcomes);

	}

	/**
	 * A mail for the outbox: the outbox row and its {@code mail-delivery} process
	 * instance (business key = row id) are written in one transaction. The same pairing
	 * as a clue and its process.
	 */
	class OutboxMailIntake implements Intake {

		@Override
		public String name() {
			return "outbox-mail";
		}

		@Override
		public Outcome submit(String run, int n) {
			try {
				FaultsIT.this.transaction.executeWithoutResult(
						(tx) -> FaultsIT.this.notifier.mailExternal("fault@example.org", subject(run, n), "连接中断测试"));
				return new Outcome(n, 201, null);
			}
			catch (RuntimeException ex) {
				Throwable root = ex;
				while (root.getCause() != null && root.getCause() != root) {
					root = root.getCause();
				}
				return new Outcome(n, 503, ex.getClass().getSimpleName() + " <- " + root);
			}
		}

		@Override
		public void verify(String run, List<Outcome> outcomes) {
			List<Map<String, Object>> rows = FaultsIT.this.jdbc
				.queryForList("select id, subject from mail_outbox where subject like ?", run + "-%");
			Set<Integer> stored = new TreeSet<>();
			for (Map<String, Object> row : rows) {
				String subject = (String) row.get("subject");
				stored.add(Integer.parseInt(subject.substring(subject.lastIndexOf('-') + 1)));
				String id = String.valueOf(row.get("id"));
				assertThat(FaultsIT.this.jdbc.queryForObject(
						"select count(*) from act_hi_procinst where proc_def_key_ = 'mail-delivery' and business_key_ = ?",
						Long.class, id))
					.as("outbox row " + id + " has its delivery process")
					.isEqualTo(1);
				assertThat(FaultsIT.this.jdbc.queryForObject(
						"select count(*) from audit_event where action = 'MAIL_QUEUED' and item_id = ?", Long.class,
						id))
					.isEqualTo(1);
			}
			assertThat(stored).as("stored exactly what was accepted").containsExactlyElementsOf(accepted(outcomes));
			Long orphans = FaultsIT.this.jdbc
				.queryForObject("select count(*) from act_hi_procinst p where p.proc_def_key_ = 'mail-delivery'"
						+ " and not exists (select 1 from mail_outbox m where cast(m.id as varchar(64)) = p.business_key_)",
						Long.class);
			assertThat(orphans).as("no delivery process without its outbox row").isZero();
		}

		private String subject(String run, int n) {
			return run + "-" + n;
		}

	}

	/**
	 * An upload through {@code POST /api/attachments}: the attachment row, its audit row
	 * and the file on disk.
	 */
	class AttachmentUploadIntake implements Intake {

		private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

		@Override
		public String name() {
			return "attachment-upload";
		}

		@Override
		public Outcome submit(String run, int n) {
			String boundary = "----rf" + UUID.randomUUID();
			String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"itemType\"\r\n\r\n"
					+ Faults.ITEM_TYPE + "\r\n--" + boundary
					+ "\r\nContent-Disposition: form-data; name=\"itemId\"\r\n\r\n" + run + "-" + n + "\r\n--"
					+ boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"evidence-" + n
					+ ".txt\"\r\nContent-Type: text/plain\r\n\r\n整改证据 " + n + "\r\n--" + boundary + "--\r\n";
			try {
				HttpResponse<String> response = this.http.send(HttpRequest
					.newBuilder(URI.create("http://127.0.0.1:" + FaultsIT.this.port + "/api/attachments"))
					.timeout(Duration.ofSeconds(30))
					.header("Authorization", ClusterNode.basic(TestAdmin.USER, TestAdmin.PASSWORD))
					.header("Content-Type", "multipart/form-data; boundary=" + boundary)
					.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
					.build(), HttpResponse.BodyHandlers.ofString());
				return new Outcome(n, response.statusCode(), response.body());
			}
			catch (IOException ex) {
				return new Outcome(n, -1, ex.toString());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return new Outcome(n, -1, ex.toString());
			}
		}

		@Override
		public void verify(String run, List<Outcome> outcomes) {
			List<Map<String, Object>> rows = FaultsIT.this.jdbc.queryForList(
					"select id, item_id, storage_key from attachment where item_type = ? and item_id like ?",
					Faults.ITEM_TYPE, run + "-%");
			Set<Integer> stored = new TreeSet<>();
			for (Map<String, Object> row : rows) {
				String itemId = (String) row.get("item_id");
				stored.add(Integer.parseInt(itemId.substring(itemId.lastIndexOf('-') + 1)));
				assertThat(FaultsIT.this.jdbc.queryForObject(
						"select count(*) from audit_event where action = 'ATTACHMENT_UPLOADED' and item_type = ?"
								+ " and item_id = ?",
						Long.class, Faults.ITEM_TYPE, itemId))
					.as("attachment " + row.get("id") + " is audited once")
					.isEqualTo(1);
			}
			assertThat(stored).as("stored exactly what was answered 201").containsExactlyElementsOf(accepted(outcomes));
			Long allRows = FaultsIT.this.jdbc.queryForObject("select count(*) from attachment", Long.class);
			assertThat(filesUnder(ATTACHMENTS)).as("a file for every attachment row and none without")
				.isEqualTo(allRows);
			assertThat(outcomes).filteredOn((outcome) -> !outcome.accepted()).allSatisfy((outcome) -> {
				assertThat(outcome.status()).as("refused for the lost database: come again later").isEqualTo(503);
				assertThat(outcome.detail()).contains(DatabaseUnavailable.MESSAGE_ZH);
			});
		}

	}

	/**
	 * The clue intake: {@code POST /api/public/clues} (anonymous) and
	 * {@code POST /api/clues} (the discipline group), each as JSON and as a multipart
	 * request with an attachment. An accepted clue is the clue row, its {@code clue}
	 * process instance (business key the clue number, variable {@code clueId}) waiting at
	 * 受理登记, its audit row, its attachment row and file, and a receipt code that finds it;
	 * a refused one leaves none of them.
	 */
	class ClueIntake implements Intake {

		private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

		private final ObjectMapper json = new ObjectMapper();

		/** Each public request comes from a client address of its own: no rate limit. */
		private final AtomicInteger clients = new AtomicInteger();

		ClueIntake() {
			ClueTestSupport.unit(FaultsIT.this.jdbc, CLUE_UNIT);
			if (FaultsIT.this.identityService.createUserQuery().userId(CLUE_REGISTRAR).count() == 0) {
				User user = FaultsIT.this.identityService.newUser(CLUE_REGISTRAR);
				user.setPassword(CLUE_REGISTRAR_PASSWORD);
				FaultsIT.this.identityService.saveUser(user);
				FaultsIT.this.identityService.createMembership(CLUE_REGISTRAR, Roles.DISCIPLINE_GROUP);
			}
		}

		@Override
		public String name() {
			return "clue";
		}

		/** Request {@code n}: public or staff, with or without an attachment. */
		private static boolean isPublic(int n) {
			return n % 4 < 2;
		}

		private static boolean withAttachment(int n) {
			return n % 2 == 1;
		}

		@Override
		public Outcome submit(String run, int n) {
			String clue = """
					{"channel":"%s","subjectUnit":"%s","category":"WORK_IMPLEMENTATION",
					 "description":"%s-%d 连接中断期间的反映","reporterName":"%s"}"""
				.formatted(isPublic(n) ? "WEBSITE" : "PETITION", CLUE_UNIT, run, n, (n % 3 == 0) ? "举报人" + n : "");
			HttpRequest.Builder request = HttpRequest
				.newBuilder(URI.create(
						"http://127.0.0.1:" + FaultsIT.this.port + (isPublic(n) ? "/api/public/clues" : "/api/clues")))
				.timeout(Duration.ofSeconds(30))
				.header("X-Forwarded-For", nextClient());
			if (!isPublic(n)) {
				request.header("Authorization", ClusterNode.basic(CLUE_REGISTRAR, CLUE_REGISTRAR_PASSWORD));
			}
			if (withAttachment(n)) {
				String boundary = "----rf" + UUID.randomUUID();
				String body = "--" + boundary
						+ "\r\nContent-Disposition: form-data; name=\"clue\"\r\nContent-Type: application/json\r\n\r\n"
						+ clue + "\r\n--" + boundary
						+ "\r\nContent-Disposition: form-data; name=\"attachments\"; filename=\"evidence-" + n
						+ ".txt\"\r\nContent-Type: text/plain\r\n\r\n线索证据 " + n + "\r\n--" + boundary + "--\r\n";
				request.header("Content-Type", "multipart/form-data; boundary=" + boundary)
					.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
			}
			else {
				request.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(clue, StandardCharsets.UTF_8));
			}
			return send(n, request.build());
		}

		private Outcome send(int n, HttpRequest request) {
			try {
				HttpResponse<String> response = this.http.send(request,
						HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
				return new Outcome(n, response.statusCode(), response.body());
			}
			catch (IOException ex) {
				return new Outcome(n, -1, ex.toString());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return new Outcome(n, -1, ex.toString());
			}
		}

		private String nextClient() {
			int client = this.clients.incrementAndGet();
			return "198.18." + (client / 250) + "." + (client % 250 + 1);
		}

		@Override
		public void verify(String run, List<Outcome> outcomes) {
			JdbcTemplate jdbc = FaultsIT.this.jdbc;
			Map<Integer, Outcome> byNumber = new TreeMap<>();
			outcomes.forEach((outcome) -> byNumber.put(outcome.n(), outcome));
			List<Map<String, Object>> rows = jdbc.queryForList(
					"select id, clue_number, description, process_instance_id from clue where description like ?",
					run + "-%");
			Set<Integer> stored = new TreeSet<>();
			for (Map<String, Object> row : rows) {
				String description = (String) row.get("description");
				int n = Integer.parseInt(description.substring(run.length() + 1, description.indexOf(' ')));
				stored.add(n);
				long id = ((Number) row.get("id")).longValue();
				String number = (String) row.get("clue_number");
				String processInstanceId = (String) row.get("process_instance_id");
				String what = "clue " + number + " (request " + n + ")";
				assertThat(jdbc.queryForObject(
						"select count(*) from act_hi_procinst where id_ = ? and proc_def_key_ = ? and business_key_ = ?",
						Long.class, processInstanceId, ClueProcess.KEY, number))
					.as(what + " has its process, keyed by its number")
					.isEqualTo(1);
				assertThat(FaultsIT.this.runtimeService.getVariable(processInstanceId, ClueProcess.VAR_CLUE_ID))
					.as(what + ": the process knows the clue")
					.isEqualTo(id);
				assertThat(FaultsIT.this.taskService.createTaskQuery()
					.processInstanceId(processInstanceId)
					.taskDefinitionKey(ClueProcess.TASK_REGISTER)
					.count()).as(what + " waits at 受理登记").isEqualTo(1);
				assertThat(jdbc.queryForObject(
						"select count(*) from audit_event where action = 'CLUE_RECEIVED' and item_type = ? and item_id = ?",
						Long.class, ClueProcess.ITEM_TYPE, number))
					.as(what + " is audited once")
					.isEqualTo(1);
				assertThat(jdbc.queryForObject("select count(*) from attachment where item_type = ? and item_id = ?",
						Long.class, ClueProcess.ITEM_TYPE, number))
					.as(what + ": its attachments")
					.isEqualTo(withAttachment(n) ? 1 : 0);
				Outcome outcome = byNumber.get(n);
				assertThat(outcome.accepted()).as(what + " was answered 201: " + outcome).isTrue();
				JsonNode receipt = read(outcome.detail());
				assertThat(receipt.path("clueNumber").asText()).isEqualTo(number);
				HttpResponse<String> lookup = lookup(receipt.path("receiptCode").asText());
				assertThat(lookup.statusCode()).as(what + ": its receipt code finds it").isEqualTo(200);
				assertThat(read(lookup.body()).path("clueNumber").asText()).isEqualTo(number);
			}
			assertThat(stored).as("stored exactly what was answered 201").containsExactlyElementsOf(accepted(outcomes));
			assertThat(outcomes).filteredOn((outcome) -> !outcome.accepted())
				.as("a refused clue is answered with an error and a message")
				.allSatisfy((outcome) -> {
					assertThat(outcome.status()).isGreaterThanOrEqualTo(400);
					assertThat(outcome.detail()).isNotBlank();
				});
			assertThat(outcomes).filteredOn((outcome) -> !outcome.accepted())
				.as("a report refused for the lost database is told to come again, not shown an internal error")
				.allSatisfy((outcome) -> {
					assertThat(outcome.status()).isEqualTo(503);
					assertThat(outcome.detail()).contains(DatabaseUnavailable.MESSAGE_ZH);
				});
			assertThat(jdbc
				.queryForObject("select count(*) from clue c where not exists (select 1 from act_hi_procinst p"
						+ " where p.id_ = c.process_instance_id and p.proc_def_key_ = ? and p.business_key_ = c.clue_number)",
						Long.class, ClueProcess.KEY))
				.as("no clue without its process")
				.isZero();
			assertThat(jdbc.queryForObject(
					"select count(*) from act_hi_procinst p where p.proc_def_key_ = ?"
							+ " and not exists (select 1 from clue c where c.process_instance_id = p.id_)",
					Long.class, ClueProcess.KEY))
				.as("no clue process without its clue")
				.isZero();
			assertThat(jdbc.queryForObject(
					"select count(*) from attachment a where a.item_type = ?"
							+ " and not exists (select 1 from clue c where c.clue_number = a.item_id)",
					Long.class, ClueProcess.ITEM_TYPE))
				.as("no clue attachment without its clue")
				.isZero();
			assertThat(filesUnder(ATTACHMENTS)).as("a file for every attachment row and none without")
				.isEqualTo(jdbc.queryForObject("select count(*) from attachment", Long.class));
		}

		private HttpResponse<String> lookup(String receiptCode) {
			HttpRequest request = HttpRequest
				.newBuilder(URI.create("http://127.0.0.1:" + FaultsIT.this.port + "/api/public/clues/" + receiptCode))
				.timeout(Duration.ofSeconds(30))
				.header("X-Forwarded-For", nextClient())
				.GET()
				.build();
			try {
				return this.http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

		private JsonNode read(String body) {
			try {
				return this.json.readTree(body);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

	private static Set<Integer> accepted(List<Outcome> outcomes) {
		Set<Integer> accepted = new TreeSet<>();
		outcomes.stream().filter(Outcome::accepted).forEach((outcome) -> accepted.add(outcome.n()));
		return accepted;
	}

	private static long filesUnder(Path dir) {
		try (Stream<Path> files = Files.walk(dir)) {
			return files.filter(Files::isRegularFile).count();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static Path createTempDir() {
		try {
			return Files.createTempDirectory("rf-faults-attachments");
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Test beans: the breakable data source around the application's pool, a service step
	 * that can be made to fail, and an attachment policy for the uploads.
	 */
	@TestConfiguration
	static class Faults {

		static final String ITEM_TYPE = "fault-test";

		@Bean
		static BeanPostProcessor breakableDataSource() {
			return new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String beanName) {
					return (bean instanceof DataSource dataSource && beanName.equals("dataSource"))
							? new BreakableDataSource(dataSource) : bean;
				}
			};
		}

		@Bean
		FaultyStep faultyStep(AuditService audit, Notifier notifier) {
			return new FaultyStep(audit, notifier);
		}

		@Bean
		AttachmentAccessPolicy faultTestAttachments() {
			return new AttachmentAccessPolicy() {
				@Override
				public boolean supports(String itemType) {
					return ITEM_TYPE.equals(itemType);
				}

				@Override
				public boolean canView(String userId, String itemType, String itemId) {
					return true;
				}

				@Override
				public boolean canAttach(String userId, String itemType, String itemId) {
					return true;
				}
			};
		}

	}

	/**
	 * A service step that writes through real services (an audit row and a notification)
	 * and then, when told to, fails.
	 */
	public static class FaultyStep {

		final AtomicBoolean failing = new AtomicBoolean();

		private final AuditService audit;

		private final Notifier notifier;

		FaultyStep(AuditService audit, Notifier notifier) {
			this.audit = audit;
			this.notifier = notifier;
		}

		public void write(String key) {
			this.audit.record("FAULT_STEP_WRITTEN", "fault", key, null, "written");
			this.notifier.notifyUser(TestAdmin.USER, "故障注入 " + key, null);
			if (this.failing.get()) {
				throw new IllegalStateException("Fault injected after the domain write of " + key);
			}
		}

	}

}
