package org.alliancesearch.drill;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.alliancesearch.demo.PortalProcess;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Scenario 3: a stream of admin writes (members, policy), saved-search writes and searches while the portal is killed
 * with {@code kill -9} at random moments and restarted; then PostgreSQL stopped under load. Every write answered 2xx
 * must be there afterwards, whole.
 */
final class CrashWithoutLoss {
    private final Alliance alliance;
    private final PortalApi api;
    private final DrillSizes sizes;
    private final Report report;
    private volatile String base;
    private final AtomicBoolean running = new AtomicBoolean(true);
    /** name → body sent, for every member write attempted; and the acknowledged ones. */
    private final Map<String, ObjectNode> memberSent = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> memberAcked = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> savedSent = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> savedAcked = new ConcurrentHashMap<>();
    private volatile int policyAckedVersion = -1;
    private volatile JsonNode policyAckedBody;
    private final AtomicInteger fiveHundreds = new AtomicInteger();
    private final List<String> problems = java.util.Collections.synchronizedList(new ArrayList<>());

    CrashWithoutLoss(Alliance alliance, PortalApi api, DrillSizes sizes, Report report) {
        this.alliance = alliance;
        this.api = api;
        this.sizes = sizes;
        this.report = report;
    }

    /** Returns the portal running at the end (a new process). */
    PortalProcess run(PortalProcess portal) throws Exception {
        String s = "3 crash without loss";
        base = portal.url();
        int port = portal.port();
        List<Thread> writers = List.of(writer("members", this::writeMember), writer("saved", this::writeSaved),
                writer("policy", this::writePolicy), writer("search", this::search));
        writers.forEach(Thread::start);
        Random random = new Random(7);
        List<Long> restartMillis = new ArrayList<>();
        PortalProcess current = portal;
        for (int cycle = 0; cycle < sizes.crashCycles(); cycle++) {
            Thread.sleep(500 + random.nextInt(2500));
            alliance.kill(current);
            long t0 = System.nanoTime();
            current = alliance.startPortal("crash", port, Map.of());
            restartMillis.add((System.nanoTime() - t0) / 1_000_000);
        }
        Thread.sleep(1500);
        running.set(false);
        for (Thread t : writers) {
            t.join(130_000);
        }
        // what is there now
        Map<String, JsonNode> membersFound = new ConcurrentHashMap<>();
        for (JsonNode m : Http.get(base + "/api/v1/admin/members", api.callers().user("admin")).json()) {
            if (m.path("name").asText().startsWith("drill-crash-")) {
                membersFound.put(m.path("name").asText(), m);
            }
        }
        Map<String, JsonNode> savedFound = new ConcurrentHashMap<>();
        for (JsonNode m : api.savedSearches(base, Callers.ORG_A)) {
            if (m.path("name").asText().startsWith("drill-crash-")) {
                savedFound.put(m.path("name").asText(), m);
            }
        }
        int acked = memberAcked.size() + savedAcked.size() + (policyAckedVersion >= 0 ? 1 : 0);
        int found = 0;
        int halfWritten = 0;
        for (var e : memberAcked.entrySet()) {
            found += membersFound.containsKey(e.getKey()) ? 1 : 0;
        }
        for (var e : savedAcked.entrySet()) {
            found += savedFound.containsKey(e.getKey()) ? 1 : 0;
        }
        for (var e : membersFound.entrySet()) {
            ObjectNode sent = memberSent.get(e.getKey());
            if (sent == null || !sent.path("url").asText().equals(e.getValue().path("url").asText())
                    || !sent.path("organisation").asText().equals(e.getValue().path("organisation").asText())) {
                halfWritten++;
            }
        }
        for (var e : savedFound.entrySet()) {
            ObjectNode sent = savedSent.get(e.getKey());
            if (sent == null || !sent.path("description").asText().equals(e.getValue().path("description").asText())) {
                halfWritten++;
            }
        }
        JsonNode policy = Http.get(base + "/api/v1/admin/policy", api.callers().user("admin")).json();
        boolean policyHeld = policyAckedVersion < 0 || policy.path("version").asInt() > policyAckedVersion
                || (policy.path("version").asInt() == policyAckedVersion
                        && policy.path("dropTags").equals(policyAckedBody));
        found += policyAckedVersion >= 0 && policyHeld ? 1 : 0;
        restartMillis.sort(null);
        report.add(s, "kill -9 and restart cycles", sizes.crashCycles(), sizes.smoke() ? "3 (smoke)" : "20",
                true, "restart to ready: median " + (restartMillis.isEmpty()
                        ? 0
                        : restartMillis.get(restartMillis.size() / 2)) + " ms, max "
                        + (restartMillis.isEmpty() ? 0 : restartMillis.get(restartMillis.size() - 1)) + " ms",
                false);
        report.add(s, "writes acknowledged (members, saved searches, policy)",
                memberAcked.size() + " + " + savedAcked.size() + " + " + (policyAckedVersion >= 0 ? 1 : 0)
                        + " (last policy version)",
                "> 0", acked > 0, null, true);
        report.add(s, "acknowledged writes found afterwards", found + " of " + acked, "all", found == acked,
                found == acked ? null : "lost writes: see the run's output", true);
        report.add(s, "half-written records", halfWritten, "0", halfWritten == 0, null, true);
        report.add(s, "answers 5xx other than 503 during the crashes", fiveHundreds.get(), "0",
                fiveHundreds.get() == 0, problems.isEmpty() ? null : String.join("; ", problems), true);
        databaseOutage(s);
        return current;
    }

