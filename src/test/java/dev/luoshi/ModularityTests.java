package dev.luoshi;

import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.Violations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The modules keep to their boundaries: no cycles, no reaching into another module's
 * internals, no dependency that a module's {@code package-info.java} does not allow.
 */
class ModularityTests {

	@Test
	void everyModuleKeepsToItsBoundaries() {
		ApplicationModules modules = ApplicationModules.of(LuoshiApplication.class);

		modules.verify();

		assertThat(modules.stream().map((module) -> module.getIdentifier().toString())).contains("organization",
				"identity", "audit", "calendar", "work", "web", "shared", "demo");
	}

	@Test
	void verificationRefusesAModuleThatReachesIntoAnothersInternals() {
		ApplicationModules probe = ApplicationModules.of("example.modularity", (ImportOption) (location) -> true);

		assertThat(probe.stream().map((module) -> module.getIdentifier().toString())).containsExactlyInAnyOrder("alpha",
				"beta");
		assertThatThrownBy(probe::verify).isInstanceOf(Violations.class).hasMessageContaining("BetaInternals");
	}

}
