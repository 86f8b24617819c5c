package org.rectifyflow.task;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Supplier;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.rectifyflow.testsupport.EngineClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compares the task query of {@link TaskQueryStatements} with Camunda's own statements on
 * random data: users with random groups, the grants the engine gives candidates and
 * assignees, random further grants (user, group and global; on a task, a process
 * definition key or every resource; with and without the permission the query checks),
 * and then revokes. For every user and several query shapes (the Tasklist filters, the
 * assignee, candidate user and group, {@code or} queries, orderings, a random page and
 * the count) both statements must return the same task ids in the same order and the same
 * count.
 * <p>
 * The seed is printed; {@code -Dtaskquery.seed=...} repeats a run. Every task gets its
 * own creation time and every ordering ends with it (or with the id), so the order is
 * fully defined and may be compared.
 */
final class TaskQueryDifferential {

	private static final String[] NAMES = { "受理登记", "核查", "审批处理意见", "撰写反馈意见" };

	private final ProcessEngine engine;

	private final ProcessEngineConfigurationImpl configuration;

	private final long seed;

	private final Random random;

	private final String prefix;

	private final List<String> users = new ArrayList<>();

	private final List<String> groups = new ArrayList<>();

	private final Map<String, List<String>> groupsOfUser = new LinkedHashMap<>();

	private final List<String> processKeys = new ArrayList<>();

	private final List<String> taskIds = new ArrayList<>();

	private final List<Filter> filters = new ArrayList<>();

	private int comparisons;

	private int nonEmpty;

	TaskQueryDifferential(ProcessEngine engine, String prefix) {
		this.engine = engine;
		this.configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
		this.seed = Long.getLong("taskquery.seed", System.nanoTime());
		this.random = new Random(this.seed);
		this.prefix = prefix;
		System.out.println("[task-query-differential] " + prefix + " seed=" + this.seed
				+ " (repeat with -Dtaskquery.seed=" + this.seed + ")");
	}

	/**
	 * Also compares these stored filters (run through the {@link FilterService}, with
	 * their expressions) for every user.
	 * @param filters stored task filters
	 * @return this
	 */
	TaskQueryDifferential withFilters(List<Filter> filters) {
		this.filters.addAll(filters);
		return this;
	}

	/**
	 * Generates the data and compares, first with grants only, then with revokes too.
	 * @param userCount users to generate
	 * @param groupCount groups to generate
	 * @param taskCount tasks of processes to generate
	 * @param standaloneTaskCount tasks without a process (engines that allow them)
	 */
	void run(int userCount, int groupCount, int taskCount, int standaloneTaskCount) {
		assertThat(TaskQueryStatements.inUse(this.configuration)).as("replaced statements in use").isTrue();
		IdentityService identity = this.engine.getIdentityService();
		identity.clearAuthentication();
		try {
			generate(userCount, groupCount, taskCount, standaloneTaskCount);
			grants();
			compareForEveryUser("grants");
			revokes();
			compareForEveryUser("grants and revokes");
		}
		finally {
			identity.clearAuthentication();
			TaskQueryStatements.use(this.configuration);
		}
		System.out.println("[task-query-differential] " + this.prefix + ": " + this.comparisons + " comparisons, "
				+ this.nonEmpty + " with a non-empty answer");
		assertThat(this.nonEmpty).as("seed %d: answers that are not empty", this.seed)
			.isGreaterThan(this.comparisons / 4);
	}

	private void generate(int userCount, int groupCount, int taskCount, int standaloneTaskCount) {
		for (int i = 0; i < groupCount; i++) {
			this.groups.add(this.prefix + "g" + i);
		}
		for (int i = 0; i < userCount; i++) {
			String user = this.prefix + "u" + i;
			this.users.add(user);
			List<String> memberships = new ArrayList<>();
			for (String group : this.groups) {
				if (this.random.nextInt(3) == 0) {
					memberships.add(group);
				}
			}
			this.groupsOfUser.put(user, memberships);
		}
		for (int i = 0; i < 4; i++) {
			String key = this.prefix + "Proc" + i;
			this.processKeys.add(key);
			this.engine.getRepositoryService()
				.createDeployment()
				.addModelInstance(key + ".bpmn",
						Bpmn.createExecutableProcess(key)
							.camundaHistoryTimeToLive(1)
							.startEvent()
							.userTask("Task_" + key)
							.name(NAMES[i])
							.endEvent()
							.done())
				.deploy();
		}
		long now = System.currentTimeMillis();
		long start = now - 30L * 24 * 3600 * 1000;
		Date[] dueDates = { null, new Date(now - 3L * 24 * 3600 * 1000), new Date(now - 3600 * 1000),
				new Date(now + 24L * 3600 * 1000), new Date(now + 10L * 24 * 3600 * 1000) };
		for (int i = 0; i < taskCount + standaloneTaskCount; i++) {
			// every task its own creation time, so that every ordering is total
			boolean ofProcess = i < taskCount;
			EngineClock.at(Instant.ofEpochMilli(start + i * 60_000L), () -> createTask(ofProcess, dueDates));
		}
	}

