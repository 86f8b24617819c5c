package org.rectifyflow.task;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.rectifyflow.identity.Roles;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Tasklist filters every handler finds out of the box, ordered by due date. Which
 * tasks appear is further limited by Camunda authorization: a handler sees only tasks of
 * its own units and roles. Created once; operators may change them in Tasklist
 * afterwards.
 */
@Component
@Order(10)
class TasklistFilters implements ApplicationRunner {

	static final String MY_TASKS = "我的任务";

	static final String GROUP_TASKS = "我的组任务";

	static final String DUE_SOON = "即将到期";

	static final String OVERDUE = "已逾期";

	static final String SUPERVISION = "督办";

	/** Task definition key of the supervision (督办) tasks raised by an escalation. */
	static final String SUPERVISION_TASK_KEY = "Task_Supervise";

	private final FilterService filterService;

	private final TaskService taskService;

	private final AuthorizationService authorizationService;

	TasklistFilters(FilterService filterService, TaskService taskService, AuthorizationService authorizationService) {
		this.filterService = filterService;
		this.taskService = taskService;
		this.authorizationService = authorizationService;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		ensure(MY_TASKS, "指派给我的任务", -10,
				sorted(this.taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}")), null);
		ensure(GROUP_TASKS, "我所在组可认领的任务", -9,
				sorted(this.taskService.createTaskQuery()
					.taskCandidateGroupInExpression("${currentUserGroups()}")
					.taskUnassigned()),
				null);
		ensure(DUE_SOON, "两个工作日内到期的任务", -8,
				sorted(this.taskService.createTaskQuery()
					.dueAfterExpression("${now()}")
					.dueBeforeExpression("${taskDueDates.dueSoonLimit()}")),
				null);
		ensure(OVERDUE, "已超过办理时限的任务", -7, sorted(this.taskService.createTaskQuery().dueBeforeExpression("${now()}")),
				null);
		ensure(SUPERVISION, "督办任务", -6,
				sorted(this.taskService.createTaskQuery()
					.taskDefinitionKey(SUPERVISION_TASK_KEY)
					.taskCandidateGroupInExpression("${currentUserGroups()}")
					.includeAssignedTasks()),
				List.of(Roles.SUPERVISORS, Roles.DISCIPLINE_LEAD));
	}

	private static TaskQuery sorted(TaskQuery query) {
		return query.orderByDueDate().asc().orderByTaskCreateTime().asc();
	}

	private void ensure(String name, String description, int priority, TaskQuery query, List<String> readers) {
		if (this.filterService.createFilterQuery().filterName(name).count() > 0) {
			return;
		}
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("description", description);
		properties.put("priority", priority);
		properties.put("refresh", true);
		properties.put("showUndefinedVariable", false);
		Filter filter = this.filterService.newTaskFilter(name).setQuery(query).setProperties(properties);
		this.filterService.saveFilter(filter);
		if (readers == null) {
			Authorization everyone = this.authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
			everyone.setUserId(Authorization.ANY);
			grant(everyone, filter);
		}
		else {
			for (String group : readers) {
				Authorization grant = this.authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
				grant.setGroupId(group);
				grant(grant, filter);
			}
		}
	}

	private void grant(Authorization authorization, Filter filter) {
		authorization.setResource(Resources.FILTER);
		authorization.setResourceId(filter.getId());
		authorization.addPermission(Permissions.READ);
		this.authorizationService.saveAuthorization(authorization);
	}

}
