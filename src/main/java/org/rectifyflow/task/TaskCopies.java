package org.rectifyflow.task;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.task.Task;
import org.rectifyflow.audit.AuditService;
import org.rectifyflow.kernel.Paging;
import org.rectifyflow.kernel.Refusal;
import org.rectifyflow.notification.Notifier;
import org.rectifyflow.task.TaskOperations.CcView;
import org.rectifyflow.taskrules.CopyReaders;
import org.rectifyflow.taskrules.CopyRecipients;
import org.rectifyflow.taskrules.TaskOperationRules.Operation;
import org.rectifyflow.pages.ItemLinks;

import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 抄送: copies a task's information to users who read it without acting on it, and the
 * copies a user received.
 */
@Service
@Transactional
public class TaskCopies implements CopyRecipients {

	static final int MAX_RECIPIENTS = 50;

	/** The audit item type of a process instance, whose events every item page shows. */
	static final String PROCESS_INSTANCE_ITEM_TYPE = "process-instance";

	private final TaskCcRepository copies;

	private final Notifier notifier;

	private final TaskChecks checks;

	private final AuditService audit;

	private final Clock clock = Clock.systemDefaultZone();

	TaskCopies(TaskCcRepository copies, Notifier notifier, TaskChecks checks, AuditService audit) {
		this.copies = copies;
		this.notifier = notifier;
		this.checks = checks;
		this.audit = audit;
	}

	/**
	 * 抄送: copies the task's information to users who read it without acting.
	 * @param taskId the task
	 * @param userId the acting user
	 * @param recipients the users to copy (not the acting user)
	 * @param note a note (optional)
	 * @return the number of copies made
	 */
	public int copy(String taskId, String userId, List<String> recipients, String note) {
		if (recipients == null || recipients.isEmpty()) {
			throw Refusal.invalid("请选择抄送对象。", "Recipients are required");
		}
		if (recipients.size() > MAX_RECIPIENTS) {
			throw Refusal.invalid("一次最多抄送 " + MAX_RECIPIENTS + " 人。", "At most " + MAX_RECIPIENTS + " recipients");
		}
		TaskChecks.requireAtMost(note, 1000, "抄送说明", "note");
		Task task = this.checks.permit(taskId, userId, Operation.CC, "您不能抄送此任务。", "You may not copy this task").task();
		Set<String> targets = new LinkedHashSet<>(recipients);
		targets.remove(userId);
		targets.forEach(this.checks::requireUser);
		String businessKey = this.checks.businessKey(task.getProcessInstanceId());
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		for (String target : targets) {
			TaskCc cc = this.copies.save(new TaskCc(taskId, task.getProcessInstanceId(), businessKey, task.getName(),
					userId, target, note, now));
			this.checks.record("TASK_COPIED", taskId, null, target, note);
			this.notifier.notifyUser(target,
					this.checks.userName(userId) + " 抄送给您：「" + task.getName() + "」"
							+ ((businessKey != null) ? "（" + businessKey + "）" : ""),
					ItemLinks.process(task.getProcessInstanceId()));
		}
		return targets.size();
	}

	/**
	 * The copies sent to the user, newest first.
	 * @param userId the user
	 * @param unreadOnly only unread copies
	 * @param page zero-based page
	 * @param size page size (at most 100)
	 * @return the copies
	 */
	@Transactional(readOnly = true)
	public List<CcView> copiesFor(String userId, boolean unreadOnly, int page, int size) {
		var pageable = Paging.of(Math.max(page, 0), Math.min(Math.max(size, 1), 100), Sort.unsorted());
		var result = unreadOnly ? this.copies.findByToUserAndReadAtIsNullOrderByCreatedAtDescIdDesc(userId, pageable)
				: this.copies.findByToUserOrderByCreatedAtDescIdDesc(userId, pageable);
		return result.map(CcView::of).getContent();
	}

	@Override
	@Transactional(readOnly = true)
	public boolean wasCopied(String userId, String processInstanceId) {
		return userId != null && processInstanceId != null
				&& this.copies.existsByToUserAndProcessInstanceId(userId, processInstanceId);
	}

	/**
	 * The read-only view of a copy for its recipient: what was copied, with the task as
	 * it is now or was when it ended. Reading it marks it read and is recorded in the
	 * task's audit trail and in the item's (its process instance's events, which the
	 * item's page shows), as {@link CopyReaders#READ_AS_COPY_RECIPIENT}.
	 * @param id the copy
	 * @param userId its recipient
	 * @return the copy and its task
	 */
	public CopiedTask read(Long id, String userId) {
		TaskCc cc = this.copies.findByIdAndToUser(id, userId)
			.orElseThrow(() -> Refusal.notFound("未找到该抄送。", "No such copy"));
		cc.markRead(OffsetDateTime.now(this.clock));
		this.checks.record("TASK_COPY_READ", cc.getTaskId(), null, userId, null);
		// The item's own trail, as when the item page is opened through the copy: every
		// item page shows the events of its process instance.
		this.audit.recordAs(userId, CopyReaders.READ_AS_COPY_RECIPIENT, PROCESS_INSTANCE_ITEM_TYPE,
				cc.getProcessInstanceId(), null, userId, "task=" + cc.getTaskId());
		return new CopiedTask(CcView.of(cc), this.checks.taskState(cc.getTaskId()));
	}

	/**
	 * A copy with its task, read-only.
	 *
	 * @param copy the copy
	 * @param task the task's state now
	 */
	public record CopiedTask(CcView copy, TaskOperations.TaskState task) {
	}

	/**
	 * Marks a copy as read.
	 * @param id the copy
	 * @param userId its recipient
	 * @return the copy
	 */
	public CcView markCopyRead(Long id, String userId) {
		TaskCc cc = this.copies.findByIdAndToUser(id, userId)
			.orElseThrow(() -> Refusal.notFound("未找到该抄送。", "No such copy"));
		cc.markRead(OffsetDateTime.now(this.clock));
		return CcView.of(cc);
	}

}
