package org.rectifyflow.recommendation;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.rectifyflow.engine.SystemAuthority;
import org.rectifyflow.identity.Roles;
import org.rectifyflow.organisation.Unit;

import org.springframework.stereotype.Component;

/**
 * Who may see which letter: the discipline group every letter; the supervising groups
 * issued letters; a unit's staff and its recorded leader the issued letters to their
 * unit. Drafts are not shown outside the discipline group (404).
 */
@Component
class RecommendationAccess {

	static final Set<String> INSIDERS = Set.of(Roles.DISCIPLINE_GROUP, Roles.DISCIPLINE_LEAD, Roles.ADMIN);

	static final Set<String> OVERSEERS = Set.of(Roles.SUPERVISORS, Roles.CAMPAIGN_OFFICE, Roles.PARTY_GROUP);

	private final IdentityService identityService;

	private final SystemAuthority systemAuthority;

	RecommendationAccess(IdentityService identityService, SystemAuthority systemAuthority) {
		this.identityService = identityService;
		this.systemAuthority = systemAuthority;
	}

	Viewer viewer(String userId) {
		List<String> groups = this.systemAuthority.call(() -> this.identityService.createGroupQuery()
			.groupMember(userId)
			.list()
			.stream()
			.map(Group::getId)
			.toList());
		return new Viewer(userId, groups.stream().anyMatch(INSIDERS::contains),
				groups.stream().anyMatch(OVERSEERS::contains),
				groups.stream()
					.filter((g) -> g.startsWith(Unit.GROUP_PREFIX))
					.map((g) -> g.substring(Unit.GROUP_PREFIX.length()))
					.collect(Collectors.toUnmodifiableSet()));
	}

	record Viewer(String userId, boolean insider, boolean overseer, Set<String> units) {

		boolean canView(RecommendationLetter letter) {
			if (this.insider) {
				return true;
			}
			if (!letter.isIssued()) {
				return false;
			}
			return this.overseer || this.units.contains(letter.getUnitCode())
					|| this.userId.equals(letter.getRecipient());
		}

		/** The unit adds evidence while its reply is due. */
		boolean canAttach(RecommendationLetter letter) {
			return letter.getStatus() == RecommendationLetter.Status.ISSUED
					&& (this.units.contains(letter.getUnitCode()) || this.userId.equals(letter.getRecipient()));
		}

	}

}
