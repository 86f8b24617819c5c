package org.rectifyflow.taskrules;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.rectifyflow.audit.AuditEvent;
import org.rectifyflow.audit.AuditEventRepository;
import org.rectifyflow.audit.AuditService;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The burden the system's own tasks put on units (基层负担), measured from the audit trail:
 * every task completion records the unit that did the work and how many form fields held
 * a value ({@code unit=u1, fields=3} in the event's details). Per unit, month and task,
 * {@link #figures} counts the tasks handled, the forms submitted (completions with at
 * least one field filled) and the fields filled.
 */
@Component
@Transactional(readOnly = true)
public class TaskBurden {

	/** The prefix of a unit's group ({@code unit-u1}). */
	static final String UNIT_GROUP_PREFIX = "unit-";

	/** The variable in which a process records the unit it works for. */
	static final String UNIT_VARIABLE = "unitCode";

	private static final Pattern DETAIL = Pattern.compile("(\\w+)=([^,]*)");

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");

	private final AuditEventRepository events;

	private final RepositoryService repositoryService;

	private final Map<String, String> taskNames = new ConcurrentHashMap<>();

	TaskBurden(AuditEventRepository events, RepositoryService repositoryService) {
		this.events = events;
		this.repositoryService = repositoryService;
	}

	/**
	 * The figures of one unit, month and task.
	 *
	 * @param month the month in the given zone, {@code 2026-12}
	 * @param unitCode the unit's code, {@code u1}
	 * @param processKey the process
	 * @param taskKey the user task's id in its process
	 * @param taskName the task's name, without the parts filled in per instance
	 * @param tasks tasks completed
	 * @param forms forms submitted with at least one field filled
	 * @param fields form fields that held a value at completion
	 */
	public record Figures(String month, String unitCode, String processKey, String taskKey, String taskName, long tasks,
			long forms, long fields) {
	}

	/**
	 * The burden per unit, month and task, from the task completions in the audit trail.
	 * @param zone the zone that decides the month
	 * @param businessKeys which process instances count (by business key)
	 * @param unitCode only this unit, or {@code null} for all
	 * @return the figures, by month, unit and task
	 */
	public List<Figures> figures(ZoneId zone, Predicate<String> businessKeys, String unitCode) {
		Map<List<String>, long[]> counts = new TreeMap<>(
				Comparator.comparing((List<String> k) -> String.join("\u0000", k)));
		for (AuditEvent event : this.events.findByActionOrderByOccurredAtAscIdAsc(TaskRules.TASK_COMPLETED)) {
			if (!TaskRules.AUDIT_ITEM_TYPE.equals(event.getItemType())) {
				continue;
			}
			Map<String, String> details = details(event.getDetails());
			String unit = details.get("unit");
			if (unit == null || unit.isEmpty() || "null".equals(unit) || (unitCode != null && !unitCode.equals(unit))) {
				continue;
			}
			if (!businessKeys.test(details.get("businessKey"))) {
				continue;
			}
			long fields = parseLong(details.get("fields"));
			String month = event.getOccurredAt().atZoneSameInstant(zone).format(MONTH);
			List<String> key = List.of(month, unit, String.valueOf(details.get("processKey")),
					String.valueOf(details.get("taskKey")));
			long[] c = counts.computeIfAbsent(key, (k) -> new long[3]);
			c[0]++;
			c[1] += (fields > 0) ? 1 : 0;
			c[2] += fields;
		}
		List<Figures> result = new ArrayList<>();
		counts.forEach((k, c) -> result
			.add(new Figures(k.get(0), k.get(1), k.get(2), k.get(3), taskName(k.get(2), k.get(3)), c[0], c[1], c[2])));
		return result;
	}

	/**
	 * The business keys of one record and of the records numbered under it: a campaign
	 * {@code ZZ-2026-001} and its ledger entries {@code ZZ-2026-001-003}.
	 * @param code the record's code, or {@code null} for every business key
	 * @return the filter
	 */
	public static Predicate<String> under(String code) {
		return (code == null) ? (key) -> true
				: (key) -> key != null && (key.equals(code) || key.startsWith(code + "-"));
	}

	/**
	 * The name of a user task in the latest version of its process, without the parts an
	 * expression fills in (「自查：${…}」 is 「自查」).
	 */
	private String taskName(String processKey, String taskKey) {
		return this.taskNames.computeIfAbsent(processKey + "/" + taskKey, (k) -> {
			ProcessDefinition definition = this.repositoryService.createProcessDefinitionQuery()
				.processDefinitionKey(processKey)
				.latestVersion()
				.singleResult();
			if (definition == null) {
				return taskKey;
			}
			BpmnModelInstance model = this.repositoryService.getBpmnModelInstance(definition.getId());
			FlowElement element = model.getModelElementById(taskKey);
			String name = (element != null) ? element.getName() : null;
			if (name == null || name.isBlank()) {
				return taskKey;
			}
			int expression = name.indexOf("${");
			if (expression >= 0) {
				name = name.substring(0, expression).replaceAll("[：:\\s]+$", "");
			}
			return name.isEmpty() ? taskKey : name;
		});
	}

	private static Map<String, String> details(String details) {
		Map<String, String> result = new LinkedHashMap<>();
		if (details != null) {
			Matcher matcher = DETAIL.matcher(details);
			while (matcher.find()) {
				result.putIfAbsent(matcher.group(1), matcher.group(2).strip());
			}
		}
		return result;
	}

	private static long parseLong(String value) {
		try {
			return (value != null) ? Long.parseLong(value) : 0;
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

	/**
	 * What a completion's audit event records of the burden: the unit that did the work
	 * and the number of form fields holding a value.
	 * @param task the task being completed
	 * @param actor the completing user
	 * @return {@code ", unit=u1, fields=3"}
	 */
	static String measure(DelegateTask task, String actor) {
		return ", unit=" + unitOf(task, actor) + ", fields=" + fieldsFilled(task);
	}

	/**
	 * The unit whose work the task is: a unit group among its candidates; for a task the
	 * process gives to a person of a unit (a unit's leader, a responsible person), the
	 * unit the process instance works for ({@code unitCode}, set by the system when it
	 * started); else the unit of the completing user (or of the assignee when the system
	 * completes it).
	 */
	private static String unitOf(DelegateTask task, String actor) {
		boolean byGroups = false;
		for (IdentityLink link : task.getCandidates()) {
			if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
				byGroups = true;
				if (link.getGroupId().startsWith(UNIT_GROUP_PREFIX)) {
					return link.getGroupId().substring(UNIT_GROUP_PREFIX.length());
				}
			}
		}
		if (!byGroups && task.getVariable(UNIT_VARIABLE) instanceof String unit && !unit.isBlank()) {
			return unit;
		}
		String user = (actor == null || AuditService.SYSTEM.equals(actor)) ? task.getAssignee() : actor;
		if (user == null) {
			return null;
		}
		CommandContext context = Context.getCommandContext();
		List<Group> groups = context.runWithoutAuthorization(
				() -> context.getReadOnlyIdentityProvider().createGroupQuery().groupMember(user).list());
		return groups.stream()
			.map(Group::getId)
			.filter((id) -> id.startsWith(UNIT_GROUP_PREFIX))
			.sorted()
			.map((id) -> id.substring(UNIT_GROUP_PREFIX.length()))
			.findFirst()
			.orElse(null);
	}

	/** The task's form inputs that hold a value; each item of a list counts its own. */
	private static long fieldsFilled(DelegateTask task) {
		TaskInputs inputs = DeployedTasks.inputs(task);
		if (inputs == null) {
			return 0;
		}
		long filled = 0;
		for (String name : inputs.writable()) {
			filled += count(task.getVariable(name));
		}
		return filled;
	}

	private static long count(Object value) {
		if (value == null) {
			return 0;
		}
		if (value instanceof CharSequence text) {
			return text.toString().isBlank() ? 0 : 1;
		}
		if (value instanceof Collection<?> items) {
			return items.stream().mapToLong(TaskBurden::count).sum();
		}
		if (value instanceof Map<?, ?> map) {
			return map.values().stream().mapToLong(TaskBurden::count).sum();
		}
		if (value instanceof Number || value instanceof Boolean || value instanceof java.util.Date
				|| value instanceof java.time.temporal.Temporal) {
			return 1;
		}
		// A JSON value (Camunda Spin) is counted by its leaves
		try {
			return count(JSON.readTree(value.toString()));
		}
		catch (JsonProcessingException ex) {
			return 1;
		}
	}

	private static long count(JsonNode node) {
		if (node == null || node.isNull() || node.isMissingNode()) {
			return 0;
		}
		if (node.isContainerNode()) {
			long sum = 0;
			for (JsonNode child : node) {
				sum += count(child);
			}
			return sum;
		}
		return (node.isTextual() && node.asText().isBlank()) ? 0 : 1;
	}

}
