package org.rectifyflow.identity;

import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.rectifyflow.engine.SystemAuthority;
import org.rectifyflow.organisation.Unit;

import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The one place that knows who a user is in the organisation: its groups, the units it
 * works for and its roles. Feature access policies ask this service instead of querying
 * Camunda's groups themselves. Within one HTTP request the answer for a user is computed
 * once.
 */
@Service
public class Membership {

	private static final String CACHE_PREFIX = Membership.class.getName() + ".";

	private final IdentityService identityService;

	private final SystemAuthority systemAuthority;

	Membership(IdentityService identityService, SystemAuthority systemAuthority) {
		this.identityService = identityService;
		this.systemAuthority = systemAuthority;
	}

	/**
	 * What the organisation knows of a user.
	 * @param userId the user, may be {@code null} (nobody: no groups)
	 * @return the user's groups and units
	 */
	public Member of(String userId) {
		if (userId == null || userId.isBlank()) {
			return new Member(userId, Set.of(), Set.of());
		}
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request != null && request.getAttribute(CACHE_PREFIX + userId,
				RequestAttributes.SCOPE_REQUEST) instanceof Member cached) {
			return cached;
		}
		Member member = load(userId);
		if (request != null) {
			request.setAttribute(CACHE_PREFIX + userId, member, RequestAttributes.SCOPE_REQUEST);
		}
		return member;
	}

	private Member load(String userId) {
		Set<String> groups = this.systemAuthority.call(() -> this.identityService.createGroupQuery()
			.groupMember(userId)
			.list()
			.stream()
			.map(Group::getId)
			.collect(Collectors.toUnmodifiableSet()));
		Set<String> units = groups.stream()
			.filter((g) -> g.startsWith(Unit.GROUP_PREFIX))
			.map((g) -> g.substring(Unit.GROUP_PREFIX.length()))
			.collect(Collectors.toUnmodifiableSet());
		return new Member(userId, groups, units);
	}

	/**
	 * A user with its groups and the codes of the units it works for.
	 *
	 * @param userId the user
	 * @param groups its Camunda groups
	 * @param units the codes of its units ({@code u1} for group {@code unit-u1})
	 */
	public record Member(String userId, Set<String> groups, Set<String> units) {

		/**
		 * @param group a group id, e.g. {@link Roles#DISCIPLINE_GROUP}
		 * @return whether the user is a member of it
		 */
		public boolean isIn(String group) {
			return this.groups.contains(group);
		}

		/**
		 * @param roleSet one of the named role sets of {@link Roles}
		 * @return whether the user is in any group of the set
		 */
		public boolean isAnyOf(Set<String> roleSet) {
			return this.groups.stream().anyMatch(roleSet::contains);
		}

		/**
		 * @param unitCode a unit code, e.g. {@code u1}
		 * @return whether the user works for that unit
		 */
		public boolean worksFor(String unitCode) {
			return unitCode != null && this.units.contains(unitCode);
		}

		/**
		 * @return whether the user is an administrator
		 */
		public boolean isAdmin() {
			return isIn(Roles.ADMIN);
		}

	}

}
