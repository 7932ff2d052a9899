package com.blogplatform;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.web.bind.annotation.RestController;

/**
 * The module boundaries, enforced: Spring Modulith's verification plus rules of our own. The same
 * run regenerates the module documentation that {@code modules.md} embeds.
 */
class ModularityTests {

	static final ApplicationModules modules = ApplicationModules.of(BlogPlatformApplication.class);

	static final JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("com.blogplatform");

	@Test
	void modulesOnlyUseEachOthersPublicApi() {
		modules.verify();
	}

	@Test
	void blogReachesAuthOnlyThroughItsPort() {
		noClasses().that().resideInAPackage("com.blogplatform.blog..")
			.should().dependOnClassesThat().resideInAPackage("com.blogplatform.auth.(*)..")
			.because("blog may use only auth's API package: the port and its result types")
			.check(classes);
	}

	@Test
	void blogNeverReadsAuthsTables() {
		noClasses().that().resideInAPackage("com.blogplatform.blog..")
			.should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.springframework.jdbc..",
					"org.springframework.data.jdbc..", "org.springframework.data.relational..")
			.because("auth's PostgreSQL schema belongs to auth")
			.check(classes);
	}

	@Test
	void sharedKernelKnowsNoModule() {
		noClasses().that().resideInAPackage("com.blogplatform.shared..")
			.should().dependOnClassesThat().resideInAnyPackage("com.blogplatform.auth..", "com.blogplatform.blog..")
			.check(classes);
	}

	@Test
	void controllersDoNotTouchPersistence() {
		noClasses().that().areAnnotatedWith(RestController.class)
			.should().dependOnClassesThat().areAssignableTo(org.springframework.data.repository.Repository.class)
			.orShould().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..",
					"org.springframework.data.mongodb.core..", "java.sql..")
			.because("controllers translate HTTP to application services and back, nothing more")
			.check(classes);
	}

	@Test
	void modulesAreFreeOfCycles() {
		slices().matching("com.blogplatform.(*)..").should().beFreeOfCycles().check(classes);
	}

	@Test
	void packagesInsideEachModuleAreFreeOfCycles() {
		slices().matching("com.blogplatform.(*).(*)..").should().beFreeOfCycles().check(classes);
	}

	@Test
	void writesModuleDocumentation() throws IOException {
		Path output = Path.of("docs", "modules");
		new Documenter(modules, Documenter.Options.defaults().withOutputFolder(output.toString()))
			.writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml()
			.writeModuleCanvases();
		String diagram = mermaid(modules);
		Path modulesMd = Path.of("modules.md");
		String text = Files.readString(modulesMd);
		String begin = "<!-- generated:modules -->";
		String end = "<!-- /generated:modules -->";
		String updated = text.substring(0, text.indexOf(begin) + begin.length()) + "\n" + diagram
				+ text.substring(text.indexOf(end));
		if (!updated.equals(text)) {
			Files.writeString(modulesMd, updated);
			assertThat(System.getenv("CI")).as("modules.md was stale: run the tests locally and commit it").isNotEqualTo("true");
		}
		assertThat(output.resolve("components.puml")).exists();
	}

	/** The module graph as a Mermaid diagram, which GitHub renders. */
	private static String mermaid(ApplicationModules modules) {
		String nodes = modules.stream()
			.sorted(Comparator.comparing(ApplicationModule::getIdentifier, Comparator.comparing(Object::toString)))
			.map(module -> "  " + module.getIdentifier() + "[\"" + module.getDisplayName() + "\"]")
			.collect(Collectors.joining("\n"));
		String edges = modules.stream()
			.sorted(Comparator.comparing(ApplicationModule::getIdentifier, Comparator.comparing(Object::toString)))
			.flatMap(module -> module.getDirectDependencies(modules).uniqueModules()
				.sorted(Comparator.comparing(ApplicationModule::getIdentifier, Comparator.comparing(Object::toString)))
				.map(target -> "  " + module.getIdentifier() + " --> " + target.getIdentifier()))
			.distinct()
			.collect(Collectors.joining("\n"));
		return "```mermaid\nflowchart LR\n" + nodes + "\n" + edges + "\n```\n";
	}
}