	private void createTask(boolean ofProcess, Date[] dueDates) {
		TaskService tasks = this.engine.getTaskService();
		Task task;
		if (ofProcess) {
			String key = pick(this.processKeys);
			String instance = this.engine.getRuntimeService().startProcessInstanceByKey(key).getId();
			task = tasks.createTaskQuery().processInstanceId(instance).singleResult();
		}
		else {
			task = tasks.newTask();
			task.setName(pick(List.of(NAMES)));
			tasks.saveTask(task);
		}
		task.setDueDate(dueDates[this.random.nextInt(dueDates.length)]);
		task.setPriority(this.random.nextInt(3) * 50);
		if (this.random.nextInt(4) == 0) {
			task.setName(pick(List.of(NAMES)));
		}
		tasks.saveTask(task);
		this.taskIds.add(task.getId());
		if (this.random.nextInt(3) == 0) {
			tasks.setAssignee(task.getId(), pick(this.users));
		}
		for (int c = this.random.nextInt(4); c > 0; c--) {
			tasks.addCandidateGroup(task.getId(), pick(this.groups));
		}
		if (this.random.nextInt(4) == 0) {
			tasks.addCandidateUser(task.getId(), pick(this.users));
		}
	}

	private void grants() {
		for (String group : this.groups) {
			if (this.random.nextInt(4) == 0) {
				grant(null, group, Resources.PROCESS_DEFINITION, pick(this.processKeys),
						ProcessDefinitionPermissions.READ_TASK);
			}
			if (this.random.nextInt(6) == 0) {
				// a permission the task query does not look for
				grant(null, group, Resources.PROCESS_DEFINITION, pick(this.processKeys),
						ProcessDefinitionPermissions.READ);
			}
		}
		for (String user : this.users) {
			int kind = this.random.nextInt(8);
			switch (kind) {
				case 0 -> grant(user, null, Resources.PROCESS_DEFINITION, pick(this.processKeys),
						ProcessDefinitionPermissions.READ_TASK);
				case 1 -> grant(user, null, Resources.TASK, pick(this.taskIds), TaskPermissions.READ);
				case 2 -> grant(user, null, Resources.TASK, pick(this.taskIds), TaskPermissions.UPDATE);
				// a task grant whose resource id is a process definition key
				case 3 -> grant(user, null, Resources.TASK, pick(this.processKeys), TaskPermissions.READ);
				default -> {
				}
			}
		}
		// the engine's join does not look at the resource type of a grant: a task grant
		// whose resource id is a process definition key counts for that key's tasks
		grant(pick(this.users), null, Resources.TASK, pick(this.processKeys), TaskPermissions.READ);
		grant(pick(this.users), null, Resources.TASK, Authorization.ANY, TaskPermissions.READ);
		grant(null, pick(this.groups), Resources.PROCESS_DEFINITION, Authorization.ANY,
				ProcessDefinitionPermissions.READ_TASK);
		if (this.random.nextBoolean()) {
			Authorization global = this.engine.getAuthorizationService()
				.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
			global.setUserId(Authorization.ANY);
			global.setResource(Resources.PROCESS_DEFINITION);
			global.setResourceId(pick(this.processKeys));
			global.addPermission(ProcessDefinitionPermissions.READ_TASK);
			this.engine.getAuthorizationService().saveAuthorization(global);
		}
	}

