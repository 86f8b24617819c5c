package org.rectifyflow.organisation;

import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
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
	 * A person as forms and messages show them: name and unit, 「孙晓明（办公室）」.
	 * @param userId a user id
	 * @return the label; the user id if the user is unknown, {@code null} for
	 * {@code null}
	 */
	public String personLabel(String userId) {
		if (userId == null || userId.isBlank()) {
			return null;
		}
		User user = this.systemAuthority
			.call(() -> this.identityService.createUserQuery().userId(userId).singleResult());
		String name = (user == null) ? userId : (((user.getFirstName() != null) ? user.getFirstName() : "")
				+ ((user.getLastName() != null) ? user.getLastName() : ""));
		if (name.isBlank()) {
			name = userId;
		}
		List<String> unitNames = unitsOf(userId).stream()
			.map((code) -> findUnit(code).map(Unit::getName).orElse(code))
			.toList();
		return unitNames.isEmpty() ? name : name + "（" + String.join("、", unitNames) + "）";
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
