package org.alliancesearch.demo;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.alliancesearch.simulator.data.WellKnownValue;
import org.jsoup.nodes.Element;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Proves that portal replicas are stateless between requests: two portal processes share one PostgreSQL behind nginx
 * (round-robin); a user signs in through one and then searches, saves and lists saved searches through both without
 * signing in again. Exits 0 when every step held, 1 with the failed step otherwise.
 *
 * <p>
 * Run with {@code deploy/multi-replica/check.sh}.
 */
public final class MultiReplicaCheck {
    private final List<String> log = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("alliance.root", ".")).toAbsolutePath().normalize();
        Path work = Files.createTempDirectory("alliance-multi-replica");
        int status;
        try {
            new MultiReplicaCheck().run(root, work);
            System.out.println("multi-replica check: passed");
            status = 0;
        } catch (CheckFailed | LauncherException e) {
            System.out.println("multi-replica check: FAILED: " + e.getMessage());
            System.out.println("logs: " + work);
            status = 1;
        }
        System.exit(status);
    }

    void run(Path root, Path work) throws IOException, InterruptedException {
        AllianceDemo.Settings settings = new AllianceDemo.Settings(root, work.resolve("data"),
                root.resolve(System.getenv().getOrDefault("ALLIANCE_CACHE_DIR", ".cache")), Ports.free(),
                Ports.free(), Ports.free(), 3, 42);
        try (EmbeddedPostgres db = EmbeddedPostgres.builder()
                .setDataDirectory(work.resolve("postgres"))
                .setCleanDataDirectory(true)
                .start()) {
            String dbUrl = "127.0.0.1:" + db.getPort() + "/postgres";
            Map<String, String> shared = Map.of("quarkus.datasource.reactive.url", "postgresql://" + dbUrl,
                    "quarkus.datasource.jdbc.url", "jdbc:postgresql://" + dbUrl, "quarkus.datasource.username",
                    "postgres", "quarkus.datasource.password", "postgres");
            step("start Keycloak, 3 simulated members and replica A on one shared PostgreSQL");
            try (AllianceDemo demo = AllianceDemo.start(settings, shared)) {
                int portB = Ports.free();
                step("start replica B on the same PostgreSQL");
                demo.startPortal(settings, portB, work.resolve("data-b"), shared);
                step("start nginx round-robin over both");
                try (NginxBalancer nginx = NginxBalancer.start(work.resolve("nginx"), Ports.free(),
                        List.of(settings.portalPort(), portB))) {
                    browse(nginx.url(), demo.members().wellKnownValues(),
                            Set.of("127.0.0.1:" + settings.portalPort(), "127.0.0.1:" + portB));
                }
            }
        }
    }

    private void browse(String base, List<WellKnownValue> values, Set<String> replicas)
            throws IOException, InterruptedException {
        BrowserSession browser = new BrowserSession();
        Set<String> servedSignedIn = new TreeSet<>();

        step("alice opens the portal and is sent to the Keycloak login");
        BrowserSession.Page login = browser.get(URI.create(base + "/search"));
        check(!login.uri().toString().startsWith(base), "expected a redirect to Keycloak, got " + login.uri());
        BrowserSession.Page first = browser.signIn(login, "alice", "alice");
        check(first.status() == 200 && first.uri().toString().startsWith(base),
                "sign-in should end on the portal, ended at " + first.uri() + " with " + first.status());
        check(first.document().selectFirst("form#search-form") != null, "the search page should show its form");

        step("alice searches through both replicas without signing in again");
        WellKnownValue shared = values.stream()
                .filter(v -> v.label().equals("shared-domain"))
                .findFirst()
                .orElseThrow(() -> new CheckFailed("the simulators name no shared-domain value"));
        String value = shared.value();
        for (int i = 0; i < 4; i++) {
            BrowserSession.Page searchPage = browser.get(URI.create(base + "/search"));
            // A detour through Keycloak, even one that signs in silently with its own session, is a new sign-in.
            check(searchPage.stayedOn(base) && searchPage.status() == 200,
                    "search page through " + searchPage.servedBy() + " asked to sign in again: " + searchPage.uri());
            BrowserSession.Page result = browser.submit(searchPage, "form#search-form",
                    Map.of("values", value, "action", "search"));
            check(result.status() == 200 && result.stayedOn(base),
                    "search through " + result.servedBy() + " failed: " + result.status() + " at " + result.uri());
            Element row = result.document()
                    .select("#result-table tbody tr")
                    .stream()
                    .filter(r -> r.select("td.value code").text().equals(value))
                    .findFirst()
                    .orElseThrow(() -> new CheckFailed("no result row for " + value + " through " + result.servedBy()));
            Set<String> organisations = new TreeSet<>(row.select(".badge.org").eachText());
            check(organisations.containsAll(List.of("org-a", "org-b")),
                    "the merged row should name org-a and org-b, named " + organisations);
            servedSignedIn.add(searchPage.servedBy());
            servedSignedIn.add(result.servedBy());
        }

        step("alice saves the search");
        String name = "multi-replica check " + System.nanoTime();
        BrowserSession.Page saveForm = browser.get(URI.create(base + "/saved/new?values=" + value));
        check(saveForm.status() == 200 && saveForm.stayedOn(base), "the save form answered " + saveForm.status());
        BrowserSession.Page saved = browser.submit(saveForm, "form[action=/saved]",
                Map.of("name", name, "visibility", "ORGANISATION", "values", value));
        check(saved.status() == 200 && saved.stayedOn(base),
                "saving failed: " + saved.status() + " at " + saved.uri());
        servedSignedIn.add(saved.servedBy());

        step("alice lists her saved searches through both replicas");
        Set<String> listedBy = new TreeSet<>();
        for (int i = 0; i < 4; i++) {
            BrowserSession.Page list = browser.get(URI.create(base + "/saved"));
            check(list.status() == 200 && list.stayedOn(base),
                    "the saved list through " + list.servedBy() + " asked to sign in again");
            check(list.text().contains(name), "the saved list through " + list.servedBy() + " lacks " + name);
            listedBy.add(list.servedBy());
        }
        servedSignedIn.addAll(listedBy);
        check(listedBy.containsAll(replicas), "both replicas should list the saved search; listed by " + listedBy);
        check(servedSignedIn.containsAll(replicas),
                "both replicas should have served the signed-in user; served by " + servedSignedIn);
        step("every replica served alice without a new sign-in: " + servedSignedIn);
    }

    private void step(String text) {
        log.add(text);
        System.out.println("- " + text);
    }

    private static void check(boolean condition, String failure) {
        if (!condition) {
            throw new CheckFailed(failure);
        }
    }

    /** A step of the check did not hold. */
    static final class CheckFailed extends RuntimeException {
        CheckFailed(String message) {
            super(message);
        }
    }
}
