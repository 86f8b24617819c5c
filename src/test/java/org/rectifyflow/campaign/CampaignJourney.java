package org.rectifyflow.campaign;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.rectifyflow.audit.AuditEvent;
import org.rectifyflow.audit.AuditEventRepository;
import org.rectifyflow.campaign.internal.CampaignProcess;
import org.rectifyflow.taskrules.ApprovalOpinion;
import org.rectifyflow.taskrules.ApprovalOpinionService;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drives one whole campaign over HTTP as the demo users would in Tasklist: the project's
 * API to start it and to read problems and the ledger, the engine REST API to find, claim
 * and complete every task ({@code submit-form}, with the values the Camunda Forms submit:
 * text fields and radio buttons as strings, numbers as integers). Every query is filtered
 * by this campaign's code, so other campaigns in the same database do not matter. Used by
 * {@code CampaignJourneyTest} (H2) and {@code CampaignJourneyIT} (PostgreSQL).
 */
class CampaignJourney {

	static final String PASSWORD = "demo";

	static final List<String> UNITS = List.of("u1", "u2", "u3", "u4", "u5");

	/** The demo units' names, as the 互查 task names show them. */
	static final Map<String, String> UNIT_NAMES = Map.of("u1", "办公室", "u2", "综合执法大队", "u3", "市容环境卫生管理所", "u4", "规划监察中队",
			"u5", "政务服务中心");

	private static final ObjectMapper JSON = new ObjectMapper();

	private final TestRestTemplate http;

	private final AuditEventRepository auditEvents;

	private final ApprovalOpinionService opinions;

	private final LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

	private long campaignId;

	private String code;

	CampaignJourney(TestRestTemplate http, AuditEventRepository auditEvents, ApprovalOpinionService opinions) {
		this.http = http;
		this.auditEvents = auditEvents;
		this.opinions = opinions;
	}

	/**
	 * The whole campaign, from the start by {@code office} to the summary.
	 */
	void run() {
		start();
		mobilize();
		selfInspection();
		crossInspection();
		Map<String, String> confirmed = review();
		rectify(confirmed);
		institutionalize();
		assertEnded();
	}

	// ------------------------------------------------------------------ 动员部署

	void start() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("title", "整治形式主义官僚主义专项行动（端到端）");
		body.put("basisDocuments", List.of(Map.of("title", "关于贯彻落实《整治形式主义为基层减负若干规定》的通知", "number", "中纪办〔2022〕8号")));
		body.put("scopeUnits", UNITS);
		body.put("deadlines", deadlines());

		// Only the campaign office may start a campaign.
		assertThat(exchange("u1", HttpMethod.POST, "/api/campaigns", body).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);

