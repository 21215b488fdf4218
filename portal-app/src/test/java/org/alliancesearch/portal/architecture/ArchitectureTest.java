package org.alliancesearch.portal.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Feature slices stay free of cycles; REST resources talk to services, never to persistence. */
@AnalyzeClasses(packages = "org.alliancesearch.portal", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule featureSlicesHaveNoCycles = slices().matching("org.alliancesearch.portal.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule restDoesNotUsePersistence = noClasses().that().resideInAPackage("..rest..")
            .should().dependOnClassesThat().resideInAPackage("..persistence..");

    @ArchTest
    static final ArchRule pagesDoNotUsePersistence = noClasses().that().resideInAPackage("..view..")
            .should().dependOnClassesThat().resideInAPackage("..persistence..");

    @ArchTest
    static final ArchRule commonDependsOnNoFeature = noClasses().that()
            .resideInAPackage("org.alliancesearch.portal.common..")
            .should().dependOnClassesThat().resideInAnyPackage("org.alliancesearch.portal.member..",
                    "org.alliancesearch.portal.policy..", "org.alliancesearch.portal.audit..",
                    "org.alliancesearch.portal.home..");
}
