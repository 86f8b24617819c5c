package org.rectifyflow.clue;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The authorization layer of {@link ClueDeletionGuard}: a REVOKE of
 * {@code DELETE_INSTANCE} on the {@code clue} process definition for every user.
 */
@Component
@Order(5)
class ClueDeletionRevoke implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(ClueDeletionRevoke.class);

	private final AuthorizationService authorizationService;

	ClueDeletionRevoke(AuthorizationService authorizationService) {
		this.authorizationService = authorizationService;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		Authorization existing = this.authorizationService.createAuthorizationQuery()
			.authorizationType(Authorization.AUTH_TYPE_REVOKE)
			.userIdIn(Authorization.ANY)
			.resourceType(Resources.PROCESS_DEFINITION)
			.resourceId(ClueProcess.KEY)
			.singleResult();
		if (existing != null && !existing.isPermissionGranted(ProcessDefinitionPermissions.DELETE_INSTANCE)) {
			return;
		}
		Authorization revoke = (existing != null) ? existing
				: this.authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
		revoke.setUserId(Authorization.ANY);
		revoke.setResource(Resources.PROCESS_DEFINITION);
		revoke.setResourceId(ClueProcess.KEY);
		revoke.removePermission(ProcessDefinitionPermissions.DELETE_INSTANCE);
		this.authorizationService.saveAuthorization(revoke);
		log.info("Revoked DELETE_INSTANCE on the clue process for every user");
	}

}
