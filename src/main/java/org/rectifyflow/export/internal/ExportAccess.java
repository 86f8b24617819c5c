package org.rectifyflow.export.internal;

import org.rectifyflow.identity.Membership;
import org.rectifyflow.identity.Roles;
import org.rectifyflow.kernel.Refusal;

import org.springframework.stereotype.Component;

/**
 * Who may download the campaign's ledger and report: {@link Roles#FIGURE_READERS} (the
 * campaign office, supervisors, the party group and the discipline group); unit handlers
 * may not. Only the campaign office edits the report's narrative.
 */
@Component
public class ExportAccess {

	private final Membership membership;

	ExportAccess(Membership membership) {
		this.membership = membership;
	}

	public void checkReader(String userId) {
		if (!this.membership.of(userId).isAnyOf(Roles.FIGURE_READERS)) {
			throw Refusal.forbidden("只有整治办、督办人员、局党组和派驻纪检组可以导出整改台账和工作报告",
					"only the campaign office, supervisors, the party group and the discipline group may export");
		}
	}

	public void checkEditor(String userId) {
		if (!this.membership.of(userId).isIn(Roles.CAMPAIGN_OFFICE)) {
			throw Refusal.forbidden("只有整治办可以编辑工作报告", "only the campaign office may edit the report");
		}
	}

	public void checkImporter(String userId) {
		if (!this.membership.of(userId).isIn(Roles.CAMPAIGN_OFFICE)) {
			throw Refusal.forbidden("只有整治办可以导入整改台账", "only the campaign office may import a ledger");
		}
	}

}
