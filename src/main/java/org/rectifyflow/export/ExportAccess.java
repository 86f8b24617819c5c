package org.rectifyflow.export;

import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.rectifyflow.engine.SystemAuthority;
import org.rectifyflow.identity.Roles;
import org.rectifyflow.kernel.Refusal;

import org.springframework.stereotype.Component;

/**
 * Who may download the campaign's ledger and report: the campaign office, supervisors,
 * the party group and the discipline group; unit handlers may not. Only the campaign
 * office edits the report's narrative.
 */
@Component
class ExportAccess {

	static final Set<String> READERS = Set.of(Roles.CAMPAIGN_OFFICE, Roles.SUPERVISORS, Roles.PARTY_GROUP,
			Roles.DISCIPLINE_GROUP);

	private final IdentityService identityService;

	private final SystemAuthority systemAuthority;

	ExportAccess(IdentityService identityService, SystemAuthority systemAuthority) {
		this.identityService = identityService;
		this.systemAuthority = systemAuthority;
	}

	void checkReader(String userId) {
		if (groups(userId).stream().noneMatch(READERS::contains)) {
			throw Refusal.forbidden("只有整治办、督办人员、局党组和派驻纪检组可以导出整改台账和工作报告",
					"only the campaign office, supervisors, the party group and the discipline group may export");
		}
	}

	void checkEditor(String userId) {
		if (!groups(userId).contains(Roles.CAMPAIGN_OFFICE)) {
			throw Refusal.forbidden("只有整治办可以编辑工作报告", "only the campaign office may edit the report");
		}
	}

	void checkImporter(String userId) {
		if (!groups(userId).contains(Roles.CAMPAIGN_OFFICE)) {
			throw Refusal.forbidden("只有整治办可以导入整改台账", "only the campaign office may import a ledger");
		}
	}

	private List<String> groups(String userId) {
		return (userId == null) ? List.of()
				: this.systemAuthority.call(() -> this.identityService.createGroupQuery()
					.groupMember(userId)
					.list()
					.stream()
					.map(Group::getId)
					.toList());
	}

}
