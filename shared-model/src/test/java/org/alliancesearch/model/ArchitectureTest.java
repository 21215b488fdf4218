package org.alliancesearch.model;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.net.InetAddress;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The shared model is plain Java: its packages form no cycles and it knows nothing of frameworks or the network. */
@AnalyzeClasses(packages = "org.alliancesearch.model", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = slices().matching("org.alliancesearch.model.(*)..")
            .should()
            .beFreeOfCycles();

    @ArchTest
    static final ArchRule noFrameworks = noClasses().should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.quarkus..", "io.vertx..", "io.smallrye..", "jakarta..", "org.hibernate..")
            .because("shared-model is plain Java, usable by the portal, the connector, the simulator and scripts");

    @ArchTest
    static final ArchRule noNetworkIo = noClasses().should()
            .dependOnClassesThat()
            .resideInAnyPackage("java.net.http..")
            .orShould()
            .callMethod(InetAddress.class, "getByName", String.class)
            .because("normalising or merging values must never touch the network (no DNS look-ups)");
}
