package org.rectifyflow.identity;

import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;

import org.springframework.stereotype.Component;

/**
 * Camunda gives every new user ALL on its own USER resource: it could rename itself (and
 * pose as someone else in every notification), change its password without the old one
 * through the engine REST API, or delete itself. Here a new user gets READ on itself
 * only; profiles, passwords and accounts are kept by the administrator (Camunda Admin).
 * {@link IdentityBootstrap} takes the old grant back from existing users.
 */
@Component
class OwnAccountAuthorizations extends AbstractProcessEnginePlugin {

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		configuration.setResourceAuthorizationProvider(new ReadOwnAccount());
	}

	static class ReadOwnAccount extends DefaultAuthorizationProvider {

		@Override
		public AuthorizationEntity[] newUser(User user) {
			return new AuthorizationEntity[] {
					createGrantAuthorization(user.getId(), null, Resources.USER, user.getId(), Permissions.READ) };
		}

	}

}
