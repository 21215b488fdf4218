package org.alliancesearch.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.alliancesearch.simulator.data.WellKnownValue;
import org.jsoup.nodes.Element;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

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

    private static final ObjectMapper JSON = new ObjectMapper();

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
                Ports.free(), Ports.freeRun(3), 3, 42);
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
                changesReachTheOtherReplica(demo.keycloak().realmUrl("alliance"),
                        "http://127.0.0.1:" + settings.portalPort(), "http://127.0.0.1:" + portB,
                        demo.members().wellKnownValues());
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

    /**
     * A policy change and a disabled member, made through replica A, are in force for the next search through replica
     * B, well before B's periodic member sync (30 s): PostgreSQL tells B when A's transaction commits.
     */
    private void changesReachTheOtherReplica(String realmUrl, String a, String b, List<WellKnownValue> values)
            throws IOException, InterruptedException {
        String admin = MemberSeeder.accessToken(realmUrl, AllianceDemo.CLIENT_ID, AllianceDemo.CLIENT_SECRET, "admin",
                "admin");
        String alice = MemberSeeder.accessToken(realmUrl, AllianceDemo.CLIENT_ID, AllianceDemo.CLIENT_SECRET, "alice",
                "alice");
        String value = values.stream().filter(v -> v.label().equals("shared-domain")).findFirst()
                .orElseThrow(() -> new CheckFailed("the simulators name no shared-domain value")).value();
        HttpClient http = HttpClient.newHttpClient();

        step("the admin adds a dropping tag to the alliance policy through replica A");
        JsonNode before = JSON.readTree(call(http, admin, "GET", a + "/api/v1/admin/policy", null).body());
        JsonNode found = JSON.readTree(search(http, alice, b, value).body());
        JsonNode indicator = found.path("indicators").path(0);
        check(indicator.path("tags").isArray() && indicator.path("tags").size() > 0,
                "the shared value should carry tags through replica B: " + found);
        String tag = indicator.path("tags").path(0).asText();
        ObjectNode update = JSON.createObjectNode();
        update.put("maxTlp", before.path("maxTlp").asText());
        ArrayNode drop = update.putArray("dropTags");
        before.path("dropTags").forEach(drop::add);
        drop.add(tag);
        HttpResponse<String> changed = call(http, admin, "PUT", a + "/api/v1/admin/policy", update.toString());
        check(changed.statusCode() == 200, "the policy change through A answered " + changed.statusCode());
        try {
            JsonNode after = JSON.readTree(search(http, alice, b, value).body());
            for (JsonNode i : after.path("indicators")) {
                for (JsonNode t : i.path("tags")) {
                    check(!t.asText().equals(tag), "replica B still showed " + tag + " right after the change");
                }
            }
            step("replica B applied the new policy to its next search");
        } finally {
            ObjectNode restore = JSON.createObjectNode();
            restore.put("maxTlp", before.path("maxTlp").asText());
            restore.set("dropTags", before.path("dropTags"));
            call(http, admin, "PUT", a + "/api/v1/admin/policy", restore.toString());
        }

        step("the admin disables a member through replica A");
        JsonNode members = JSON.readTree(call(http, admin, "GET", a + "/api/v1/admin/members", null).body());
        JsonNode first = members.isArray() ? members.path(0) : members.path("members").path(0);
        String id = first.path("id").asText();
        check(!id.isEmpty(), "no member listed through A: " + members);
        HttpResponse<String> disabled = call(http, admin, "PUT", a + "/api/v1/admin/members/" + id,
                "{\"enabled\":false}");
        check(disabled.statusCode() == 200, "disabling through A answered " + disabled.statusCode());
        try {
            JsonNode after = JSON.readTree(search(http, alice, b, value).body());
            boolean reported = false;
            for (JsonNode m : after.path("members")) {
                if (m.path("memberId").asText().equals(id)) {
                    check(m.path("status").asText().equals("DISABLED"),
                            "replica B still asked the member disabled through A: " + m);
                    reported = true;
                }
            }
            check(reported, "replica B did not name the disabled member: " + after.path("members"));
            step("replica B reported the member DISABLED at its next search");
        } finally {
            call(http, admin, "PUT", a + "/api/v1/admin/members/" + id, "{\"enabled\":true}");
        }
    }

    private static HttpResponse<String> search(HttpClient http, String token, String portal, String value)
            throws IOException, InterruptedException {
        HttpResponse<String> r = call(http, token, "POST", portal + "/api/v1/search",
                "{\"values\":[\"" + value + "\"]}");
        check(r.statusCode() == 200, "search through " + portal + " answered " + r.statusCode());
        return r;
    }

    private static HttpResponse<String> call(HttpClient http, String token, String method, String url, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
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
