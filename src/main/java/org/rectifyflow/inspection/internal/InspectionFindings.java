package org.rectifyflow.inspection.internal;

import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.rectifyflow.audit.AuditService;
import org.rectifyflow.calendar.WorkingDayCalendar;
import org.rectifyflow.inspection.Finding;
import org.rectifyflow.inspection.FindingSink;
import org.rectifyflow.inspection.Inspection;
import org.rectifyflow.inspection.InspectionProcess;
import org.rectifyflow.kernel.Refusal;
import org.rectifyflow.notification.Notifier;
import org.rectifyflow.organisation.OrganisationService;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The findings of an inspection: recorded by the team during the field work, summed up
 * for the leader's report, and handed over to their owners ({@link FindingSink}) when the
 * inspection closes.
 */
@Service
class InspectionFindings {

	static final String ACTION_FINDING = "INSPECTION_FINDING_RECORDED";

	static final String ACTION_FINDING_HANDED_OVER = "INSPECTION_FINDING_HANDED_OVER";

	static final String ACTION_CLOSED = "INSPECTION_CLOSED";

	private final InspectionRepository inspections;

	private final FindingRepository findings;

	private final AuditService audit;

	private final Notifier notifier;

	private final WorkingDayCalendar calendar;

	private final ObjectProvider<FindingSink> sinks;

	private final OrganisationService organisation;

	InspectionFindings(InspectionRepository inspections, FindingRepository findings, AuditService audit,
			Notifier notifier, WorkingDayCalendar calendar, ObjectProvider<FindingSink> sinks,
			OrganisationService organisation) {
		this.inspections = inspections;
		this.findings = findings;
		this.audit = audit;
		this.notifier = notifier;
		this.calendar = calendar;
		this.sinks = sinks;
		this.organisation = organisation;
	}

	/** Stores one finding of a team member. */
	@Transactional
	Finding record(Long inspectionId, FindingInput input, String member) {
		Inspection inspection = inspection(inspectionId);
		if (inspection.getStatus() != Inspection.Status.FIELD_WORK) {
			throw Refusal.conflict("检查「" + inspection.getCode() + "」不在现场检查阶段，不能记录问题",
					"inspection " + inspection.getCode() + " is not in the field work");
		}
		int seq = (int) this.findings.countByInspectionId(inspectionId) + 1;
		Finding finding = this.findings.save(new Finding(inspectionId, seq, input.method(), input.place(),
				input.description(), input.unitCode(), input.type(), input.person(), input.category(), member, now()));
		this.audit.record(ACTION_FINDING, InspectionProcess.ITEM_TYPE, String.valueOf(inspectionId), null,
				"finding " + seq + " " + input.type() + " unit=" + input.unitCode() + " by " + member);
		return finding;
	}

	/**
	 * The findings as text, for the report form.
	 * @param inspectionId the inspection
	 * @return one line per finding, or a sentence saying there were none
	 */
	@Transactional(readOnly = true)
	String summary(Long inspectionId) {
		List<Finding> all = this.findings.findByInspectionIdOrderBySeqAsc(inspectionId);
		if (all.isEmpty()) {
			return "现场检查未发现问题。";
		}
		return all.stream()
			.map((f) -> f.getSeq() + ". [" + MethodNames.of(f.getMethod()) + "] "
					+ this.organisation.unitNames(List.of(f.getUnitCode())) + " " + f.getPlace() + "："
					+ f.getDescription() + "（" + (f.getType() == Finding.Type.CLUE ? "问题线索" : "单位问题") + "，"
					+ this.organisation.personLabel(f.getRecordedBy()) + "）")
			.collect(Collectors.joining("\n"));
	}

	/**
	 * {@code Task_Report} completed: closes the inspection with the leader's report and
	 * hands every finding over to its {@link FindingSink}.
	 * @param inspectionId the inspection
	 * @param reportSummary the leader's report
	 */
	@Transactional
	public void handOver(Long inspectionId, String reportSummary) {
		Inspection inspection = inspection(inspectionId);
		inspection.close(reportSummary.strip(), now());
		Map<Finding.Type, FindingSink> byType = new EnumMap<>(Finding.Type.class);
		this.sinks.orderedStream().forEach((sink) -> byType.putIfAbsent(sink.type(), sink));
		for (Finding finding : this.findings.findByInspectionIdOrderBySeqAsc(inspectionId)) {
			if (finding.getStatus() == Finding.Status.HANDED_OVER) {
				continue;
			}
			FindingSink sink = byType.get(finding.getType());
			FindingSink.Result result = (sink != null) ? sink.handOver(handOverOf(inspection, finding))
					: FindingSink.Result
						.pending((finding.getType() == Finding.Type.CLUE) ? "问题线索登记功能不可用，待移交" : "没有可接收问题的专项整治，待移交");
			if (result.created()) {
				finding.handedOver(result.ref(), result.id());
			}
			else {
				finding.pending(InspectionService.cut(result.note(), 500));
			}
			this.audit.record(ACTION_FINDING_HANDED_OVER, InspectionProcess.ITEM_TYPE, String.valueOf(inspectionId),
					null, "finding " + finding.getSeq() + " " + finding.getType() + " -> "
							+ (result.created() ? result.ref() : "PENDING: " + result.note()));
		}
		this.audit.record(ACTION_CLOSED, InspectionProcess.ITEM_TYPE, String.valueOf(inspectionId),
				Inspection.Status.REPORTING.name(), Inspection.Status.CLOSED.name());
		this.notifier.notifyUser(inspection.getPlanner(), "检查「" + inspection.getCode() + "」已办结，发现的问题已移交。",
				InspectionService.link(inspection));
	}

	private FindingSink.HandOver handOverOf(Inspection inspection, Finding finding) {
		return new FindingSink.HandOver(inspection.getCode(), inspection.getId(), finding.getId(),
				finding.getUnitCode(), finding.getMethod(), finding.getPlace(), finding.getDescription(),
				finding.getSubjectPerson(), finding.getCategoryCode(), finding.getRecordedBy(),
				"/api/attachments?itemType=" + InspectionProcess.ITEM_TYPE + "&itemId=" + inspection.getId());
	}

	private Inspection inspection(Long id) {
		return this.inspections.findById(id).orElseThrow(() -> Refusal.notFound("检查不存在", "no inspection " + id));
	}

	private OffsetDateTime now() {
		return ClockUtil.getCurrentTime().toInstant().atZone(this.calendar.zone()).toOffsetDateTime();
	}

}
