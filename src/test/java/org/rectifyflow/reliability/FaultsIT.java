package org.rectifyflow.reliability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.rectifyflow.attachment.AttachmentAccessPolicy;
import org.rectifyflow.audit.AuditService;
import org.rectifyflow.notification.Notifier;
import org.rectifyflow.testsupport.PostgresIntegrationTest;
import org.rectifyflow.testsupport.TestAdmin;

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
 * pair a domain row with a process instance or a file. The clue intake (a clue row and
 * its {@code clue} process instance, {@code POST /api/public/clues}) is added there as
 * one more {@link Intake} when the clue feature is merged.
 */
@PostgresIntegrationTest
@Import(FaultsIT.Faults.class)
class FaultsIT {

	static final String FAULTY_PROCESS = "faultyStep";

	static final Path ATTACHMENTS = createTempDir();

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
			try {
				for (int n = 0; n < 60; n++) {
					outcomes.add(intake.submit(run, n));
				}
			}
			finally {
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
	 * The write paths that pair a domain row with something else that must exist with it.
	 */
	List<Intake> intakes() {
		return List.of(new OutboxMailIntake(), new AttachmentUploadIntake());
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
			assertThat(outcomes).filteredOn((outcome) -> !outcome.accepted())
				.allSatisfy((outcome) -> assertThat(outcome.status()).isNotEqualTo(-1));
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
