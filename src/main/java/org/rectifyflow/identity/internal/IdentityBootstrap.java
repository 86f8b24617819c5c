package org.rectifyflow.identity.internal;

import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.rectifyflow.audit.AuditService;
import org.rectifyflow.identity.Roles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes sure, at every start, that the role groups, the administrator and the baseline
 * Camunda authorizations exist. Idempotent: existing users, groups and grants are left as
 * they are.
 * <p>
 * The administrator gets its password from configuration; without one, a random password
 * is generated when the account is first created and printed once. There is never an
 * admin/admin.
 */
@Component
@Order(IdentityBootstrap.ORDER)
class IdentityBootstrap implements ApplicationRunner {

	static final int ORDER = 0;

	private static final Logger log = LoggerFactory.getLogger(IdentityBootstrap.class);

	private static final String ALL = Authorization.ANY;

	private final IdentityService identityService;

	private final AuthorizationService authorizationService;

	private final IdentityProperties properties;

	private final AuditService audit;

	private final RepositoryService repositoryService;

	IdentityBootstrap(IdentityService identityService, AuthorizationService authorizationService,
			IdentityProperties properties, AuditService audit, RepositoryService repositoryService) {
		this.identityService = identityService;
		this.authorizationService = authorizationService;
		this.properties = properties;
		this.audit = audit;
		this.repositoryService = repositoryService;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		Roles.NAMES.forEach((id, name) -> ensureGroup(id, name, Roles.ADMIN.equals(id) ? "SYSTEM" : "WORKFLOW"));
		grantAdministrators();
		grantBaseline();
		takeBackOwnAccountGrants();
		grantStarters(this.properties.authorization().starters());
		revokeTaskHistoryGrants();
		if (!this.properties.demo().enabled()) {
			ensureAdmin(this.properties.admin().user(), this.properties.admin().password());
		}
	}

	void ensureGroup(String id, String name, String type) {
		if (this.identityService.createGroupQuery().groupId(id).count() > 0) {
			return;
		}
		Group group = this.identityService.newGroup(id);
		group.setName(name);
		group.setType(type);
		this.identityService.saveGroup(group);
		this.audit.recordAs(AuditService.SYSTEM, "GROUP_CREATED", "group", id, null, name, null);
	}

	private void ensureAdmin(String userId, String configuredPassword) {
		if (this.identityService.createUserQuery().userId(userId).count() > 0) {
			ensureMembership(userId, Roles.ADMIN);
			return;
		}
		boolean generated = configuredPassword == null || configuredPassword.isBlank();
		String password = generated ? randomPassword() : configuredPassword;
		User admin = this.identityService.newUser(userId);
		admin.setFirstName("系统");
		admin.setLastName("管理员");
		admin.setPassword(password);
		this.identityService.saveUser(admin);
		ensureMembership(userId, Roles.ADMIN);
		this.audit.recordAs(AuditService.SYSTEM, "USER_CREATED", "user", userId, null, "administrator", null);
		if (generated) {
			String banner = """

					==================================================================
					 rectify-flow administrator account created
					   user:     %s
					   password: %s
					 This password is shown only once. Change it in Camunda Admin.
					==================================================================
					""".formatted(userId, password);
			System.out.println(banner);
			log.warn("Administrator '{}' created with a generated password (printed once on standard output)", userId);
		}
		else {
			log.info("Administrator '{}' created with the configured password", userId);
		}
	}

	void ensureMembership(String userId, String groupId) {
		if (this.identityService.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
			this.identityService.createMembership(userId, groupId);
		}
	}

	private void grantAdministrators() {
		for (Resources resource : Resources.values()) {
			grantGroup(Roles.ADMIN, resource, ALL, Permissions.ALL);
		}
	}