	private void revokes() {
		for (int i = 0; i < Math.max(2, this.users.size() / 3); i++) {
			Authorization revoke = this.engine.getAuthorizationService()
				.createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
			if (this.random.nextBoolean()) {
				revoke.setUserId(pick(this.users));
			}
			else {
				revoke.setGroupId(pick(this.groups));
			}
			if (this.random.nextBoolean()) {
				revoke.setResource(Resources.TASK);
				revoke.setResourceId(pick(this.taskIds));
				revoke.removePermission(TaskPermissions.READ);
			}
			else {
				revoke.setResource(Resources.PROCESS_DEFINITION);
				revoke.setResourceId(pick(this.processKeys));
				revoke.removePermission(ProcessDefinitionPermissions.READ_TASK);
			}
			if (!exists(revoke.getUserId(), revoke.getGroupId(), revoke.getResourceType(), revoke.getResourceId())) {
				this.engine.getAuthorizationService().saveAuthorization(revoke);
			}
		}
	}

	private void grant(String user, String group, Resource resource, String resourceId, Permission permission) {
		if (exists(user, group, resource.resourceType(), resourceId)) {
			return;
		}
		AuthorizationService authorizations = this.engine.getAuthorizationService();
		Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
		grant.setUserId(user);
		grant.setGroupId(group);
		grant.setResource(resource);
		grant.setResourceId(resourceId);
		grant.addPermission(permission);
		authorizations.saveAuthorization(grant);
	}

	private boolean exists(String user, String group, int resourceType, String resourceId) {
		var query = this.engine.getAuthorizationService()
			.createAuthorizationQuery()
			.resourceType(resourceType)
			.resourceId(resourceId);
		return ((user != null) ? query.userIdIn(user) : query.groupIdIn(group)).count() > 0;
	}

	private void compareForEveryUser(String phase) {
		for (String user : this.users) {
			List<String> memberships = this.groupsOfUser.get(user);
			this.engine.getIdentityService().setAuthentication(user, memberships);
			try {
				Map<String, Object> replaced = answers(user, memberships);
				TaskQueryStatements.useEngineStatements(this.configuration);
				Map<String, Object> original;
				try {
					original = answers(user, memberships);
				}
				finally {
					TaskQueryStatements.use(this.configuration);
				}
				for (Map.Entry<String, Object> answer : original.entrySet()) {
					assertThat(replaced.get(answer.getKey()))
						.as("seed %d, %s, user %s (groups %s), %s", this.seed, phase, user, memberships,
								answer.getKey())
						.isEqualTo(answer.getValue());
					this.comparisons++;
					Object value = answer.getValue();
					if ((value instanceof List<?> list && !list.isEmpty())
							|| (value instanceof Long count && count > 0)) {
						this.nonEmpty++;
					}
				}
			}
			finally {
				this.engine.getIdentityService().clearAuthentication();
			}
		}
	}

	/**
	 * The groups the engine reads before it checks authorizations, sorted; without the
	 * engine's NULL (the grants of users), which no user's group can match.
	 */
	private List<String> authorizedGroups() {
		List<String> groups = this.configuration.getCommandExecutorTxRequired()
			.execute((context) -> context.getDbEntityManager().<String>selectList("selectAuthorizedGroupIds"))
			.stream()
			.filter(Objects::nonNull)
			.sorted()
			.toList();
		assertThat(groups).as("seed %d: groups that hold authorizations", this.seed).isNotEmpty();
		return groups;
	}

	/**
	 * Runs every query shape for the authenticated user. The page is drawn from a random
	 * generator seeded by the user, so both runs ask for the same page.
	 */
	private Map<String, Object> answers(String user, List<String> memberships) {
		Random pages = new Random(this.seed ^ user.hashCode());
		Map<String, Object> answers = new LinkedHashMap<>();
		answers.put("groups that hold authorizations", authorizedGroups());
		Map<String, Supplier<TaskQuery>> shapes = shapes(user, memberships);
		for (Map.Entry<String, Supplier<TaskQuery>> shape : shapes.entrySet()) {
			List<String> all = ids(shape.getValue().get().listPage(0, 1000));
			answers.put(shape.getKey() + " list", all);
			answers.put(shape.getKey() + " count", shape.getValue().get().count());
			int first = pages.nextInt(all.size() + 1);
			int max = 1 + pages.nextInt(15);
			answers.put(shape.getKey() + " page " + first + "+" + max,
					ids(shape.getValue().get().listPage(first, max)));
		}
		FilterService filterService = this.engine.getFilterService();
		for (Filter filter : this.filters) {
			if (filterService.createFilterQuery().filterId(filter.getId()).count() == 0) {
				continue; // the user may not read the filter
			}
			if (memberships.isEmpty() && filter.getQuery() instanceof org.camunda.bpm.engine.impl.TaskQueryImpl query
					&& query.getExpressions().values().stream().anyMatch((e) -> e.contains("currentUserGroups"))) {
				continue; // the engine refuses a candidate group filter for a user
							// without groups
			}
			answers.put("filter " + filter.getName() + " page",
					ids(filterService.<Task>listPage(filter.getId(), 0, 15)));
			answers.put("filter " + filter.getName() + " count", filterService.count(filter.getId()));
		}
		return answers;
	}