		ResponseEntity<String> started = exchange("office", HttpMethod.POST, "/api/campaigns", body);
		assertThat(started.getStatusCode()).as(started.getBody()).isEqualTo(HttpStatus.CREATED);
		JsonNode campaign = json(started);
		this.campaignId = campaign.get("id").asLong();
		this.code = campaign.get("code").asText();
		assertThat(this.code).matches("ZZ-\\d{4}-\\d{3}");
		assertThat(campaign.get("status").asText()).isEqualTo("RUNNING");
		assertThat(campaign.get("startedBy").asText()).isEqualTo("office");
		assertThat(campaign.at("/basisDocuments/0/number").asText()).isEqualTo("中纪办〔2022〕8号");
	}

	private Map<String, Object> deadlines() {
		return Map.of("selfInspection", this.today.plusDays(7).toString(), "crossInspection",
				this.today.plusDays(14).toString(), "review", this.today.plusDays(21).toString(), "rectification",
				this.today.plusDays(90).toString(), "regulation", this.today.plusDays(120).toString());
	}

	private Map<String, Object> planForm() {
		Map<String, Object> plan = new LinkedHashMap<>();
		plan.put("scopeUnits", String.join(",", UNITS));
		plan.put("categories", "DECISION,RESEARCH,IMPLEMENT,STYLE,DUTY");
		plan.put("selfInspectionDeadline", this.today.plusDays(7).toString());
		plan.put("crossInspectionDeadline", this.today.plusDays(14).toString());
		plan.put("reviewDeadline", this.today.plusDays(21).toString());
		plan.put("rectificationDeadline", this.today.plusDays(90).toString());
		plan.put("regulationDeadline", this.today.plusDays(120).toString());
		return plan;
	}

	void mobilize() {
		// A required field left out: refused with the Chinese message, the task stays
		// open.
		String study = claimGroupTask("office", "campaign-office", CampaignProcess.TASK_STUDY_SESSION);
		ResponseEntity<String> incomplete = submit("office", study,
				Map.of("studyDate", this.today.toString(), "materials", "中纪办〔2022〕8号文件精神"));
		assertThat(incomplete.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(incomplete.getBody()).contains("参加人员");
		assertThat(task("office", study)).isNotNull();
		submitOk("office", study, Map.of("studyDate", this.today.toString(), "attendees", "局党组成员、各二级单位主要负责人",
				"materials", "中纪办〔2022〕8号文件精神；整治形式主义为基层减负若干规定"));

		// The plan: returned once by the party group with an opinion, then approved.
		submitOk("office", claimGroupTask("office", "campaign-office", CampaignProcess.TASK_DRAFT_PLAN), planForm());
		String approval = claimGroupTask("party", "party-group", CampaignProcess.TASK_APPROVE_PLAN);
		assertThat(variable("party", approval, "info")).contains(this.code, "中纪办〔2022〕8号");
		submitOk("party", approval, Map.of("planApproved", "false", "opinion", "请细化各阶段时间节点"));
		String redraft = claimGroupTask("office", "campaign-office", CampaignProcess.TASK_DRAFT_PLAN);
		assertThat(variable("office", redraft, "info")).contains("请细化各阶段时间节点");
		submitOk("office", redraft, planForm());
		submitOk("party", claimGroupTask("party", "party-group", CampaignProcess.TASK_APPROVE_PLAN),
				Map.of("planApproved", "true", "opinion", "同意，按方案组织实施"));
		assertThat(campaign("office").get("phase").asText()).isEqualTo("INSPECT");
	}

	// ------------------------------------------------------------------ 查找问题

	void selfInspection() {
		Map<String, String> problems = Map.of("u1", "STYLE｜一般｜以会议落实会议，周例会、调度会重复召开｜会议记录\nIMPLEMENT｜较重｜重点工作部署多、督查督办少",
				"u2", "STYLE-DOCUMENTS｜一般｜以文件落实文件，转发文件未结合实际提出措施", "u3", "RESEARCH｜一般｜一般性调研多，带着问题的专题调研少", "u4",
				"DUTY｜较重｜窗口服务存在推诿扯皮现象", "u5", "");

		// Every unit sees exactly its own 自查 task; another unit's task is neither visible
		// nor claimable.
		String u1Task = null;
		for (String unit : UNITS) {
			List<JsonNode> own = tasks(unit, "processInstanceBusinessKey", this.code, "taskDefinitionKey",
					CampaignProcess.TASK_SELF_INSPECTION);
			assertThat(own).as("自查 tasks visible to %s", unit).hasSize(1);
			assertThat(own.get(0).get("name").asText()).isEqualTo("自查：" + UNIT_NAMES.get(unit));
			if (unit.equals("u1")) {
				u1Task = own.get(0).get("id").asText();
			}
		}
		assertThat(tasks("u2", "processInstanceBusinessKey", this.code, "candidateGroup", "unit-u1")).isEmpty();
		assertThat(exchange("u2", HttpMethod.POST, "/engine-rest/task/" + u1Task + "/claim", Map.of("userId", "u2"))
			.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(exchange("u2", HttpMethod.GET, "/engine-rest/task/" + u1Task, null).getStatusCode())
			.isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);

		for (String unit : UNITS) {
			String task = claimGroupTask(unit, "unit-" + unit, CampaignProcess.TASK_SELF_INSPECTION);
			if (unit.equals("u1")) {
				// A category outside the plan: refused, nothing stored, the task still
				// open.
				ResponseEntity<String> bad = submit(unit, task, Map.of("problems", "NOPE｜一般｜未知类别的问题"));
				assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
				assertThat(bad.getBody()).contains("第1行");
				assertThat(problems("office")).isEmpty();
			}
			submitOk(unit, task, Map.of("problems", problems.get(unit)));
		}
		assertThat(problems("office")).hasSize(5);
		// A handler sees only the problems of the unit.
		assertThat(problems("u1")).extracting((p) -> p.get("unitCode").asText()).containsOnly("u1").hasSize(2);
	}

	void crossInspection() {
		Map<String, String> inspectedBy = new LinkedHashMap<>();
		for (String unit : UNITS) {
			String task = claimGroupTask(unit, "unit-" + unit, CampaignProcess.TASK_CROSS_INSPECTION);
			String name = task(unit, task).get("name").asText();
			String prefix = "互查：" + UNIT_NAMES.get(unit) + "检查";
			assertThat(name).startsWith(prefix);
			String inspected = UNIT_NAMES.entrySet()
				.stream()
				.filter((e) -> e.getValue().equals(name.substring(prefix.length())))
				.map(Map.Entry::getKey)
				.findFirst()
				.orElseThrow();
			assertThat(inspected).as("a unit never inspects itself").isNotEqualTo(unit);
			inspectedBy.put(unit, inspected);
			String found = switch (inspected) {
				case "u1" -> "STYLE-MEETINGS｜一般｜例会过多，以会议落实会议（与自查重复）";
				case "u5" -> "DECISION｜严重｜贯彻落实上级决策部署打折扣、搞变通";
				default -> "";
			};
			submitOk(unit, task, Map.of("problems", found));
		}
		assertThat(inspectedBy.values()).as("every unit inspected once").containsExactlyInAnyOrderElementsOf(UNITS);
		assertThat(problems("office")).hasSize(7);
	}

	/**
	 * 全面剖析 by the party group: merge the duplicate, reject one, confirm the rest.
	 * @return the confirmed problems' labels by unit and category
	 */
	Map<String, String> review() {
		List<JsonNode> problems = problems("party");
		String first = label(problems,
				(p) -> p.get("unitCode").asText().equals("u1") && p.get("categoryCode").asText().equals("STYLE"));
		String duplicate = label(problems, (p) -> p.get("description").asText().contains("与自查重复"));
		String rejected = label(problems, (p) -> p.get("unitCode").asText().equals("u3"));

		String task = claimGroupTask("party", "party-group", CampaignProcess.TASK_REVIEW);
		ResponseEntity<String> partial = submit("party", task, Map.of("decisions", first + " 确认"));
		assertThat(partial.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(partial.getBody()).contains("未剖析");
		assertThat(problems("party")).allSatisfy((p) -> assertThat(p.get("status").asText()).isEqualTo("REGISTERED"));

		submitOk("party", task,
				Map.of("decisions", duplicate + " 合并 " + first + "\n" + rejected + " 驳回 已在上级专项整治中整改\n其余 确认"));
		List<JsonNode> decided = problems("party");
		assertThat(decided).filteredOn((p) -> p.get("status").asText().equals("MERGED"))
			.singleElement()
			.satisfies((p) -> {
				assertThat(p.get("number").asText()).isEqualTo(duplicate);
				assertThat(p.get("mergedIntoId").asLong()).isEqualTo(id(decided, first));
			});
		assertThat(decided).filteredOn((p) -> p.get("status").asText().equals("REJECTED"))
			.singleElement()
			.satisfies((p) -> assertThat(p.get("rejectReason").asText()).isEqualTo("已在上级专项整治中整改"));
		List<JsonNode> confirmed = decided.stream()
			.filter((p) -> p.get("status").asText().equals("CONFIRMED"))
			.toList();
		assertThat(confirmed).hasSize(5)
			.allSatisfy((p) -> assertThat(p.get("ledgerEntryCode").asText()).startsWith(this.code + "-"));
		assertThat(campaign("office").get("phase").asText()).isEqualTo("RECTIFY");
		return confirmed.stream()
			.collect(Collectors.toMap((p) -> p.get("ledgerEntryCode").asText(), (p) -> p.get("number").asText(),
					(a, b) -> a, LinkedHashMap::new));
	}

	// ------------------------------------------------------------------ 问题整改

	void rectify(Map<String, String> confirmed) {
		JsonNode page = json(
				exchange("office", HttpMethod.GET, "/api/campaigns/" + this.campaignId + "/ledger?size=200", null));
		List<JsonNode> entries = list(page.get("content"));
		assertThat(entries).extracting((e) -> e.get("code").asText())
			.containsExactlyInAnyOrderElementsOf(confirmed.keySet());
		assertThat(entries).allSatisfy((e) -> assertThat(e.get("status").asText()).isEqualTo("ASSIGNING"));

		// A handler of another unit sees neither the entries nor the tasks of u1.
		JsonNode u1Entry = entries.stream()
			.filter((e) -> e.get("unitCode").asText().equals("u1"))
			.findFirst()
			.orElseThrow();
		assertThat(exchange("u2", HttpMethod.GET, "/api/ledger/" + u1Entry.get("id").asLong(), null).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(exchange("u2", HttpMethod.GET, "/api/campaigns/" + this.campaignId + "/ledger?unit=u1", null)
			.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

		boolean firstOfU1 = true;
		JsonNode carried = null;
		for (JsonNode entry : entries) {
			String unit = entry.get("unitCode").asText();
			String entryCode = entry.get("code").asText();
			String leader = unit + "lead";

			// 指定责任人 by the unit leader (the task is assigned to the leader).
			String assign = assignedTask(leader, entryCode, "Task_AssignResponsible");
			submitOk(leader, assign, Map.of("responsiblePerson", unit));

			// 制定整改措施 by the responsible person, 审核 by the leader.
			submitOk(unit, assignedTask(unit, entryCode, "Task_DraftMeasures"),
					Map.of("measures", "制定整改清单，明确时间节点，建立长效机制", "workingDays", 5));
			String approve = assignedTask(leader, entryCode, "Task_ApproveMeasures");
			if (unit.equals("u1") && firstOfU1) {
				firstOfU1 = false;
				// Four eyes: the leader may not hand the approval to the drafter.
				ResponseEntity<String> handOver = exchange(leader, HttpMethod.POST,
						"/engine-rest/task/" + approve + "/assignee", Map.of("userId", unit));
				assertThat(handOver.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
				assertThat(handOver.getBody()).contains("四眼原则");
				assertThat(task(leader, approve).get("assignee").asText()).isEqualTo(leader);
				// Returned once with an opinion, redrafted, approved.
				submitOk(leader, approve, Map.of("measuresApproved", "false", "opinion", "措施不够具体，请细化时间节点"));
				submitOk(unit, assignedTask(unit, entryCode, "Task_DraftMeasures"),
						Map.of("measures", "一、精简例会；二、每周三无会日；三、月底前完成", "workingDays", 5));
				approve = assignedTask(leader, entryCode, "Task_ApproveMeasures");
				submitOk(leader, approve, Map.of("measuresApproved", "true", "opinion", "同意"));
				// Progress, a closure the office rejects, then one it accepts.
				submitOk(unit, assignedTask(unit, entryCode, "Task_Rectify"),
						Map.of("rectifyAction", "PROGRESS", "progressText", "已制定会议精简办法"));
				submitOk(unit, assignedTask(unit, entryCode, "Task_Rectify"),
						Map.of("rectifyAction", "CLOSURE", "evidenceNote", "会议精简办法"));
				submitOk("office", claimBusinessTask("office", "campaign-office", entryCode, "Task_AcceptClosure"),
						Map.of("closureAccepted", "false", "opinion", "佐证不足，请补充执行情况"));
				submitOk(unit, assignedTask(unit, entryCode, "Task_Rectify"),
						Map.of("rectifyAction", "CLOSURE", "evidenceNote", "会议精简办法已印发，近一月例会由8次减至3次，会议记录已归档"));
				submitOk("office", claimBusinessTask("office", "campaign-office", entryCode, "Task_AcceptClosure"),
						Map.of("closureAccepted", "true", "opinion", "整改到位，予以销号"));
				continue;
			}
			submitOk(leader, approve, Map.of("measuresApproved", "true", "opinion", "同意"));
			submitOk(unit, assignedTask(unit, entryCode, "Task_Rectify"),
					Map.of("rectifyAction", "PROGRESS", "progressText", "整改措施已部署落实"));
			if (unit.equals("u2")) {
				carried = entry;
				submitOk(unit, assignedTask(unit, entryCode, "Task_Rectify"),
						Map.of("rectifyAction", "CARRY_OVER", "carryOverReason", "涉及上级系统改造，需跨年度推进"));
				submitOk("party", claimBusinessTask("party", "party-group", entryCode, "Task_ApproveCarryOver"),
						Map.of("carryOverApproved", "true", "opinion", "同意结转，纳入下年度整改"));
			}
			else {
				submitOk(unit, assignedTask(unit, entryCode, "Task_Rectify"),
						Map.of("rectifyAction", "CLOSURE", "evidenceNote", "整改材料已归档"));
				submitOk("office", claimBusinessTask("office", "campaign-office", entryCode, "Task_AcceptClosure"),
						Map.of("closureAccepted", "true", "opinion", "整改到位，予以销号"));
			}
		}
		assertThat(carried).as("an entry of u2 to carry over").isNotNull();
		String carriedCode = carried.get("code").asText();
		long carriedId = carried.get("id").asLong();

		// Every entry settled: closed or carried over, with its opinions and history.
		List<JsonNode> settled = list(json(
				exchange("supervisor", HttpMethod.GET, "/api/campaigns/" + this.campaignId + "/ledger?size=200", null))
			.get("content"));
		assertThat(settled).hasSize(confirmed.size()).allSatisfy((e) -> {
			assertThat(e.get("status").asText()).isIn("CLOSED", "CARRIED_OVER");
			assertThat(e.get("responsiblePerson").asText()).isEqualTo(e.get("unitCode").asText());
			assertThat(e.get("responsibleLeader").asText()).isEqualTo(e.get("unitCode").asText() + "lead");
			assertThat(e.get("overdue").asBoolean()).isFalse();
		});
		assertThat(settled).filteredOn((e) -> e.get("status").asText().equals("CARRIED_OVER"))
			.singleElement()
			.satisfies((e) -> {
				assertThat(e.get("code").asText()).isEqualTo(carriedCode);
				assertThat(e.get("carriedOverReason").asText()).contains("跨年度");
			});
		assertThat(settled).filteredOn((e) -> e.get("status").asText().equals("CLOSED"))
			.hasSize(confirmed.size() - 1)
			.allSatisfy((e) -> {
				assertThat(e.get("closedAt").isNull()).isFalse();
				assertThat(e.get("evidenceNote").asText()).isNotBlank();
			});
		JsonNode u1Detail = json(exchange("u1", HttpMethod.GET, "/api/ledger/" + u1Entry.get("id").asLong(), null));
		assertThat(list(u1Detail.get("opinions"))).extracting((o) -> o.get("opinion").asText())
			.contains("措施不够具体，请细化时间节点", "同意", "佐证不足，请补充执行情况", "整改到位，予以销号");
		assertThat(list(u1Detail.get("opinions"))).extracting((o) -> o.get("userId").asText())
			.contains("u1lead", "office");
		assertThat(list(u1Detail.get("progress"))).isNotEmpty();
		JsonNode carriedDetail = json(exchange("party", HttpMethod.GET, "/api/ledger/" + carriedId, null));
		assertThat(list(carriedDetail.get("opinions"))).extracting((o) -> o.get("opinion").asText())
			.contains("同意结转，纳入下年度整改");
		for (JsonNode entry : settled) {
			assertThat(this.auditEvents.findByItemTypeAndItemIdOrderByOccurredAtAscIdAsc("ledger-entry",
					entry.get("id").asText()))
				.extracting(AuditEvent::getAction)
				.contains("LEDGER_ENTRY_OPENED");
		}
		assertThat(this.auditEvents.findByItemTypeAndItemIdOrderByOccurredAtAscIdAsc("campaign",
				String.valueOf(this.campaignId)))
			.extracting(AuditEvent::getAction)
			.contains("LEDGER_SETTLED");
	}

	// ------------------------------------------------------------------ 建章立制

	void institutionalize() {
		assertThat(campaign("office").get("phase").asText()).isEqualTo("INSTITUTIONALIZE");
		List<String> confirmed = problems("office").stream()
			.filter((p) -> p.get("status").asText().equals("CONFIRMED"))
			.map((p) -> p.get("number").asText())
			.toList();
		String draft = claimGroupTask("office", "campaign-office", CampaignProcess.TASK_DRAFT_REGULATION);
		Map<String, Object> regulation = new LinkedHashMap<>();
		regulation.put("regulationTitle", "精简会议文件管理办法");
		regulation.put("regulationBody", "一、严格控制会议数量和规模；二、每周三为无会日；三、文件须结合实际提出措施。");
		regulation.put("regulationProblems", String.join(",", confirmed.subList(0, 2)));
		regulation.put("moreRegulations", false);
		submitOk("office", draft, regulation);
		submitOk("party", claimGroupTask("party", "party-group", CampaignProcess.TASK_REVIEW_REGULATION),
				Map.of("regulationApproved", "true", "opinion", "同意发布"));
		submitOk("office", claimGroupTask("office", "campaign-office", CampaignProcess.TASK_SUMMARY),
				Map.of("summary", "专项整治共查找问题7个，确认5个，已销号4个，结转1个；建立制度1项。"));
	}

	void assertEnded() {
		assertThat(list(json(exchange("office", HttpMethod.GET,
				"/engine-rest/process-instance?maxResults=10&processDefinitionKey=campaign&businessKey=" + this.code,
				null))))
			.isEmpty();
		List<JsonNode> history = list(json(exchange("office", HttpMethod.GET,
				"/engine-rest/history/process-instance?maxResults=10&processDefinitionKey=campaign"
						+ "&processInstanceBusinessKey=" + this.code,
				null)));
		assertThat(history).singleElement()
			.satisfies((h) -> assertThat(h.get("state").asText()).isEqualTo("COMPLETED"));
		assertThat(tasks("office", "processInstanceBusinessKey", this.code)).isEmpty();

		JsonNode campaign = campaign("supervisor");
		assertThat(campaign.get("status").asText()).isEqualTo("COMPLETED");
		assertThat(campaign.get("phase").asText()).isEqualTo("COMPLETED");
		assertThat(campaign.get("endedAt").isNull()).isFalse();
		assertThat(campaign.at("/problems/CONFIRMED").asLong()).isEqualTo(5);
		assertThat(campaign.at("/problems/MERGED").asLong()).isEqualTo(1);
		assertThat(campaign.at("/problems/REJECTED").asLong()).isEqualTo(1);
		assertThat(campaign.at("/ledger/total").asLong()).isEqualTo(5);
		assertThat(campaign.at("/ledger/open").asLong()).isZero();
		assertThat(campaign.at("/ledger/closed").asLong()).isEqualTo(4);
		assertThat(campaign.at("/ledger/carriedOver").asLong()).isEqualTo(1);

		List<AuditEvent> audit = this.auditEvents.findByItemTypeAndItemIdOrderByOccurredAtAscIdAsc("campaign",
				String.valueOf(this.campaignId));
		assertThat(audit).extracting(AuditEvent::getAction)
			.contains("CAMPAIGN_STARTED", "STUDY_SESSION_RECORDED", "PLAN_SUBMITTED", "PLAN_RETURNED", "PLAN_APPROVED",
					"CROSS_INSPECTION_ASSIGNED", "LEDGER_SETTLED", "CAMPAIGN_COMPLETED");
		assertThat(audit).filteredOn((e) -> e.getAction().equals("CAMPAIGN_STARTED"))
			.singleElement()
			.satisfies((e) -> assertThat(e.getActor()).isEqualTo("office"));
		assertThat(audit).filteredOn((e) -> e.getAction().equals("PLAN_RETURNED"))
			.singleElement()
			.satisfies((e) -> assertThat(e.getActor()).isEqualTo("party"));
		List<ApprovalOpinion> campaignOpinions = this.opinions.byBusinessKey(CampaignProcess.KEY, this.code);
		assertThat(campaignOpinions).extracting(ApprovalOpinion::getOpinion)
			.containsExactly("请细化各阶段时间节点", "同意，按方案组织实施", "同意发布");
		assertThat(campaignOpinions).extracting(ApprovalOpinion::getUserId).containsOnly("party");
	}

	// ------------------------------------------------------------------ Tasklist moves

	/** The user's group task of this campaign, claimed by the user. */
	String claimGroupTask(String user, String group, String taskKey) {
		return claimBusinessTask(user, group, this.code, taskKey);
	}

	String claimBusinessTask(String user, String group, String businessKey, String taskKey) {
		List<JsonNode> found = tasks(user, "processInstanceBusinessKey", businessKey, "taskDefinitionKey", taskKey,
				"candidateGroup", group);
		assertThat(found).as("%s: %s of %s for %s", user, taskKey, businessKey, group).hasSize(1);
		String id = found.get(0).get("id").asText();
		ResponseEntity<String> claimed = exchange(user, HttpMethod.POST, "/engine-rest/task/" + id + "/claim",
				Map.of("userId", user));
		assertThat(claimed.getStatusCode()).as(claimed.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
		return id;
	}

	/** The task assigned to the user (Tasklist's "my tasks"). */
	String assignedTask(String user, String businessKey, String taskKey) {
		List<JsonNode> found = tasks(user, "processInstanceBusinessKey", businessKey, "taskDefinitionKey", taskKey,
				"assignee", user);
		assertThat(found).as("%s: %s of %s", user, taskKey, businessKey).hasSize(1);
		return found.get(0).get("id").asText();
	}

	List<JsonNode> tasks(String user, String... params) {
		// paged: the engine refuses unbounded lists (queryMaxResultsLimit)
		StringBuilder url = new StringBuilder("/engine-rest/task?maxResults=100&");
		for (int i = 0; i < params.length; i += 2) {
			// Not encoded here: TestRestTemplate expands the URL as a template and
			// encodes it (a like's '%' included).
			url.append(params[i]).append('=').append(params[i + 1]).append('&');
		}
		ResponseEntity<String> response = exchange(user, HttpMethod.GET, url.toString(), null);
		assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
		return list(json(response));
	}

	JsonNode task(String user, String taskId) {
		ResponseEntity<String> response = exchange(user, HttpMethod.GET, "/engine-rest/task/" + taskId, null);
		return (response.getStatusCode() == HttpStatus.OK) ? json(response) : null;
	}

	String variable(String user, String taskId, String name) {
		ResponseEntity<String> response = exchange(user, HttpMethod.GET,
				"/engine-rest/task/" + taskId + "/variables/" + name, null);
		assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
		return json(response).get("value").asText();
	}

	/** Completes a task as Tasklist does for a Camunda Form. */
	ResponseEntity<String> submit(String user, String taskId, Map<String, ?> values) {
		Map<String, Object> variables = new LinkedHashMap<>();
		values.forEach((name, value) -> {
			String type = (value instanceof Boolean) ? "Boolean" : (value instanceof Integer) ? "Integer" : "String";
			variables.put(name, Map.of("value", value, "type", type));
		});
		return exchange(user, HttpMethod.POST, "/engine-rest/task/" + taskId + "/submit-form",
				Map.of("variables", variables));
	}

	void submitOk(String user, String taskId, Map<String, ?> values) {
		ResponseEntity<String> response = submit(user, taskId, values);
		assertThat(response.getStatusCode()).as("%s submits %s: %s", user, values, response.getBody())
			.isIn(HttpStatus.NO_CONTENT, HttpStatus.OK);
	}

	// ------------------------------------------------------------------ the project's
	// API

	JsonNode campaign(String user) {
		ResponseEntity<String> response = exchange(user, HttpMethod.GET, "/api/campaigns/" + this.campaignId, null);
		assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
		return json(response);
	}

	List<JsonNode> problems(String user) {
		ResponseEntity<String> response = exchange(user, HttpMethod.GET,
				"/api/campaigns/" + this.campaignId + "/problems", null);
		assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
		return list(json(response));
	}

	long campaignId() {
		return this.campaignId;
	}

	String code() {
		return this.code;
	}

	ResponseEntity<String> exchange(String user, HttpMethod method, String url, Object body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setBasicAuth(user, PASSWORD);
		headers.setContentType(MediaType.APPLICATION_JSON);
		headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
		return this.http.exchange(url, method, new HttpEntity<>(body, headers), String.class);
	}

	static JsonNode json(ResponseEntity<String> response) {
		try {
			return JSON.readTree(response.getBody());
		}
		catch (Exception ex) {
			throw new IllegalStateException("not JSON: " + response, ex);
		}
	}

	static List<JsonNode> list(JsonNode array) {
		assertThat(array.isArray()).as("array: %s", array).isTrue();
		return new ArrayList<>(StreamSupport.stream(array.spliterator(), false).toList());
	}

	private static String label(List<JsonNode> problems, Predicate<JsonNode> which) {
		return problems.stream().filter(which).findFirst().orElseThrow().get("number").asText();
	}

	private static long id(List<JsonNode> problems, String label) {
		return problems.stream()
			.filter((p) -> p.get("number").asText().equals(label))
			.findFirst()
			.orElseThrow()
			.get("id")
			.asLong();
	}

}
