package org.rectifyflow.engine.internal;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.ProcessDefinitionStatisticsQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;

import org.springframework.stereotype.Component;

/**
 * Process-definition statistics ({@code /engine-rest/process-definition/statistics},
 * Cockpit's dashboard) count instances, failed jobs and incidents of every definition the
 * user may READ, and every user may read every definition (names and diagrams). A unit
 * could poll them for an unannounced inspection. With this plugin a definition appears in
 * the statistics only to users with READ_INSTANCE on it, the permission that lets them
 * see its instances. Activity and deployment statistics already count only instances the
 * user may read.
 */
@Component
class InstanceCountsPlugin extends AbstractProcessEnginePlugin {

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<SessionFactory> factories = new ArrayList<>();
		if (configuration.getCustomSessionFactories() != null) {
			factories.addAll(configuration.getCustomSessionFactories());
		}
		factories.add(new SessionFactory() {

			@Override
			public Class<?> getSessionType() {
				return AuthorizationManager.class;
			}

			@Override
			public Session openSession() {
				return new InstanceCountAuthorizationManager();
			}

		});
		configuration.setCustomSessionFactories(factories);
	}

	static class InstanceCountAuthorizationManager extends AuthorizationManager {

		@Override
		public void configureProcessDefinitionStatisticsQuery(ProcessDefinitionStatisticsQueryImpl query) {
			configureQuery(query, Resources.PROCESS_DEFINITION, "RES.KEY_", Permissions.READ_INSTANCE);
		}

	}

}