	private Map<String, Supplier<TaskQuery>> shapes(String user, List<String> memberships) {
		TaskService tasks = this.engine.getTaskService();
		Function<TaskQuery, TaskQuery> byDue = (query) -> query.orderByDueDate().asc().orderByTaskCreateTime().asc();
		Date now = new Date();
		Map<String, Supplier<TaskQuery>> shapes = new LinkedHashMap<>();
		shapes.put("all by id", tasks::createTaskQuery);
		shapes.put("all by due date",
				() -> tasks.createTaskQuery().orderByDueDate().desc().orderByTaskCreateTime().desc());
		shapes.put("assignee", () -> byDue.apply(tasks.createTaskQuery().taskAssignee(user)));
		shapes.put("candidate user",
				() -> tasks.createTaskQuery()
					.taskCandidateUser(user)
					.orderByTaskPriority()
					.desc()
					.orderByTaskCreateTime()
					.asc());
		shapes.put("candidate user with assigned",
				() -> tasks.createTaskQuery()
					.taskCandidateUser(user)
					.includeAssignedTasks()
					.orderByTaskCreateTime()
					.desc());
		shapes.put("involved user", () -> tasks.createTaskQuery().taskInvolvedUser(user));
		shapes.put("overdue", () -> byDue.apply(tasks.createTaskQuery().dueBefore(now)));
		shapes.put("due soon", () -> byDue
			.apply(tasks.createTaskQuery().dueAfter(now).dueBefore(new Date(now.getTime() + 2L * 24 * 3600 * 1000))));
		shapes.put("with candidate groups, unassigned",
				() -> tasks.createTaskQuery()
					.withCandidateGroups()
					.taskUnassigned()
					.orderByTaskName()
					.asc()
					.orderByTaskCreateTime()
					.asc());
		shapes.put("process definition keys",
				() -> tasks.createTaskQuery()
					.processDefinitionKeyIn(this.processKeys.get(0), this.processKeys.get(1))
					.orderByTaskName()
					.asc()
					.orderByTaskCreateTime()
					.asc());
		shapes.put("name like", () -> tasks.createTaskQuery().taskNameLike("%处理%"));
		shapes.put("or: assignee or process key", () -> byDue.apply(
				tasks.createTaskQuery().or().taskAssignee(user).processDefinitionKey(this.processKeys.get(2)).endOr()));
		if (!memberships.isEmpty()) {
			shapes.put("group tasks",
					() -> byDue.apply(tasks.createTaskQuery().taskCandidateGroupIn(memberships).taskUnassigned()));
			shapes.put("supervision-like",
					() -> byDue.apply(tasks.createTaskQuery()
						.taskDefinitionKey("Task_" + this.processKeys.get(0))
						.taskCandidateGroupIn(memberships)
						.includeAssignedTasks()));
			shapes.put("one candidate group",
					() -> tasks.createTaskQuery()
						.taskCandidateGroup(memberships.get(0))
						.includeAssignedTasks()
						.orderByTaskPriority()
						.asc()
						.orderByTaskCreateTime()
						.asc());
			shapes.put("or: assignee or candidate groups",
					() -> tasks.createTaskQuery()
						.or()
						.taskAssignee(user)
						.taskCandidateGroupIn(memberships)
						.endOr()
						.orderByDueDate()
						.desc()
						.orderByTaskCreateTime()
						.desc());
		}
		return shapes;
	}

	private <T> T pick(List<T> values) {
		return values.get(this.random.nextInt(values.size()));
	}

	private static List<String> ids(List<Task> tasks) {
		return tasks.stream().map(Task::getId).toList();
	}

}
