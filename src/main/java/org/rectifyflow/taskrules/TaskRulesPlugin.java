package org.rectifyflow.taskrules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

import org.rectifyflow.engine.WithheldHistory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Enforces the task rules inside the engine, so they hold for the Java API, the engine
 * REST API and Tasklist alike: a parse listener attaches them to every user task, a
 * command interceptor hands a {@link TaskRuleViolation} to the caller unwrapped, and
 * another keeps a task's attributes from its holder ({@link TaskAttributeGuard});
 * {@link TaskInputGuard} lets a user write only the inputs of its tasks;
 * {@link ConfidentialInputHistory} keeps the inputs of confidential processes out of
 * history.
 */
@Component
class TaskRulesPlugin extends AbstractProcessEnginePlugin {

	/** The processes whose task inputs stay out of history. */
	static final String CONFIDENTIAL_PROCESSES = "rectify.authorization.confidential";

	// Looked up lazily: the enforcer needs engine services, which need this plugin.
	private final ObjectProvider<TaskRuleEnforcer> enforcer;

	private final Set<String> confidentialProcesses;

	TaskRulesPlugin(ObjectProvider<TaskRuleEnforcer> enforcer, Environment environment) {
		this.enforcer = enforcer;
		this.confidentialProcesses = Binder.get(environment)
			.bind(CONFIDENTIAL_PROCESSES, Bindable.mapOf(String.class, String[].class))
			.map(Map::keySet)
			.orElse(Set.of());
	}

	@Override
	public void postInit(ProcessEngineConfigurationImpl configuration) {
		WithheldHistory.install(configuration, new ConfidentialInputHistory(this.confidentialProcesses));
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<BpmnParseListener> parseListeners = new ArrayList<>();
		if (configuration.getCustomPreBPMNParseListeners() != null) {
			parseListeners.addAll(configuration.getCustomPreBPMNParseListeners());
		}
		parseListeners.add(new TaskRulesParseListener(this.enforcer::getObject));
		configuration.setCustomPreBPMNParseListeners(parseListeners);

		List<CommandInterceptor> interceptors = new ArrayList<>();
		if (configuration.getCustomPreCommandInterceptorsTxRequired() != null) {
			interceptors.addAll(configuration.getCustomPreCommandInterceptorsTxRequired());
		}
		interceptors.add(new TaskRuleViolationInterceptor());
		interceptors.add(new TaskAttributeGuard(configuration));
		interceptors.add(new TaskInputGuard(configuration));
		configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
	}

}