    private void databaseOutage(String s) throws Exception {
        running.set(true);
        AtomicInteger during = new AtomicInteger();
        AtomicInteger unavailable = new AtomicInteger();
        AtomicInteger clearProblem = new AtomicInteger();
        AtomicInteger bad = new AtomicInteger();
        List<String> badSeen = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean stopped = new AtomicBoolean();
        Thread load = new Thread(() -> {
            int i = 0;
            while (running.get()) {
                Http.Reply r = switch (i++ % 3) {
                    case 0 -> Http.get(base + "/api/v1/saved-searches", api.callers().user("alice"));
                    case 1 -> api.search(base, Callers.ORG_A, List.of("h1.drill.example"));
                    default -> Http.get(base + "/api/v1/admin/members", api.callers().user("admin"));
                };
                if (stopped.get()) {
                    during.incrementAndGet();
                    if (r.status() == 503) {
                        unavailable.incrementAndGet();
                        if (r.problem()) {
                            clearProblem.incrementAndGet();
                        }
                    } else if (r.status() >= 500 || r.status() < 0) {
                        bad.incrementAndGet();
                        if (badSeen.size() < 3) {
                            badSeen.add(r.brief());
                        }
                    }
                }
                sleep(100);
            }
        }, "db-outage-load");
        api.callers().user("alice");
        api.callers().user("admin");
        load.start();
        Thread.sleep(1000);
        alliance.stopPostgres();
        stopped.set(true);
        Thread.sleep(sizes.databaseStopSeconds() * 1000L);
        stopped.set(false);
        alliance.startPostgres();
        long t0 = System.nanoTime();
        long recovered = -1;
        while (System.nanoTime() - t0 < Duration.ofSeconds(120).toNanos()) {
            Http.Reply a = Http.get(base + "/api/v1/saved-searches", api.callers().user("alice"));
            Http.Reply b = api.search(base, Callers.ORG_A, List.of("h1.drill.example"));
            if (a.status() == 200 && b.status() == 200) {
                recovered = (System.nanoTime() - t0) / 1_000_000;
                break;
            }
            Thread.sleep(200);
        }
        running.set(false);
        load.join(130_000);
        report.add(s, "PostgreSQL stopped " + sizes.databaseStopSeconds() + " s: requests answered 503", unavailable
                .get() + " of " + during.get() + " (" + clearProblem.get() + " with a problem document)",
                "every failure a 503 problem", bad.get() == 0 && clearProblem.get() == unavailable.get(),
                bad.get() == 0 && clearProblem.get() == unavailable.get()
                        ? null
                        : badSeen.isEmpty() ? "not problem documents" : String.join("; ", badSeen),
                true);
        report.add(s, "answers 500 (or cut) while PostgreSQL was stopped", bad.get(), "0", bad.get() == 0,
                badSeen.isEmpty() ? null : String.join("; ", badSeen), true);
        report.add(s, "recovery after PostgreSQL is back (first 200 for list and search)",
                recovered < 0 ? "not within 120 s" : recovered + " ms", "by itself, < 30 s",
                recovered >= 0 && recovered < 30_000, null, true);
    }