	private void grantBaseline() {
		// Every user may use Tasklist and read users, groups and process definitions
		// (names and
		// diagrams); which tasks a user sees is decided per task by its candidate groups.
		grantGlobal(Resources.APPLICATION, "tasklist", Permissions.ACCESS);
		grantGlobal(Resources.USER, ALL, Permissions.READ);
		grantGlobal(Resources.GROUP, ALL, Permissions.READ);
		grantGlobal(Resources.PROCESS_DEFINITION, ALL, Permissions.READ);
		grantGlobal(Resources.DECISION_DEFINITION, ALL, Permissions.READ);
		Map<String, List<String>> confidential = this.properties.authorization().confidential();
		for (String group : Roles.COCKPIT_GROUPS) {
			grantGroup(group, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
			grantGroup(group, Resources.PROCESS_DEFINITION, ALL, Permissions.READ);
			// Instances and history are granted per process key, not with "*", so that a
			// confidential process (an unannounced inspection) stays hidden; earlier
			// versions granted "*": take that back.
			revokeGroup(group, Resources.PROCESS_DEFINITION, ALL, Permissions.READ_INSTANCE, Permissions.READ_HISTORY);
			revokeGroup(group, Resources.PROCESS_INSTANCE, ALL, Permissions.READ);
			for (String key : deployedProcessKeys()) {
				List<String> readers = confidential.get(key);
				if (readers == null || readers.contains(group)) {
					grantGroup(group, Resources.PROCESS_DEFINITION, key, Permissions.READ_INSTANCE,
							Permissions.READ_HISTORY);
				}
				else {
					revokeGroup(group, Resources.PROCESS_DEFINITION, key, Permissions.READ_INSTANCE,
							Permissions.READ_HISTORY);
				}
			}
			grantGroup(group, Resources.DECISION_DEFINITION, ALL, Permissions.READ, Permissions.READ_HISTORY);
			grantGroup(group, Resources.DECISION_REQUIREMENTS_DEFINITION, ALL, Permissions.READ);
			grantGroup(group, Resources.DEPLOYMENT, ALL, Permissions.READ);
		}
	}

	/**
	 * The keys of every deployed process definition; deployment happens while the engine
	 * starts, before this runner. A process deployed later (Cockpit, REST) gets its
	 * Cockpit grants at the next start.
	 */
	private Set<String> deployedProcessKeys() {
		return this.repositoryService.createProcessDefinitionQuery()
			.list()
			.stream()
			.map(ProcessDefinition::getKey)
			.collect(Collectors.toCollection(TreeSet::new));
	}

	/**
	 * Takes permissions back from an existing grant of a group, if there is one; removes
	 * the grant when nothing is left.
	 */
	void revokeGroup(String groupId, Resource resource, String resourceId, Permission... permissions) {
		Authorization existing = this.authorizationService.createAuthorizationQuery()
			.authorizationType(Authorization.AUTH_TYPE_GRANT)
			.groupIdIn(groupId)
			.resourceType(resource)
			.resourceId(resourceId)
			.singleResult();
		if (existing == null) {
			return;
		}
		boolean changed = false;
		for (Permission permission : permissions) {
			if (existing.isPermissionGranted(permission)) {
				existing.removePermission(permission);
				changed = true;
			}
		}
		if (!changed) {
			return;
		}
		boolean nothingLeft = java.util.Arrays.stream(existing.getPermissions(Permissions.values()))
			.noneMatch((p) -> p.getValue() != Permissions.NONE.getValue());
		if (nothingLeft) {
			this.authorizationService.deleteAuthorization(existing.getId());
		}
		else {
			this.authorizationService.saveAuthorization(existing);
		}
	}

	/**
	 * Users created before {@link DefaultGrants} hold Camunda's default ALL on their own
	 * account: reduce it to READ.
	 */
	private void takeBackOwnAccountGrants() {
		for (Authorization grant : this.authorizationService.createAuthorizationQuery()
			.authorizationType(Authorization.AUTH_TYPE_GRANT)
			.resourceType(Resources.USER)
			.list()) {
			if (grant.getUserId() == null || !grant.getUserId().equals(grant.getResourceId())
					|| !grant.isPermissionGranted(Permissions.UPDATE)
							&& !grant.isPermissionGranted(Permissions.DELETE)) {
				continue;
			}
			grant.setPermissions(new Permission[] { Permissions.READ });
			this.authorizationService.saveAuthorization(grant);
			this.audit.recordAs(AuditService.SYSTEM, "OWN_ACCOUNT_GRANT_REDUCED", "user", grant.getUserId(), null,
					"READ", null);
		}
	}

	/**
	 * Removes the {@code HISTORIC_TASK} grants that earlier versions let Camunda create
	 * for every assignee and candidate of a task ({@link DefaultGrants}): each one opened
	 * the whole history of its process instance.
	 */
	private void revokeTaskHistoryGrants() {
		int removed = 0;
		List<Authorization> grants;
		do {
			grants = this.authorizationService.createAuthorizationQuery()
				.authorizationType(Authorization.AUTH_TYPE_GRANT)
				.resourceType(Resources.HISTORIC_TASK)
				.listPage(0, 500)
				.stream()
				.filter((grant) -> !ALL.equals(grant.getResourceId()))
				.toList();
			grants.forEach((grant) -> this.authorizationService.deleteAuthorization(grant.getId()));
			removed += grants.size();
		}
		while (!grants.isEmpty());
		if (removed > 0) {
			log.info("Removed {} task history grants", removed);
		}
	}

	private void grantStarters(Map<String, List<String>> starters) {
		starters.forEach((processKey, groups) -> groups.forEach((group) -> {
			ensureGroup(group, group, "WORKFLOW");
			grantGroup(group, Resources.PROCESS_DEFINITION, processKey, Permissions.READ, Permissions.CREATE_INSTANCE);
			grantGroup(group, Resources.PROCESS_INSTANCE, ALL, Permissions.CREATE);
		}));
	}

	private void grantGlobal(Resource resource, String resourceId, Permission... permissions) {
		Authorization existing = this.authorizationService.createAuthorizationQuery()
			.authorizationType(Authorization.AUTH_TYPE_GLOBAL)
			.resourceType(resource)
			.resourceId(resourceId)
			.singleResult();
		Authorization authorization = (existing != null) ? existing
				: this.authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
		authorization.setUserId(ALL);
		save(authorization, resource, resourceId, permissions);
	}

	/**
	 * Grants the permissions to a group, adding to an existing grant for the same
	 * resource.
	 * @param groupId the group
	 * @param resource the resource type
	 * @param resourceId the resource id or {@code *}
	 * @param permissions the permissions to add
	 */
	void grantGroup(String groupId, Resource resource, String resourceId, Permission... permissions) {
		Authorization existing = this.authorizationService.createAuthorizationQuery()
			.authorizationType(Authorization.AUTH_TYPE_GRANT)
			.groupIdIn(groupId)
			.resourceType(resource)
			.resourceId(resourceId)
			.singleResult();
		Authorization authorization = (existing != null) ? existing
				: this.authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
		authorization.setGroupId(groupId);
		save(authorization, resource, resourceId, permissions);
	}

	private void save(Authorization authorization, Resource resource, String resourceId, Permission... permissions) {
		boolean changed = authorization.getId() == null;
		authorization.setResource(resource);
		authorization.setResourceId(resourceId);
		for (Permission permission : permissions) {
			if (!authorization.isPermissionGranted(permission)) {
				authorization.addPermission(permission);
				changed = true;
			}
		}
		if (changed) {
			this.authorizationService.saveAuthorization(authorization);
		}
	}

	private static String randomPassword() {
		String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
		SecureRandom random = new SecureRandom();
		StringBuilder password = new StringBuilder(20);
		for (int i = 0; i < 20; i++) {
			password.append(alphabet.charAt(random.nextInt(alphabet.length())));
		}
		return password.toString();
	}

}
