package org.rectifyflow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.modulith.docs.Documenter.DiagramOptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.modulith.docs.Documenter.DiagramOptions.ElementsWithoutRelationships.VISIBLE;

/**
 * Writes the module documentation into {@code target/spring-modulith-docs}: the diagram
 * of all modules ({@code components.puml}), one diagram per module
 * ({@code module-*.puml}) and one canvas per module ({@code module-*.adoc}).
 * {@code docs/modules/} holds a copy of the diagram of all modules; docs/architecture.md
 * says how to refresh it.
 */
class ModuleDocumentationTest {

	private static final Path OUTPUT = Path.of("target", "spring-modulith-docs");

	@Test
	void shouldWriteTheModuleDiagramsAndCanvases() throws IOException {
		ApplicationModules modules = ApplicationModules.of(RectifyFlowApplication.class);

		new Documenter(modules)
			.writeModulesAsPlantUml(DiagramOptions.defaults().withElementsWithoutRelationships(VISIBLE))
			.writeIndividualModulesAsPlantUml()
			.writeModuleCanvases();

		assertThat(OUTPUT.resolve("components.puml")).isNotEmptyFile();
		modules.forEach((module) -> {
			assertThat(OUTPUT.resolve("module-" + module.getIdentifier() + ".puml")).isNotEmptyFile();
			assertThat(OUTPUT.resolve("module-" + module.getIdentifier() + ".adoc")).isNotEmptyFile();
		});
		assertThat(Files.readString(OUTPUT.resolve("components.puml")))
			.contains(modules.stream().map((module) -> module.getDisplayName()).toList());
	}

}
