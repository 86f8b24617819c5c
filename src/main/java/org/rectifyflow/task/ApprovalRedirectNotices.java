package org.rectifyflow.task;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.rectifyflow.engine.SystemAuthority;
import org.rectifyflow.notification.Notifier;
import org.rectifyflow.pages.ItemLinks;
import org.rectifyflow.taskrules.ApprovalRedirected;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells both sides when an approval went to the next level because nobody but its
 * proposers could approve it: the members of the new group (the proposers excepted) that
 * it waits for them, the proposers where it went.
 */
@Component
class ApprovalRedirectNotices {

	/** More members than any group of the organisation has. */
	private static final int MAX_MEMBERS = 1000;

	private final IdentityService identityService;

	private final SystemAuthority system;

	private final Notifier notifier;

	ApprovalRedirectNotices(IdentityService identityService, SystemAuthority system, Notifier notifier) {
		this.identityService = identityService;
		this.system = system;
		this.notifier = notifier;
	}

	@EventListener
	void redirected(ApprovalRedirected event) {
		String item = "「" + event.taskName() + "」"
				+ ((event.businessKey() != null) ? "（" + event.businessKey() + "）" : "");
		String link = TaskChecks.TASKLIST_LINK + event.taskId();
		String groupName = this.system.call(() -> {
			Group group = this.identityService.createGroupQuery().groupId(event.toGroup()).singleResult();
			return (group != null && group.getName() != null) ? group.getName() : event.toGroup();
		});
		List<User> members = this.system
			.call(() -> this.identityService.createUserQuery().memberOfGroup(event.toGroup()).listPage(0, MAX_MEMBERS));
		for (User member : members) {
			if (!event.proposers().contains(member.getId())) {
				this.notifier.notifyUser(member.getId(), item + "的提出人不能审批本人的意见（四眼原则），已转由" + groupName + "审批，请办理", link);
			}
		}
		for (String proposer : event.proposers()) {
			this.notifier.notifyUser(proposer, "您提出的" + item + "无其他人可以审批，已按审批层级转由" + groupName + "审批",
					ItemLinks.process(event.processInstanceId()));
		}
	}

}
