package org.rectifyflow.task;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code task-query.xml} is Camunda's task query with one change. This test fails when
 * Camunda's statement or the authorization fragments it uses change, for example on an
 * upgrade: then the change must be made again on the new text (docs/performance.md).
 */
class TaskQueryStatementsTest {

	private static final String ENGINE_TASK = "org/camunda/bpm/engine/impl/mapping/entity/Task.xml";

	private static final String ENGINE_AUTHORIZATION = "org/camunda/bpm/engine/impl/mapping/entity/Authorization.xml";

	private static final String RECHECK = "Camunda's task query changed: make the change of "
			+ TaskQueryStatements.MAPPING + " again on the engine's new text, run TaskQueryDifferentialTest and "
			+ "TaskQueryStatementsIT, and record the new text here (docs/performance.md, 'On a Camunda upgrade')";

	/** The engine's join of the grants, which the copy leaves out. */
	private static final String ENGINE_JOIN = """
			<if test="authCheck.shouldPerformAuthorizatioCheck &amp;&amp; authCheck.authUserId != null">
			<if test="!authCheck.revokeAuthorizationCheckEnabled">
			<include refid="org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity.authCheckJoinWithoutOnClause" />
			AUTH ON (AUTH.RESOURCE_ID_ ${authJoinStart} RES.ID_ ${authJoinSeparator} D.KEY_ ${authJoinSeparator} '*' ${authJoinEnd})
			</if>
			</if>""";

	private static final String COPY_JOIN = "<!-- changed: no join of the grants here; see taskAuthorizationCheck -->";

	/** The engine's check of the joined grants, which the copy replaces. */
	private static final String ENGINE_CHECK = """
			<bind name="applyAuthorizationCheckForCaseInstances" value="authCheck.useLeftJoin" />
			<include refid="org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity.contextualAuthorizationCheck" />""";

	private static final String COPY_CHECK = """
			<!-- changed: the grants are tested by semi-joins instead of the join -->
			<include refid="taskAuthorizationCheck" />""";

	/** Where the engine's statement starts reading. */
	private static final String ENGINE_FROM = "from ${prefix}ACT_RU_TASK RES";

	/**
	 * Where the copy starts reading: from the candidate links when the PostgreSQL count
	 * asks for it and the query requires a candidate link of given groups.
	 */
	private static final String COPY_FROM = """
			<!-- changed: when the caller asks for it, a query (without "or") for the tasks of given
			candidate groups, and of no candidate user or group pattern, reads the candidate links
			first. The query requires such a link (I.TYPE_ = 'candidate' and I.GROUP_ID_ in ...),
			so the engine's left join of the links keeps only rows an inner join from the links
			yields too: the same pairs of task and link. -->
			<bind name="FROM_LINKS" value="FROM_CANDIDATE_LINKS &amp;&amp; queries.size == 1
			&amp;&amp; queries[0].candidateUser == null &amp;&amp; queries[0].candidateGroupLike == null
			&amp;&amp; queries[0].candidateGroups != null &amp;&amp; queries[0].candidateGroups.size &gt; 0" />
			<choose>
			<when test="FROM_LINKS">
			from ${prefix}ACT_RU_IDENTITYLINK I
			cross join lateral (select * from ${prefix}ACT_RU_TASK T where T.ID_ = I.TASK_ID_ offset 0) RES
			</when>
			<otherwise>
			from ${prefix}ACT_RU_TASK RES
			</otherwise>
			</choose>""";

	private static final String ENGINE_LINK_JOIN = "<if test=\"I_JOIN\">";

	/** Read from the candidate links, the copy does not join them again. */
	private static final String COPY_LINK_JOIN = "<if test=\"I_JOIN &amp;&amp; !FROM_LINKS\">";

	/** How the selects that keep the engine's starting point say so. */
	private static final String FROM_LINKS_NOT_ASKED = "<bind name=\"FROM_CANDIDATE_LINKS\" value=\"false\" /> ";

	/** How the PostgreSQL count asks to start from the candidate links. */
	private static final String FROM_LINKS_ASKED = "<bind name=\"FROM_CANDIDATE_LINKS\" value=\"true\" /> ";

	/**
	 * SHA-256 of the authorization fragments of Camunda 7.24.0 that the copy uses or
	 * reproduces (whitespace collapsed).
	 */
	private static final String AUTHORIZATION_FRAGMENTS_SHA256 = "fb910a4887bcaa59f94ce99f1e9cc3d20cacd41ed58b7ea3f3237b525a43aa24";

