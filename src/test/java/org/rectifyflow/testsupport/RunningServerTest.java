package org.rectifyflow.testsupport;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.junit.jupiter.api.AfterEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The whole application on a random port, called over HTTP, with processes a test builds
 * with Camunda's fluent model API: the engine's services, a client that calls as a demo
 * user, a process of one user task, and the deployments of a test removed after it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class RunningServerTest {

	@LocalServerPort
	protected int port;

	@Autowired
	protected RepositoryService repositoryService;

	@Autowired
	protected RuntimeService runtimeService;

	@Autowired
	protected TaskService taskService;

	@Autowired
	private HistoryService historyService;

	@Autowired
	private JdbcTemplate jdbc;

	private final List<String> deployments = new ArrayList<>();

	/**
	 * @return a client for the running application
	 */
	protected EngineRestClient rest() {
		return new EngineRestClient(this.port);
	}

	/**
	 * A process of one user task offered to one candidate group.
	 * @param key the process key
	 * @param taskId the user task's id
	 * @param name the user task's name
	 * @param candidateGroup the group the task is offered to
	 * @return the model, to deploy with {@link #deploy(BpmnModelInstance...)}
	 */
	protected static BpmnModelInstance oneUserTask(String key, String taskId, String name, String candidateGroup) {
		return Bpmn.createExecutableProcess(key)
			.camundaHistoryTimeToLive(30)
			.startEvent()
			.userTask(taskId)
			.name(name)
			.camundaCandidateGroups(candidateGroup)
			.endEvent()
			.done();
	}

	/**
	 * Deploys models (each as {@code <process key>.bpmn}); they are removed, with their
	 * instances, after the test.
	 * @param models the models
	 * @return the deployment's id
	 */
	protected String deploy(BpmnModelInstance... models) {
		DeploymentBuilder deployment = this.repositoryService.createDeployment();
		for (BpmnModelInstance model : models) {
			String key = model.getModelElementsByType(Process.class).iterator().next().getId();
			deployment.addModelInstance(key + ".bpmn", model);
		}
		String id = deployment.deploy().getId();
		this.deployments.add(id);
		return id;
	}

	/**
	 * Starts a process whose first step is one user task and lets a user claim it.
	 * @param key the process key
	 * @param userId the user who claims the task
	 * @return the task's id
	 */
	protected String startAndClaim(String key, String userId) {
		String instanceId = this.runtimeService.startProcessInstanceByKey(key).getId();
		String taskId = this.taskService.createTaskQuery().processInstanceId(instanceId).singleResult().getId();
		this.taskService.claim(taskId, userId);
		return taskId;
	}

	@AfterEach
	void removeDeployments() {
		this.deployments.forEach((id) -> removeDeployment(this.repositoryService, this.historyService, this.jdbc, id));
		this.deployments.clear();
	}

	/**
	 * Removes a deployment with its instances and what linked to their pages (notices,
	 * mails): a removed process has no page, and the application is left as if it had
	 * never been.
	 * @param repositoryService the engine's repository
	 * @param historyService the engine's history
	 * @param jdbc the application's database
	 * @param deploymentId the deployment
	 */
	public static void removeDeployment(RepositoryService repositoryService, HistoryService historyService,
			JdbcTemplate jdbc, String deploymentId) {
		repositoryService.createProcessDefinitionQuery()
			.deploymentId(deploymentId)
			.list()
			.forEach((definition) -> historyService.createHistoricProcessInstanceQuery()
				.processDefinitionId(definition.getId())
				.list()
				.forEach((instance) -> {
					String page = "/items/process/" + instance.getId();
					jdbc.update("delete from notification where link = ?", page);
					jdbc.update("delete from mail_outbox where body like ?", "%" + page + "%");
				}));
		repositoryService.deleteDeployment(deploymentId, true);
	}

}
