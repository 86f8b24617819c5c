package org.rectifyflow.taskrules;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.CamundaFormDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the Camunda Form a user task names, while its process is being parsed: first
 * among the resources of the process's own deployment (new or re-read after the
 * deployment cache evicted it), else the latest deployed form of that id (a BPMN deployed
 * on its own, with {@code camunda:formRefBinding="latest"}).
 */
final class DeployedForms {

	static final String CAMUNDA_FORMS_DEPLOYMENT = "camunda-forms:deployment:";

	private static final Logger logger = LoggerFactory.getLogger(DeployedForms.class);

	// The forms of the deployment parsed last; a deployment's processes are parsed one
	// after another on one thread.
	private volatile FormsOf last;

	private record FormsOf(String deploymentId, Map<String, FormFields> byId, Map<String, FormFields> byResource) {
	}

	/**
	 * The form a task references.
	 * @param deploymentId the deployment of the process being parsed
	 * @param formRef the task's {@code camunda:formRef}, may be {@code null}
	 * @param formKey the task's {@code camunda:formKey}, may be {@code null}
	 * @return its fields, {@link FormFields#NONE} when the task has no Camunda Form
	 */
	FormFields find(String deploymentId, String formRef, String formKey) {
		CommandContext context = Context.getCommandContext();
		if (context == null || deploymentId == null) {
			return FormFields.NONE;
		}
		FormsOf forms = formsOf(context, deploymentId);
		if (formRef != null && !formRef.isBlank()) {
			FormFields fields = forms.byId().get(formRef.trim());
			return (fields != null) ? fields : latest(context, formRef.trim());
		}
		if (formKey != null && formKey.startsWith(CAMUNDA_FORMS_DEPLOYMENT)) {
			String resource = formKey.substring(CAMUNDA_FORMS_DEPLOYMENT.length());
			FormFields fields = forms.byResource().get(resource);
			if (fields == null) {
				logger.warn("Form {} is not part of deployment {}: its task accepts no form input", resource,
						deploymentId);
			}
			return (fields != null) ? fields : FormFields.NONE;
		}
		return FormFields.NONE;
	}

	private FormsOf formsOf(CommandContext context, String deploymentId) {
		FormsOf forms = this.last;
		if (forms != null && forms.deploymentId().equals(deploymentId)) {
			return forms;
		}
		DeploymentEntity deployment = context.getDbEntityManager()
			.getCachedEntity(DeploymentEntity.class, deploymentId);
		if (deployment == null) {
			deployment = context.getDeploymentManager().findDeploymentById(deploymentId);
		}
		Map<String, FormFields> byId = new LinkedHashMap<>();
		Map<String, FormFields> byResource = new LinkedHashMap<>();
		if (deployment != null && deployment.getResources() != null) {
			for (ResourceEntity resource : deployment.getResources().values()) {
				if (resource.getName() != null && resource.getName().endsWith(".form")) {
					FormFields fields = parse(resource);
					if (fields != null) {
						byResource.put(resource.getName(), fields);
						if (fields.id() != null) {
							byId.put(fields.id(), fields);
						}
					}
				}
			}
		}
		forms = new FormsOf(deploymentId, byId, byResource);
		this.last = forms;
		return forms;
	}

	private static FormFields latest(CommandContext context, String formRef) {
		CamundaFormDefinitionEntity definition = context.getCamundaFormDefinitionManager()
			.findLatestDefinitionByKey(formRef);
		ResourceEntity resource = (definition != null) ? context.getResourceManager()
			.findResourceByDeploymentIdAndResourceName(definition.getDeploymentId(), definition.getResourceName())
				: null;
		FormFields fields = (resource != null) ? parse(resource) : null;
		if (fields == null) {
			logger.warn("Form {} is not deployed: its task accepts no form input", formRef);
			return FormFields.NONE;
		}
		return fields;
	}

	private static FormFields parse(ResourceEntity resource) {
		try {
			return FormFields.parse(resource.getBytes());
		}
		catch (IllegalArgumentException ex) {
			logger.warn("Form {} is not readable: {}", resource.getName(), ex.getMessage());
			return null;
		}
	}

}
