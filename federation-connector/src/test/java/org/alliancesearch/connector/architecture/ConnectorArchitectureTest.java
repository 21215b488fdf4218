package org.alliancesearch.connector.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Structure of the connector: reactive code that never blocks, and the raw client behind the guard. */
@AnalyzeClasses(packages = "org.alliancesearch.connector", importOptions = ImportOption.DoNotIncludeTests.class)
class ConnectorArchitectureTest {

    @ArchTest
    static final ArchRule NEVER_BLOCKS = noClasses().should()
            .callMethodWhere(com.tngtech.archunit.base.DescribedPredicate.describe("a blocking await",
                    call -> call.getTarget().getName().startsWith("await")
                            || call.getTarget().getName().endsWith("AndAwait")
                            || call.getTarget().getName().startsWith("blockingGet")))
            .because("runs happen on the event loop and must never block it");

    @ArchTest
    static final ArchRule NO_THREAD_SLEEP = noClasses().should()
            .callMethod(Thread.class, "sleep", long.class)
            .because("delays are timers, never sleeping threads");

    @ArchTest
    static final ArchRule RAW_CLIENTS_ARE_CREATED_ONLY_WITH_A_MEMBER_OR_FOR_A_TEST_CONNECTION = noClasses()
            .that()
            .resideOutsideOfPackages("org.alliancesearch.connector.registry..",
                    "org.alliancesearch.connector.connection..", "org.alliancesearch.connector.client..")
            .should()
            .callMethod("org.alliancesearch.connector.client.MispClientFactory", "create",
                    "org.alliancesearch.connector.MemberEndpoint")
            .because("a member's raw client lives with its guard in the registry");

    @ArchTest
    static final ArchRule ONLY_THE_CLIENT_SPEAKS_HTTP = noClasses()
            .that()
            .resideOutsideOfPackage("org.alliancesearch.connector.client..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.vertx.ext.web.client..", "io.vertx.mutiny.ext.web.client..");

    @ArchTest
    static final ArchRule NO_CYCLES = slices().matching("org.alliancesearch.connector.(*)..").should()
            .beFreeOfCycles();
}
