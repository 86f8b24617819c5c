package org.rectifyflow.notification.internal;

import org.rectifyflow.notification.Notifier;
import org.rectifyflow.notification.MailRecipientResolver;

import java.time.Instant;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.rectifyflow.deadline.DeadlinePattern;
import org.rectifyflow.deadline.DeadlineTemplateProcess;
import org.rectifyflow.deadline.EscalationProcess;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rectifyflow.testsupport.EngineClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest
class MailOutboxTest {

	private static final int SMTP_PORT = freePort();

	private static final GreenMail greenMail = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));

	@Autowired
	private Notifier notifier;

	@Autowired
	private MailDelivery mailDelivery;

	@Autowired
	private NotificationRepository notifications;

	@Autowired
	private OutboxMailRepository outbox;

	@Autowired
	private IdentityService identityService;

	@Autowired
	private RuntimeService runtimeService;

	@Autowired
	private ManagementService managementService;

	@Autowired
	private TaskService taskService;

	@Autowired
	private TransactionTemplate transaction;

	@RegisterExtension
	final EngineClock clock = EngineClock.realTime();

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP_PORT);
		registry.add("spring.mail.properties.mail.smtp.connectiontimeout", () -> "2000");
		registry.add("spring.mail.properties.mail.smtp.timeout", () -> "2000");
		registry.add("rectify.mail.retry-cycle", () -> "R2/PT1S");
		registry.add("rectify.public-url", () -> "https://zhengzhi.example.gov.cn/");
	}

	@BeforeEach
	void startMailServer() throws Exception {
		if (!greenMail.isRunning()) {
			greenMail.start();
		}
		greenMail.purgeEmailFromAllMailboxes();
	}

	@AfterEach
	void deleteUsers() {
		this.identityService.createUserQuery().list().forEach(u -> this.identityService.deleteUser(u.getId()));
	}

	@AfterAll
	static void stopMailServer() {
		greenMail.stop();
	}

	@Test
	void shouldDeliverMailOnceWhenTheJobExecutes() throws Exception {
		createUser("maila", "mail-a@example.org");

		this.transaction.executeWithoutResult((tx) -> this.notifier.notifyUser("maila", "请处理整改任务：问题 42", "/tasks/42"));

		OutboxMail queued = onlyMailTo("mail-a@example.org");
		assertThat(queued.getStatus()).isEqualTo(MailStatus.PENDING);
		assertThat(greenMail.getReceivedMessages()).isEmpty();
		ProcessInstance instance = deliveryOf(queued);
		assertThat(this.runtimeService.getVariables(instance.getId()))
			.containsOnlyKeys(MailDeliveryProcess.VAR_OUTBOX_ID);

		this.managementService.executeJob(jobOf(instance).getId());

		MimeMessage[] received = greenMail.getReceivedMessages();
		assertThat(received).hasSize(1);
		assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("mail-a@example.org");
		assertThat(received[0].getSubject()).contains("请处理整改任务");
		assertThat(this.outbox.findById(queued.getId()).orElseThrow().getStatus()).isEqualTo(MailStatus.SENT);
		assertThat(this.runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).count())
			.isZero();

		this.mailDelivery.send(queued.getId());
		assertThat(greenMail.getReceivedMessages()).hasSize(1);
	}

	@Test
	void shouldLinkTheItemPageWithTheConfiguredPublicAddress() throws Exception {
		createUser("maillink", "mail-link@example.org");

		this.transaction.executeWithoutResult(
				(tx) -> this.notifier.notifyUser("maillink", "整改事项「ZZ-2027-001-003」即将到期", "/items/ledger/8"));

		OutboxMail queued = onlyMailTo("mail-link@example.org");
		assertThat(queued.getBody()).contains("查看：https://zhengzhi.example.gov.cn/items/ledger/8\n");
		this.managementService.executeJob(jobOf(deliveryOf(queued)).getId());
		MimeMessage[] received = greenMail.getReceivedMessages();
		assertThat(received).hasSize(1);
		String body = String.valueOf(received[0].getContent());
		Matcher link = Pattern.compile("查看：(\\S+)").matcher(body);
		assertThat(link.find()).isTrue();
		assertThat(URI.create(link.group(1)).isAbsolute()).isTrue();
		assertThat(link.group(1)).isEqualTo("https://zhengzhi.example.gov.cn/items/ledger/8");
	}

	@Test
	void shouldKeepTheCallersWorkAndRaiseAnIncidentWhenTheMailServerIsDown() throws Exception {
		createUser("mailb", "mail-b@example.org");
		greenMail.stop();

		this.transaction.executeWithoutResult((tx) -> this.notifier.notifyUser("mailb", "督办通知", "/escalations/7"));

		assertThat(this.notifications.findByRecipientOrderByCreatedAtDescIdDesc("mailb", null)).hasSize(1);
		OutboxMail queued = onlyMailTo("mail-b@example.org");
		ProcessInstance instance = deliveryOf(queued);
		Job job = jobOf(instance);
		int attempts = 0;
		while (job.getRetries() > 0 && attempts < 10) {
			String jobId = job.getId();
			assertThatThrownBy(() -> this.managementService.executeJob(jobId)).isNotNull();
			attempts++;
			job = jobOf(instance);
		}
		assertThat(job.getRetries()).isZero();
		assertThat(attempts).isEqualTo(2);
		assertThat(this.runtimeService.createIncidentQuery().processInstanceId(instance.getId()).count()).isEqualTo(1);
		OutboxMail failed = this.outbox.findById(queued.getId()).orElseThrow();
		assertThat(failed.getStatus()).isEqualTo(MailStatus.FAILED);
		assertThat(failed.getAttempts()).isEqualTo(2);
		assertThat(failed.getLastError()).isNotBlank();

		greenMail.start();
		this.managementService.setJobRetries(job.getId(), 1);
		this.managementService.executeJob(job.getId());

		assertThat(greenMail.getReceivedMessages()).hasSize(1);
		OutboxMail sent = this.outbox.findById(queued.getId()).orElseThrow();
		assertThat(sent.getStatus()).isEqualTo(MailStatus.SENT);
		assertThat(sent.getAttempts()).isEqualTo(3);
		assertThat(sent.getSentAt()).isNotNull();
		assertThat(this.runtimeService.createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
	}

	@Test
	void shouldRecordTheEscalationWhileTheMailServerIsDownAndRaiseAnIncidentAfterTheRetries() throws Exception {
		createUser("supmail", "sup-mail@example.org");
		this.identityService.createMembership("supmail", "supervisors");
		greenMail.stop();
		this.clock.set(Instant.parse("2026-09-18T02:00:00Z"));
		try {
			ProcessInstance work = this.runtimeService.startProcessInstanceByKey(DeadlineTemplateProcess.KEY, "MAIL-1",
					Map.of(DeadlinePattern.VAR_DEADLINE_WORKING_DAYS, 1));
			Job deadline = this.managementService.createJobQuery()
				.processInstanceId(work.getId())
				.activityId(DeadlinePattern.TIMER_DEADLINE_PASSED)
				.singleResult();
			this.clock.set(new Date(deadline.getDuedate().getTime() + 1000));

			this.managementService.executeJob(deadline.getId());

			Task supervise = this.taskService.createTaskQuery()
				.taskDefinitionKey(EscalationProcess.TASK_SUPERVISE)
				.taskCandidateGroup("supervisors")
				.processInstanceBusinessKey("MAIL-1")
				.singleResult();
			assertThat(supervise).as("the 督办 task exists although mail is down").isNotNull();
			assertThat(this.runtimeService.getVariable(work.getId(), DeadlinePattern.VAR_OVERDUE)).isEqualTo(true);
			OutboxMail queued = onlyMailTo("sup-mail@example.org");
			ProcessInstance delivery = deliveryOf(queued);
			Job job = jobOf(delivery);
			while (job.getRetries() > 0) {
				String jobId = job.getId();
				assertThatThrownBy(() -> this.managementService.executeJob(jobId)).isNotNull();
				job = jobOf(delivery);
			}
			assertThat(this.runtimeService.createIncidentQuery().processInstanceId(delivery.getId()).count())
				.isEqualTo(1);
			assertThat(this.taskService.createTaskQuery().taskId(supervise.getId()).count())
				.as("the failed mail did not roll the escalation back")
				.isEqualTo(1);
			assertThat(this.taskService.createTaskQuery()
				.processInstanceId(work.getId())
				.taskDefinitionKey(DeadlineTemplateProcess.TASK_WORK)
				.count()).as("escalation never completes the work").isEqualTo(1);
		}
		finally {
			greenMail.start();
		}
	}

	@Test
	void shouldWriteNothingWhenTheCallerRollsBack() {
		createUser("mailc", "mail-c@example.org");

		this.transaction.executeWithoutResult((tx) -> {
			this.notifier.notifyUser("mailc", "不会发送", null);
			tx.setRollbackOnly();
		});

		assertThat(this.notifications.countByRecipientAndReadAtIsNull("mailc")).isZero();
		assertThat(this.outbox.findAll()).noneMatch((m) -> m.getRecipient().equals("mail-c@example.org"));
	}

	@Test
	void shouldMailEveryMemberWithAnAddressWhenNotifyingAGroup() {
		createUser("maild", "mail-d@example.org");
		createUser("maile", null);
		this.identityService.saveGroup(this.identityService.newGroup("mailgroup"));
		this.identityService.createMembership("maild", "mailgroup");
		this.identityService.createMembership("maile", "mailgroup");
		try {
			this.transaction.executeWithoutResult((tx) -> this.notifier.notifyGroup("mailgroup", "新的问题线索", null));

			assertThat(this.notifications.countByRecipientAndReadAtIsNull("maild")).isEqualTo(1);
			assertThat(this.notifications.countByRecipientAndReadAtIsNull("maile")).isEqualTo(1);
			assertThat(this.outbox.findAll()).filteredOn((m) -> m.getSubject().contains("新的问题线索"))
				.extracting(OutboxMail::getRecipient)
				.containsExactly("mail-d@example.org");
		}
		finally {
			this.identityService.deleteGroup("mailgroup");
		}
	}

	@Test
	void shouldKeepOnlyTheReferenceOfAConfidentialRecipientAndSendToTheResolvedAddress() throws Exception {
		this.transaction
			.executeWithoutResult((tx) -> this.notifier.mailConfidential("test-person:a", "办理结果反馈", "您反映的问题已办结。"));

		OutboxMail queued = onlyMailTo("test-person:a");
		assertThat(this.outbox.findAll()).noneMatch((m) -> m.getRecipient().contains("confidential-a"));
		this.managementService.executeJob(jobOf(deliveryOf(queued)).getId());

		MimeMessage[] received = greenMail.getReceivedMessages();
		assertThat(received).hasSize(1);
		assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("confidential-a@example.org");
		assertThat(this.outbox.findById(queued.getId()).orElseThrow().getStatus()).isEqualTo(MailStatus.SENT);
	}

	@Test
	void shouldNameOnlyTheReferenceWhenAConfidentialMailFails() {
		this.transaction
			.executeWithoutResult((tx) -> this.notifier.mailConfidential("test-person:b", "办理结果反馈", "您反映的问题已办结。"));
		OutboxMail queued = onlyMailTo("test-person:b");
		Job job = jobOf(deliveryOf(queued));

		assertThatThrownBy(() -> this.managementService.executeJob(job.getId()))
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContainIgnoringCase("confidential b"));

		Job failed = jobOf(deliveryOf(queued));
		assertThat(failed.getExceptionMessage()).doesNotContainIgnoringCase("confidential b");
		assertThat(this.managementService.getJobExceptionStacktrace(failed.getId()))
			.doesNotContainIgnoringCase("confidential b");
		assertThat(this.outbox.findById(queued.getId()).orElseThrow().getLastError()).contains("test-person:b")
			.doesNotContainIgnoringCase("confidential b");
	}

	@Test
	void shouldRefuseAReferenceThatNoResolverKnowsOrAnAddress() {
		assertThatThrownBy(() -> this.transaction
			.executeWithoutResult((tx) -> this.notifier.mailConfidential("nobody:1", "主题", "正文")))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> this.transaction
			.executeWithoutResult((tx) -> this.notifier.mailConfidential("test-person:a@example.org", "主题", "正文")))
			.isInstanceOf(IllegalArgumentException.class);
	}

	/**
	 * Confidential test recipients: {@code a} has a good address, {@code b} a broken one.
	 */
	@TestConfiguration
	static class TestRecipients {

		@Bean
		MailRecipientResolver testPeople() {
			return new MailRecipientResolver() {

				@Override
				public boolean supports(String reference) {
					return reference.startsWith("test-person:");
				}

				@Override
				public Optional<String> address(String reference) {
					return Optional
						.of(reference.endsWith(":a") ? "confidential-a@example.org" : "confidential b@@example.org");
				}

			};
		}

	}

	@Test
	void shouldRefuseToRunOutsideATransaction() {
		assertThatThrownBy(() -> this.notifier.mailExternal("commission@example.org", "主题", "正文"))
			.isInstanceOf(org.springframework.transaction.IllegalTransactionStateException.class);
	}

	private void createUser(String id, String email) {
		User user = this.identityService.newUser(id);
		user.setFirstName(id);
		user.setEmail(email);
		this.identityService.saveUser(user);
	}

	private OutboxMail onlyMailTo(String address) {
		List<OutboxMail> mails = this.outbox.findAll()
			.stream()
			.filter((m) -> m.getRecipient().equals(address))
			.toList();
		assertThat(mails).hasSize(1);
		return mails.get(0);
	}

	private ProcessInstance deliveryOf(OutboxMail mail) {
		ProcessInstance instance = this.runtimeService.createProcessInstanceQuery()
			.processDefinitionKey(MailDeliveryProcess.KEY)
			.processInstanceBusinessKey(String.valueOf(mail.getId()))
			.singleResult();
		assertThat(instance).isNotNull();
		return instance;
	}

	private Job jobOf(ProcessInstance instance) {
		return this.managementService.createJobQuery().processInstanceId(instance.getId()).singleResult();
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
