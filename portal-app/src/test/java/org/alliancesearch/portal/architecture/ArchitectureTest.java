package org.alliancesearch.portal.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import io.quarkus.qute.i18n.MessageBundle;

/** Feature slices stay free of cycles; REST resources talk to services, never to persistence. */
@AnalyzeClasses(packages = "org.alliancesearch.portal", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule featureSlicesHaveNoCycles = slices().matching("org.alliancesearch.portal.(*)..")
            .should().beFreeOfCycles();

    /**
     * Every feature, present and future (the {@code *} is any feature package): its rest and view classes call its
     * services, services call persistence, and nothing calls back up. Features may use each other's layers of the same
     * level or below (a page of saved searches renders the search's result fragment, a service asks another).
     */
    @ArchTest
    static final ArchRule featuresAreLayered = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("Web").definedBy("org.alliancesearch.portal.*.rest..", "org.alliancesearch.portal.*.view..")
            .layer("Service").definedBy("org.alliancesearch.portal.*.service..")
            .layer("Persistence").definedBy("org.alliancesearch.portal.*.persistence..")
            .whereLayer("Web").mayNotBeAccessedByAnyLayer()
            .whereLayer("Service").mayOnlyBeAccessedByLayers("Web")
            .whereLayer("Persistence").mayOnlyBeAccessedByLayers("Service");

    /**
     * Services and persistence name reasons and codes; the exception mappers and the pages word them. So no class below
     * the web layer knows a message bundle (a {@code @MessageBundle} interface) or Qute's i18n API.
     */
    @ArchTest
    static final ArchRule servicesMakeNoText = noClasses().that().resideInAnyPackage("..service..", "..persistence..")
            .should().dependOnClassesThat(DescribedPredicate.describe(
                    "are message bundles or in io.quarkus.qute.i18n",
                    c -> c.getPackageName().startsWith("io.quarkus.qute.i18n")
                            || c.isAnnotatedWith(MessageBundle.class)));

    @ArchTest
    static final ArchRule restDoesNotUsePersistence = noClasses().that().resideInAPackage("..rest..")
            .should().dependOnClassesThat().resideInAPackage("..persistence..");

    @ArchTest
    static final ArchRule pagesDoNotUsePersistence = noClasses().that().resideInAPackage("..view..")
            .should().dependOnClassesThat().resideInAPackage("..persistence..");

    /** What every feature uses knows no feature (any package of the portal beside common and its root). */
    @ArchTest
    static final ArchRule commonDependsOnNoFeature = noClasses().that()
            .resideInAPackage("org.alliancesearch.portal.common..")
            .should().dependOnClassesThat(DescribedPredicate.describe("belong to a feature",
                    c -> c.getPackageName().startsWith("org.alliancesearch.portal.")
                            && !c.getPackageName().startsWith("org.alliancesearch.portal.common")));

    /**
     * The report fetch never contacts a member: it knows neither the members, their keys, nor the connector that
     * calls them.
     */
    @ArchTest
    static final ArchRule reportFetchKnowsNoMember = noClasses().that()
            .resideInAPackage("org.alliancesearch.portal.extract..")
            .should().dependOnClassesThat().resideInAnyPackage("org.alliancesearch.portal.member..",
                    "org.alliancesearch.connector..", "org.alliancesearch.portal.search..");

    /** Methods that change state over HTTP. */
    private static final DescribedPredicate<JavaMethod> UNSAFE_HTTP = DescribedPredicate.describe(
            "answer POST, PUT, PATCH or DELETE", m -> m.isAnnotatedWith(POST.class) || m.isAnnotatedWith(PUT.class)
                    || m.isAnnotatedWith(PATCH.class) || m.isAnnotatedWith(DELETE.class));

    /** MISP's own paths: the MISP-compatible API answers MISP clients there, with keys, never with cookies. */
    private static final List<String> MISP_PATHS = List.of("/servers", "/users", "/attributes", "/events");

    private static final DescribedPredicate<JavaClass> API_RESOURCE = DescribedPredicate.describe(
            "are resources under /api or MISP's paths", c -> c.tryGetAnnotationOfType(Path.class)
                    .map(p -> under(p.value(), "/api") || MISP_PATHS.stream().anyMatch(m -> under(p.value(), m)))
                    .orElse(false));

    private static boolean under(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }

    /**
     * Classes whose resource path is one of MISP's (/servers, /users/view, /attributes, /events): they authenticate with
     * personal API keys only (misp-key), never with the session cookie, so they take JSON without a CSRF token.
     */
    private static final DescribedPredicate<JavaClass> MISP_RESOURCE = DescribedPredicate.describe(
            "are MISP-compatible resources", c -> c.tryGetAnnotationOfType(Path.class)
                    .map(p -> isMispPath(p.value())).orElse(false));

    static boolean isMispPath(String path) {
        String p = path.startsWith("/") ? path : "/" + path;
        return List.of("/servers", "/users/view", "/attributes", "/events").stream()
                .anyMatch(prefix -> p.equals(prefix) || p.startsWith(prefix + "/"));
    }

    private static final List<String> FORM_TYPES = List.of(MediaType.APPLICATION_FORM_URLENCODED,
            MediaType.MULTIPART_FORM_DATA);

    /**
     * A page that changes state consumes forms only, so that the CSRF filter always checks its token (a non-form body
     * would skip it) and a cross-site text/plain post cannot reach it.
     */
    @ArchTest
    static final ArchRule pageChangesConsumeFormsOnly = methods().that(UNSAFE_HTTP)
            .and().areDeclaredInClassesThat(DescribedPredicate.not(API_RESOURCE.or(MISP_RESOURCE)))
            .should(new ArchCondition<>("declare @Consumes(application/x-www-form-urlencoded or multipart/form-data)") {
                @Override
                public void check(JavaMethod method, ConditionEvents events) {
                    Optional<Consumes> consumes = method.tryGetAnnotationOfType(Consumes.class)
                            .or(() -> method.getOwner().tryGetAnnotationOfType(Consumes.class));
                    boolean forms = consumes.map(c -> c.value().length > 0
                            && Arrays.stream(c.value()).allMatch(FORM_TYPES::contains)).orElse(false);
                    if (!forms) {
                        events.add(SimpleConditionEvent.violated(method, method.getFullName()
                                + " changes state outside /api without consuming forms only"));
                    }
                }
            });

    /**
     * The API lives in ..rest.. packages and only there: a page can never be mistaken for the bearer-only API. The
     * MISP-compatible resources (key-only) are API too.
     */
    @ArchTest
    static final ArchRule apiResourcesAreUnderApi = classes().that().resideInAPackage("..rest..")
            .and().areAnnotatedWith(Path.class).should().haveSimpleNameEndingWith("Resource").andShould(
                    new ArchCondition<>("have a @Path under /api or a MISP-compatible path") {
                        @Override
                        public void check(JavaClass c, ConditionEvents events) {
                            if (!API_RESOURCE.test(c) && !MISP_RESOURCE.test(c)) {
                                events.add(SimpleConditionEvent.violated(c,
                                        c.getName() + " is not under /api or MISP's paths"));
                            }
                        }
                    });

    /** A MISP-compatible resource is no page: it lives with the API, in a ..rest.. package. */
    @ArchTest
    static final ArchRule mispResourcesAreRest = classes().that(MISP_RESOURCE).should().resideInAPackage("..rest..");
}
