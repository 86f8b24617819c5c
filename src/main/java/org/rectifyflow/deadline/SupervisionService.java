package org.rectifyflow.deadline;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.rectifyflow.audit.AuditService;
import org.rectifyflow.calendar.WorkingDayCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Supervision notices (督办单): raised by the escalation ladder, resolved when the work they
 * concern ends. BPMN calls {@link #resolveAll(String)} from the {@code end} listener of a
 * work subprocess.
 */
@Service("supervisionService")
public class SupervisionService {

	static final String ITEM_TYPE = "supervision-notice";

	private static final Logger logger = LoggerFactory.getLogger(SupervisionService.class);

	private final SupervisionNoticeRepository notices;

	private final AuditService audit;

	private final ZoneId zone;

	SupervisionService(SupervisionNoticeRepository notices, AuditService audit, WorkingDayCalendar calendar) {
		this.notices = notices;
		this.audit = audit;
		this.zone = calendar.zone();
	}

	/**
	 * Records an OPEN notice for a level that goes to a Camunda group.
	 * @param processDefinitionKey the key of the overdue process
	 * @param processInstanceId the overdue process instance
	 * @param businessKey its business key
	 * @param level the escalation level
	 * @param group the escalation group
	 * @param deadline the deadline that passed
	 * @param passedFromLevel the first level passed while nothing ran and covered by this
	 * one, or {@code null}
	 * @return the stored notice
	 */
	@Transactional
	SupervisionNotice raiseToGroup(String processDefinitionKey, String processInstanceId, String businessKey, int level,
			String group, Instant deadline, Integer passedFromLevel) {
		return raised(covering(SupervisionNotice.toGroup(processDefinitionKey, processInstanceId, businessKey, level,
				group, at(deadline), now()), passedFromLevel));
	}

	/**
	 * Records an OPEN notice for a level that goes to an external recipient.
	 * @param processDefinitionKey the key of the overdue process
	 * @param processInstanceId the overdue process instance
	 * @param businessKey its business key
	 * @param level the escalation level
	 * @param recipient the configured name of the external recipient
	 * @param deadline the deadline that passed
	 * @param passedFromLevel the first level passed while nothing ran and covered by this
	 * one, or {@code null}
	 * @return the stored notice
	 */
	@Transactional
	SupervisionNotice raiseToExternal(String processDefinitionKey, String processInstanceId, String businessKey,
			int level, String recipient, Instant deadline, Integer passedFromLevel) {
		return raised(covering(SupervisionNotice.toExternal(processDefinitionKey, processInstanceId, businessKey, level,
				recipient, at(deadline), now()), passedFromLevel));
	}

	private SupervisionNotice covering(SupervisionNotice notice, Integer passedFromLevel) {
		if (passedFromLevel != null) {
			notice.coverPassedLevels(passedFromLevel);
		}
		return this.notices.save(notice);
	}

	private SupervisionNotice raised(SupervisionNotice notice) {
		this.audit.record("SUPERVISION_NOTICE_RAISED", ITEM_TYPE, String.valueOf(notice.getId()), null,
				describe(notice));
		return notice;
	}

	/**
	 * Resolves every OPEN notice of a process instance, because its work has ended.
	 * Called by the {@code end} listener of the work subprocess.
	 * @param processInstanceId the process instance whose work ended
	 * @return the number of notices resolved
	 */
	@Transactional
	public int resolveAll(String processInstanceId) {
		List<SupervisionNotice> open = this.notices.findByProcessInstanceIdAndStatusOrderByIdAsc(processInstanceId,
				SupervisionNotice.Status.OPEN);
		OffsetDateTime now = now();
		for (SupervisionNotice notice : open) {
			notice.resolve(now);
			this.audit.record("SUPERVISION_NOTICE_RESOLVED", ITEM_TYPE, String.valueOf(notice.getId()),
					SupervisionNotice.Status.OPEN.name(), SupervisionNotice.Status.RESOLVED.name());
		}
		if (!open.isEmpty()) {
			logger.info("Resolved {} supervision notice(s) of process instance {}", open.size(), processInstanceId);
		}
		return open.size();
	}

	/**
	 * @param processInstanceId a process instance id
	 * @return its notices, oldest first
	 */
	@Transactional(readOnly = true)
	public List<SupervisionNotice> notices(String processInstanceId) {
		return this.notices.findByProcessInstanceIdOrderByIdAsc(processInstanceId);
	}

	/**
	 * @param processInstanceId a process instance id
	 * @return its OPEN notices, oldest first
	 */
	@Transactional(readOnly = true)
	public List<SupervisionNotice> openNotices(String processInstanceId) {
		return this.notices.findByProcessInstanceIdAndStatusOrderByIdAsc(processInstanceId,
				SupervisionNotice.Status.OPEN);
	}

	private static String describe(SupervisionNotice notice) {
		String recipient = (notice.getEscalationGroup() != null) ? notice.getEscalationGroup()
				: EscalationProperties.EXTERNAL_PREFIX + notice.getExternalRecipient();
		return "level " + notice.getLevel() + " to " + recipient + " for " + notice.getProcessDefinitionKey() + " "
				+ notice.getProcessInstanceId();
	}

	private OffsetDateTime now() {
		return at(ClockUtil.getCurrentTime().toInstant());
	}

	private OffsetDateTime at(Instant instant) {
		return instant.atZone(this.zone).toOffsetDateTime();
	}

}
