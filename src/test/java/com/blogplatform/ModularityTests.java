package com.blogplatform;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.blogplatform.testing.GeneratedSection;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
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
 * The module boundaries, enforced: Spring Modulith's verification (module APIs, allowed
 * dependencies, cycles) plus the rules it cannot express, in ArchUnit. The same
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

	/**
	 * What the blog service carries of auth: the package of everything that crosses the wire may
	 * use auth's API package and the shared kernel, never auth's internals (they are not in that jar).
	 */
	@Test
	void whatCrossesTheWireDependsOnlyOnAuthsApiAndTheSharedKernel() {
		noClasses().that().resideInAPackage("com.blogplatform.auth.nats..")
			.should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("com.blogplatform..")
				.and(DescribedPredicate.not(JavaClass.Predicates.resideInAnyPackage("com.blogplatform.auth",
						"com.blogplatform.auth.nats..", "com.blogplatform.shared.."))))
			.because("target/blog-service.jar holds auth's API package and auth.nats, nothing else of auth")
			.check(classes);
	}

	/** HTTP stays at the edge: the domain speaks in its own terms, the web package maps them to the envelope. */
	@Test
	void blogsDomainKnowsNoHttp() {
		noClasses().that().resideInAPackage("com.blogplatform.blog.content..")
			.should().dependOnClassesThat().resideInAnyPackage("org.springframework.http..", "org.springframework.web..",
					"jakarta.servlet..", "com.blogplatform.shared.web..", "com.blogplatform.blog.web..",
					"tools.jackson.databind.annotation..", "com.fasterxml.jackson.annotation..")
			.because("statuses, the envelope and JSON views belong to blog.web")
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
	void controllersDoNotTouchPersistence() {
		noClasses().that().areAnnotatedWith(RestController.class)
			.should().dependOnClassesThat().areAssignableTo(org.springframework.data.repository.Repository.class)
			.orShould().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..",
					"org.springframework.data.mongodb.core..", "java.sql..")
			.because("controllers translate HTTP to application services and back, nothing more")
			.check(classes);
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
		GeneratedSection.write(Path.of("modules.md"), "modules", mermaid(modules));
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
