package org.rectifyflow.organisation;

import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.rectifyflow.engine.SystemAuthority;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read access to the organisation: units, their leaders and staff (members of the unit's
 * group). Memberships are read on the application's behalf, whoever is logged in: a
 * unit's staff and a user's groups are small, and the engine's result limit for users
 * ({@code queryMaxResultsLimit}) refuses unbounded lists.
 */
@Service
@Transactional(readOnly = true)
public class OrganisationService {

	/** The administrators' group, which says nothing about where a person works. */
	private static final String ADMIN_GROUP = "camunda-admin";

	private final UnitRepository units;

	private final IdentityService identityService;

	private final SystemAuthority systemAuthority;

	OrganisationService(UnitRepository units, IdentityService identityService, SystemAuthority systemAuthority) {
		this.units = units;
		this.identityService = identityService;
		this.systemAuthority = systemAuthority;
	}

	/**
	 * @return the active units ordered by code
	 */
	public List<Unit> activeUnits() {
		return this.units.findByActiveTrueOrderByCode();
	}

	/**
	 * @param code the unit code
	 * @return the unit, if it exists
	 */
	public Optional<Unit> findUnit(String code) {
		return (code != null) ? this.units.findById(code) : Optional.empty();
	}

	/**
	 * @param code the unit code
	 * @return the user ids of the unit's staff, ordered
	 */
	public List<String> staffOf(String code) {
		return this.systemAuthority.call(() -> this.identityService.createUserQuery()
			.memberOfGroup(Unit.GROUP_PREFIX + code)
			.orderByUserId()
			.asc()
			.list()
			.stream()
			.map(User::getId)
			.toList());
	}

	/**
	 * @param userId a user id
	 * @return the codes of the units whose group the user belongs to
	 */
	public List<String> unitsOf(String userId) {
		return this.systemAuthority.call(() -> this.identityService.createGroupQuery()
			.groupMember(userId)
			.list()
			.stream()
			.map(g -> g.getId())
			.filter(id -> id.startsWith(Unit.GROUP_PREFIX))
			.map(id -> id.substring(Unit.GROUP_PREFIX.length()))
			.sorted()
			.toList());
	}

	/**
	 * A person as forms, pages, Tasklist and messages show them: name and unit,
	 * 「孙晓明（办公室）」; someone without a unit by name and role groups, 「张正明（派驻纪检组）」. This is
	 * the one place that turns a user id into what a person reads.
	 * @param userId a user id
	 * @return the label; the user id if the user is unknown, {@code null} for
	 * {@code null}
	 */
	public String personLabel(String userId) {
		if (userId == null || userId.isBlank()) {
			return null;
		}
		String name = personName(userId);
		String places = placesOf(userId);
		return places.isEmpty() ? name : name + "（" + places + "）";
	}

	/**
	 * A person's name without the unit: 「孙晓明」.
	 * @param userId a user id, not {@code null}
	 * @return the name; the user id if the user is unknown or has no name
	 */
	public String personName(String userId) {
		User user = this.systemAuthority
			.call(() -> this.identityService.createUserQuery().userId(userId).singleResult());
		if (user == null) {
			return userId;
		}
		// the first name holds the whole name; the last name, where set, the unit or role
		if (user.getFirstName() != null && !user.getFirstName().isBlank()) {
			return user.getFirstName().strip();
		}
		return (user.getLastName() != null && !user.getLastName().isBlank()) ? user.getLastName().strip() : userId;
	}

	/**
	 * Where a person works, as the label after the name shows it: the names of the user's
	 * units, 「办公室」, or else of its role groups, 「派驻纪检组」.
	 * @param userId a user id, not {@code null}
	 * @return the names separated by 、, empty if there are none
	 */
	public String placesOf(String userId) {
		List<Group> groups = this.systemAuthority
			.call(() -> this.identityService.createGroupQuery().groupMember(userId).orderByGroupId().asc().list());
		List<String> unitNames = groups.stream()
			.filter((g) -> g.getId().startsWith(Unit.GROUP_PREFIX))
			.map((g) -> findUnit(g.getId().substring(Unit.GROUP_PREFIX.length())))
			.flatMap(Optional::stream)
			.map(Unit::getName)
			.toList();
		if (!unitNames.isEmpty()) {
			return String.join("、", unitNames);
		}
		return String.join("、",
				groups.stream()
					.filter((g) -> !ADMIN_GROUP.equals(g.getId()))
					.map(Group::getName)
					.filter((n) -> n != null && !n.isBlank())
					.toList());
	}

	/**
	 * Units as forms and messages show them: their names, 「办公室、财务科」.
	 * @param codes unit codes
	 * @return the names, in the given order; an unknown code as it is
	 */
	public String unitNames(java.util.Collection<String> codes) {
		return String.join("、", codes.stream().map((code) -> findUnit(code).map(Unit::getName).orElse(code)).toList());
	}

}
