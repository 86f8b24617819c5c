package org.rectifyflow.taskrules;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Attaches the task rules to every user task of every deployed process, as built-in
 * listeners: they run before the BPMN's own listeners and also when custom listeners are
 * skipped. It also derives, once per deployment, what a user may write on each task
 * ({@link TaskInputs}: its form's fields and the inputs its rules name), which
 * {@link TaskInputGuard} enforces.
 */
class TaskRulesParseListener extends AbstractBpmnParseListener {

	/** The definition property holding the approval chain, a list of group ids. */
	static final String APPROVAL_CHAIN_PROPERTY = "rfApprovalChain";

	private final Supplier<TaskRuleEnforcer> enforcer;

	private final DeployedForms forms = new DeployedForms();

	TaskRulesParseListener(Supplier<TaskRuleEnforcer> enforcer) {
		this.enforcer = enforcer;
	}

	@Override
	public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
		if (!(activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior)) {
			return;
		}
		UserTaskRules rules = new UserTaskRules(extensionProperties(userTaskElement));
		String deploymentId = (scope.getProcessDefinition() instanceof ProcessDefinitionEntity process)
				? process.getDeploymentId() : null;
		FormFields form = this.forms.find(deploymentId,
				userTaskElement.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "formRef"),
				userTaskElement.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "formKey"));
		activity.getProperties().set(TaskInputs.PROPERTY, TaskInputs.of(form, rules));
		TaskDefinition definition = behavior.getTaskDefinition();
		activity.setProperty(TaskOperationRules.ACTIVITY_PROPERTY,
				TaskOperationRules.of(rules, definition.getAssigneeExpression() != null));
		definition.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE,
				(task) -> this.enforcer.get().created(task, rules));
		definition.addBuiltInTaskListener(TaskListener.EVENTNAME_ASSIGNMENT,
				(task) -> this.enforcer.get().assigned(task, rules));
		definition.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE,
				(task) -> this.enforcer.get().completing(task, rules));
		definition.addBuiltInTaskListener(TaskListener.EVENTNAME_DELETE,
				(task) -> this.enforcer.get().deleted(task, rules));
	}

	/**
	 * Keeps the process's approval chain ({@value TaskRules#APPROVAL_CHAIN}) on its
	 * definition, read once per deployment.
	 */
	@Override
	public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
		processDefinition.setProperty(APPROVAL_CHAIN_PROPERTY,
				UserTaskRules.names(extensionProperties(processElement).get(TaskRules.APPROVAL_CHAIN)));
	}

	/**
	 * A process's start event accepts, when a user starts the process, the fields of its
	 * start form and nothing else (none without a form).
	 */
	@Override
	public void parseStartEvent(Element startEventElement, ScopeImpl scope, ActivityImpl startEventActivity) {
		String deploymentId = (scope.getProcessDefinition() instanceof ProcessDefinitionEntity process)
				? process.getDeploymentId() : null;
		FormFields form = this.forms.find(deploymentId,
				startEventElement.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "formRef"),
				startEventElement.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "formKey"));
		startEventActivity.getProperties()
			.set(TaskInputs.PROPERTY, new TaskInputs(form.writable(), form.readOnly(), form.shown()));
	}

	static Map<String, String> extensionProperties(Element element) {
		Map<String, String> properties = new LinkedHashMap<>();
		Element extensions = element.element("extensionElements");
		if (extensions == null) {
			return properties;
		}
		Element container = extensions.elementNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "properties");
		if (container == null) {
			return properties;
		}
		for (Element property : container.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "property")) {
			String name = property.attribute("name");
			if (name != null) {
				properties.put(name.trim(), property.attribute("value", ""));
			}
		}
		return properties;
	}

}