	@Test
	void shouldCopyTheEngineStatementExceptForTheAuthorizationCheck() throws IOException {
		String engine = read(ENGINE_TASK);
		String copy = read(TaskQueryStatements.MAPPING);

		String engineSql = element(engine, "sql", "selectTaskByQueryCriteriaSql");
		assertThat(normalize(engineSql)).as(RECHECK)
			.contains(normalize(ENGINE_JOIN))
			.contains(normalize(ENGINE_CHECK))
			.containsOnlyOnce(ENGINE_FROM)
			.containsOnlyOnce(ENGINE_LINK_JOIN);
		String expected = normalize(engineSql).replace(normalize(ENGINE_JOIN), normalize(COPY_JOIN))
			.replace(normalize(ENGINE_CHECK), normalize(COPY_CHECK))
			.replace(ENGINE_FROM, normalize(COPY_FROM))
			.replace(ENGINE_LINK_JOIN, COPY_LINK_JOIN)
			.replace("id=\"selectTaskByQueryCriteriaSql\"", "id=\"taskByQueryCriteriaSql\"");
		assertThat(normalize(element(copy, "sql", "taskByQueryCriteriaSql"))).as(RECHECK).isEqualTo(expected);

		assertThat(copiedSelect(copy, "selectTaskByQueryCriteriaWithGrantSemiJoins")).as(RECHECK)
			.isEqualTo(normalize(element(engine, "select", "selectTaskByQueryCriteria")));
		assertThat(copiedSelect(copy, "selectTaskCountByQueryCriteriaWithGrantSemiJoins")).as(RECHECK)
			.isEqualTo(normalize(element(engine, "select", "selectTaskCountByQueryCriteria")));
		assertThat(copiedSelect(copy, "selectTaskCountByQueryCriteriaFromCandidateLinks")
			.replace("FromCandidateLinks\"", "\"")
			.replace(FROM_LINKS_ASKED, "")).as(RECHECK)
			.isEqualTo(normalize(element(engine, "select", "selectTaskCountByQueryCriteria")));
	}

	@Test
	void shouldUseTheAuthorizationFragmentsOfTheEngineVersionItWasWrittenFor() throws IOException {
		String authorization = read(ENGINE_AUTHORIZATION);
		StringBuilder fragments = new StringBuilder();
		for (String id : new String[] { "authCheckJoinWithoutOnClause", "authCheckJoinWithoutOnClauseWithBinding",
				"atomicChecksOnResourceTypeAndPerms", "contextualAuthorizationCheck" }) {
			fragments.append(normalize(element(authorization, "sql", id))).append('\n');
		}
		assertThat(sha256(fragments.toString())).as(RECHECK).isEqualTo(AUTHORIZATION_FRAGMENTS_SHA256);
	}

	@Test
	void shouldStandInForTheEngineReadingOfTheGroupsThatHoldAuthorizations() throws IOException {
		assertThat(normalize(element(read(ENGINE_AUTHORIZATION), "select", "selectAuthorizedGroupIds"))).as(RECHECK)
			.isEqualTo("<select id=\"selectAuthorizedGroupIds\" resultType=\"string\"> "
					+ "SELECT distinct(A.GROUP_ID_) FROM ${prefix}ACT_RU_AUTHORIZATION A </select>");
		assertThat(element(read(TaskQueryStatements.MAPPING), "select", "selectAuthorizedGroupIdsBySkipScan"))
			.contains("resultType=\"string\"");
	}

	/** A select of the copy, written back with the engine's ids. */
	private static String copiedSelect(String copy, String id) {
		return normalize(element(copy, "select", id)).replace("WithGrantSemiJoins\"", "\"")
			.replace(FROM_LINKS_NOT_ASKED, "")
			.replace("resultMap=\"org.camunda.bpm.engine.impl.persistence.entity.TaskEntity.taskResultMap\"",
					"resultMap=\"taskResultMap\"")
			.replace("refid=\"org.camunda.bpm.engine.impl.persistence.entity.TaskEntity.columnSelection\"",
					"refid=\"columnSelection\"")
			.replace("refid=\"taskByQueryCriteriaSql\"", "refid=\"selectTaskByQueryCriteriaSql\"");
	}

	private static String element(String xml, String tag, String id) {
		Matcher matcher = Pattern
			.compile("<" + tag + " id=\"" + Pattern.quote(id) + "\".*?</" + tag + ">", Pattern.DOTALL)
			.matcher(xml);
		assertThat(matcher.find()).as("<%s id=\"%s\"> not found. %s", tag, id, RECHECK).isTrue();
		return matcher.group();
	}

	private static String normalize(String text) {
		return text.replaceAll("\\s+", " ").trim();
	}

	private static String read(String resource) throws IOException {
		try (InputStream in = TaskQueryStatementsTest.class.getClassLoader().getResourceAsStream(resource)) {
			assertThat(in).as(resource).isNotNull();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