    private interface Step {
        void run(int n);
    }

    private Thread writer(String name, Step step) {
        Thread t = new Thread(() -> {
            int n = 0;
            while (running.get()) {
                step.run(n++);
            }
        }, "crash-" + name);
        t.setDaemon(true);
        return t;
    }

    private void check(Http.Reply r, String what) {
        if (r.status() >= 500 && r.status() != 503) {
            fiveHundreds.incrementAndGet();
            if (problems.size() < 3) {
                problems.add(what + ": " + r.brief());
            }
        }
        if (r.status() < 0) {
            sleep(200);
        }
    }

    private void writeMember(int n) {
        String name = "drill-crash-m-" + n;
        ObjectNode body = Http.JSON.createObjectNode().put("name", name).put("organisation", "drill-crash-" + n)
                .put("url", "http://127.0.0.1:9/m" + n).put("verifyTls", true).put("timeoutMs", 1000)
                .put("enabled", false).put("apiKey", "drill-crash-key-" + n + "-0123456789abcdef0123456789");
        memberSent.put(name, body);
        Http.Reply r = Http.json("POST", base + "/api/v1/admin/members", api.callers().user("admin"), body);
        check(r, "member write");
        if (r.ok()) {
            memberAcked.put(name, body);
        }
    }

    private void writeSaved(int n) {
        String name = "drill-crash-s-" + n;
        ObjectNode body = Http.JSON.createObjectNode().put("name", name).put("description", "written " + n)
                .put("visibility", "PRIVATE");
        body.set("query", PortalApi.searchBody(List.of("h" + (1 + n % 3) + ".drill.example")));
        savedSent.put(name, body);
        Http.Reply r = Http.json("POST", base + "/api/v1/saved-searches", api.callers().user("alice"), body);
        check(r, "saved-search write");
        if (r.ok()) {
            savedAcked.put(name, body);
        }
    }

    private void writePolicy(int n) {
        Http.Reply current = Http.get(base + "/api/v1/admin/policy", api.callers().user("admin"));
        check(current, "policy read");
        if (!current.ok()) {
            return;
        }
        ObjectNode body = Http.JSON.createObjectNode().put("maxTlp", "AMBER");
        ArrayNode drop = body.putArray("dropTags");
        drop.add("tlp:red").add("PAP:RED").add("drill-crash-" + n);
        Http.Reply r = Http.send("PUT", base + "/api/v1/admin/policy", api.callers().user("admin"),
                "application/json", body.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                Duration.ofSeconds(60));
        check(r, "policy write");
        if (r.ok()) {
            policyAckedVersion = r.json().path("version").asInt();
            policyAckedBody = r.json().path("dropTags");
        }
        sleep(100);
    }

    private void search(int n) {
        Http.Reply r = api.search(base, Callers.ORG_A, List.of("h" + (1 + n % 3) + ".drill.example"));
        check(r, "search");
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String fmt(double d) {
        return String.format(Locale.ROOT, "%.1f", d);
    }
}
