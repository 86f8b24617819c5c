package org.rectifyflow.clue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.feel.FeelEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One test per rule of {@code bpmn/clue-triage.dmn} (hit policy FIRST).
 */
class ClueTriageTest {

	private static DmnEngine engine;

	private static DmnDecision decision;

	@BeforeAll
	static void parse() throws Exception {
		engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
		try (InputStream in = Files.newInputStream(Path.of("bpmn/clue-triage.dmn"))) {
			decision = engine.parseDecision(ClueProcess.DECISION_TRIAGE, in);
		}
	}

	private static String[] triage(boolean clear, boolean targeted, boolean specific, boolean quick, String category) {
		DmnDecisionRuleResult result = engine
			.evaluateDecisionTable(decision,
					Variables.createVariables()
						.putValue("clueClear", clear)
						.putValue("clueTargeted", targeted)
						.putValue("clueSpecific", specific)
						.putValue("quickVerifiable", quick)
						.putValue("category", category))
			.getSingleResult();
		return new String[] { result.getEntry("route"), result.getEntry("suggestedDisposal") };
	}

	@Test
	void shouldNeverSendMisconductToTheGreenChannel() {
		assertThat(triage(true, true, true, true, "MISCONDUCT")).containsExactly("STANDARD",
				"PRELIMINARY_VERIFICATION");
	}

	@Test
	void shouldFastTrackAClearTargetedSpecificQuickClue() {
		assertThat(triage(true, true, true, true, "MEETINGS_DOCUMENTS")).containsExactly("GREEN", "TALK_INQUIRY");
	}

	@Test
	void shouldSetADeadlineForAClearClueThatCannotBeVerifiedQuickly() {
		assertThat(triage(true, true, true, false, "RESEARCH")).containsExactly("STANDARD", "PRELIMINARY_VERIFICATION");
	}

	@Test
	void shouldSuggestClosingAClueThatIsNeitherClearNorTargeted() {
		assertThat(triage(false, false, true, true, "OTHER")).containsExactly("STANDARD", "CLOSE");
	}

	@Test
	void shouldSuggestShelvingAClueThatIsNotSpecific() {
		assertThat(triage(true, false, false, false, "RESPONSIBILITY")).containsExactly("STANDARD", "SHELVE");
	}

	@Test
	void shouldVerifyEverythingElseWithinADeadline() {
		assertThat(triage(false, true, true, true, "WORK_IMPLEMENTATION")).containsExactly("STANDARD",
				"PRELIMINARY_VERIFICATION");
	}

	/**
	 * The FEEL engine builds its table of built-in functions once, not again for every
	 * expression it evaluates (a triage evaluates about 19). The engine that Camunda 7.24
	 * ships (feel-engine 1.19.3) rebuilds it each time, a tenth of a clue life's
	 * processor time; the build pins the patch release that keeps it
	 * (docs/performance.md, "What a clue life cost").
	 */
	@Test
	void shouldEvaluateWithAFeelEngineThatKeepsItsBuiltinFunctions() throws Exception {
		assertThat(FeelEngine.class.getDeclaredField("rootContext").getType().getSimpleName()).isEqualTo("EvalContext");
	}

}
