package org.rectifyflow.inspection.internal;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.rectifyflow.engine.SystemAuthority;
import org.rectifyflow.identity.Roles;
import org.rectifyflow.inspection.Inspection;

import org.springframework.stereotype.Component;

/**
 * Camunda authorizations of one inspection instance. The process definition key
 * {@code inspection} is confidential ({@code rectify.authorization.confidential}): only
 * {@code discipline-group} and {@code discipline-lead} may read its instances and history
 * by definition. The other Cockpit groups get READ on a single instance (runtime and
 * history) once the inspection is disclosed: a 明察 from its plan on, a 暗访 when its field
 * work ends. Team members see only their own tasks (Camunda grants assignees their task).
 * Target units get nothing from the engine; their part arrives as clues and ledger
 * entries.
 */
@Component
class InspectionSecrecy {

	/** Cockpit groups outside the discipline group that see disclosed inspections. */
	static final List<String> DISCLOSED_TO = Roles.DISCLOSURE_READERS.stream().sorted().toList();

	private static final List<Resource> RESOURCES = List.of(Resources.PROCESS_INSTANCE,
			Resources.HISTORIC_PROCESS_INSTANCE);

	private final AuthorizationService authorizationService;

	private final SystemAuthority systemAuthority;

	InspectionSecrecy(AuthorizationService authorizationService, SystemAuthority systemAuthority) {
		this.authorizationService = authorizationService;
		this.systemAuthority = systemAuthority;
	}

	/**
	 * Grants or removes the per-instance READ of the Cockpit groups so that it matches
	 * {@link Inspection#isDisclosed()}. Idempotent.
	 * @param inspection the inspection, linked to its process instance
	 * @return whether the instance is now readable by the Cockpit groups
	 */
	boolean apply(Inspection inspection) {
		String instanceId = inspection.getProcessInstanceId();
		if (instanceId == null) {
			return false;
		}
		boolean disclose = inspection.isDisclosed();
		this.systemAuthority.run(() -> {
			for (String group : DISCLOSED_TO) {
				for (Resource resource : RESOURCES) {
					Authorization existing = this.authorizationService.createAuthorizationQuery()
						.authorizationType(Authorization.AUTH_TYPE_GRANT)
						.groupIdIn(group)
						.resourceType(resource)
						.resourceId(instanceId)
						.singleResult();
					if (disclose && existing == null) {
						Authorization grant = this.authorizationService
							.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
						grant.setGroupId(group);
						grant.setResource(resource);
						grant.setResourceId(instanceId);
						grant.addPermission((resource == Resources.PROCESS_INSTANCE) ? Permissions.READ
								: HistoricProcessInstancePermissions.READ);
						this.authorizationService.saveAuthorization(grant);
					}
					else if (!disclose && existing != null) {
						this.authorizationService.deleteAuthorization(existing.getId());
					}
				}
			}
		});
		return disclose;
	}

}
