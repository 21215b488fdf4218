package org.alliancesearch.drill;

import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.alliancesearch.bench.LoadDriver;
import org.alliancesearch.bench.LoadResult;
import org.alliancesearch.demo.NginxBalancer;
import org.alliancesearch.demo.PortalProcess;
import org.alliancesearch.simulator.Fault;
import org.alliancesearch.simulator.SimulatedMisp;

/**
 * Scenarios 4 and 5 and the Keycloak outage: load while a member flaps; two replicas behind nginx under that load, one
 * killed; the shared rate limit; bearer calls and sign-in while Keycloak is down.
 */
final class LoadAndReplicas {
    static final List<String> FIVE = List.of("org-a", "org-b", "org-c", "org-s", "org-t");
    static final String FLAPPING = "org-t";

    private final Alliance alliance;
    private final PortalApi api;
    private final DrillSizes sizes;
    private final Report report;
    private String savedId;

    LoadAndReplicas(Alliance alliance, PortalApi api, DrillSizes sizes, Report report) {
        this.alliance = alliance;
        this.api = api;
        this.sizes = sizes;
        this.report = report;
    }

    /** One call of the mix: a search, a saved-search run or a CSV export; null when the answer was as expected. */
    private String mixed(String base, int n) {
        String token = api.callers().user("admin");
        List<String> values = List.of("h" + (1 + n % 3) + ".drill.example", "s1.drill.example");
        Http.Reply r = switch (n % 3) {
            case 0 -> Http.json("POST", base + "/api/v1/search", token, PortalApi.searchBody(values));
            case 1 -> Http.send("POST", base + "/api/v1/saved-searches/" + savedId + "/run", token, null, new byte[0],
                    Duration.ofSeconds(120));
            default -> Http.send("POST", base + "/api/v1/search?format=csv", token, "application/json",
                    PortalApi.searchBody(values).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    Duration.ofSeconds(120));
        };
        if (r.status() != 200) {
            return "HTTP " + r.brief();
        }
        if (n % 3 != 2) {
            for (var e : PortalApi.statuses(r.json()).entrySet()) {
                // a disabled member is rightly not asked (scenario 3 leaves disabled members it wrote)
                if (!e.getKey().equals(FLAPPING) && !e.getValue().equals("OK") && !e.getValue().equals("DISABLED")) {
                    return e.getKey() + " " + e.getValue();
                }
            }
        }
        return null;
    }

    /** Scenario 4 on the given portal; the members other than the five are removed first. */
    void flappingLoad(PortalProcess portal) throws Exception {
        String s = "4 load, a member flaps";
        String base = portal.url();
        Map<String, String> registered = api.members(base);
        // the member list may come in pages: delete until only the five are left
        for (int pass = 0; pass < 20; pass++) {
            boolean deleted = false;
            for (var e : registered.entrySet()) {
                if (FIVE.stream().noneMatch(o -> e.getValue().equals("MISP " + o))) {
                    api.deleteMember(base, e.getKey());
                    deleted = true;
                }
            }
            if (!deleted) {
                break;
            }
            registered = api.members(base);
        }
        for (String org : FIVE) {
            if (!registered.containsValue("MISP " + org)) {
                api.addMember(base, alliance.member(org), 5000);
            }
        }
        savedId = api.saveSearch(base, Callers.ADMIN, "drill load", "PRIVATE",
                List.of("h1.drill.example", "s1.drill.example"));
        AtomicBoolean flapping = new AtomicBoolean(true);
        Thread flapper = flapper(alliance.member(FLAPPING), flapping);
        flapper.start();
        LoadResult r;
        try {
            r = LoadDriver.closedLoop(sizes.loadClients(), Duration.ofSeconds(sizes.loadSeconds()),
                    n -> mixed(base, n));
        } finally {
            flapping.set(false);
            flapper.join();
            alliance.member(FLAPPING).setFault(Fault.NONE);
        }
        String load = sizes.loadClients() + " clients × " + sizes.loadSeconds() + " s";
        report.info(s, "calls/s (search, saved-search run, CSV export; " + load + ")",
                String.format(Locale.ROOT, "%.1f", r.perSecond()), r.calls() + " calls");
        report.info(s, "latency p50 / p99",
                String.format(Locale.ROOT, "%.0f / %.0f ms", r.latency().p50Millis(), r.latency().p99Millis()), null);
        report.add(s, "errors (other than the flapping member's own status)", r.errors(), "0", r.errors() == 0,
                r.firstError(), true);
    }

    private Thread flapper(SimulatedMisp member, AtomicBoolean flapping) {
        Thread t = new Thread(() -> {
            boolean down = false;
            while (flapping.get()) {
                try {
                    Thread.sleep(sizes.flapSeconds() * 1000L);
                } catch (InterruptedException e) {
                    return;
                }
                if (!flapping.get()) {
                    return;
                }
                down = !down;
                member.setFault(down ? Fault.serverDown() : Fault.NONE);
            }
        }, "flapper");
        t.setDaemon(true);
        return t;
    }

    /** Scenario 5: a second replica, nginx over both, the load of 4, one replica killed half-way. */
    PortalProcess loseReplica(PortalProcess a) throws Exception {
        String s = "5 lose a replica";
        PortalProcess b = alliance.startPortal("b", 0, Map.of());
        NginxBalancer nginx = alliance.balance(List.of(a.port(), b.port()));
        String base = nginx.url();
        AtomicInteger failedAfterKill = new AtomicInteger();
        AtomicInteger failedInFlight = new AtomicInteger();
        List<String> afterKill = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.atomic.AtomicLong killedAt = new java.util.concurrent.atomic.AtomicLong(Long.MAX_VALUE);
        Thread killer = new Thread(() -> {
            try {
                Thread.sleep(sizes.replicaLoadSeconds() * 500L);
                // "after the kill" starts once the process is gone: a call that started while the signal was on
                // its way was in flight on A, and nginx does not resend a POST that reached a replica
                alliance.kill(a);
                killedAt.set(System.nanoTime());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "replica-killer");
        killer.start();
        LoadResult r = LoadDriver.closedLoop(sizes.loadClients(), Duration.ofSeconds(sizes.replicaLoadSeconds()),
                n -> {
                    long started = System.nanoTime();
                    String problem = mixed(base, n);
                    if (problem != null) {
                        if (started > killedAt.get()) {
                            failedAfterKill.incrementAndGet();
                            if (afterKill.size() < 3) {
                                afterKill.add(problem);
                            }
                        } else {
                            failedInFlight.incrementAndGet();
                        }
                    }
                    return problem;
                });
        killer.join();
        report.info(s, "calls through nginx (" + sizes.loadClients() + " clients × " + sizes.replicaLoadSeconds()
                + " s, replica A killed half-way)",
                r.calls() + String.format(Locale.ROOT, " (%.1f/s)",
                        r.perSecond()),
                null);
        report.info(s, "failed calls that were in flight when A died", failedInFlight.get(), "at most one per client");
        report.add(s, "failed calls started after the kill", failedAfterKill.get(), "0", failedAfterKill.get() == 0,
                afterKill.isEmpty() ? null : String.join("; ", afterKill), true);

        // Replica A comes back on its port with a rate limit of 20 searches a minute; B keeps no limit. If the count
        // is shared (PostgreSQL), A refuses once 20 searches of the minute ran anywhere.
        int second = LocalTime.now().getSecond();
        if (second > 40) {
            Thread.sleep((61 - second) * 1000L);
        }
        PortalProcess a2 = alliance.startPortal("a", a.port(), Map.of("alliance.search.rate-limit-per-minute", "20"));
        int viaB = 0;
        for (int i = 0; i < 15; i++) {
            viaB += api.search(b.url(), Callers.ORG_B, List.of("h2.drill.example")).status() == 200 ? 1 : 0;
        }
        int acceptedByA = 0;
        int refusedByA = 0;
        for (int i = 0; i < 10; i++) {
            int st = api.search(a2.url(), Callers.ORG_B, List.of("h2.drill.example")).status();
            acceptedByA += st == 200 ? 1 : 0;
            refusedByA += st == 429 ? 1 : 0;
        }
        boolean shared = viaB == 15 && acceptedByA <= 5 && refusedByA >= 5;
        report.add(s, "rate limit shared: 15 searches through B, then 10 through A (limit 20/min)",
                "A accepted " + acceptedByA + ", refused " + refusedByA + " (429)", "A accepts ≤ 5", shared,
                shared ? null : "counted per replica", true);
        report.info(s, "circuit breakers", "per replica", "by design (docs/operations.md): each replica judges each"
                + " member itself; nothing else lives in one replica");
        keycloakOutage(b, nginx);
        return a2;
    }

    /** Keycloak stopped: bearer calls on cached keys, and what the sign-in page says. Keycloak stays stopped. */
    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void keycloakOutage(PortalProcess b, NginxBalancer nginx) {
        String s = "3 Keycloak stopped";
        String token = api.callers().user("alice");
        alliance.stopKeycloak();
        int ok = 0;
        for (int i = 0; i < 10; i++) {
            ok += Http.get(nginx.url() + "/api/v1/me", token).status() == 200 ? 1 : 0;
        }
        report.add(s, "bearer calls with a valid token while Keycloak is down", ok + " of 10 answered 200", "all",
                ok == 10, null, true);
        // the portal trusts one look at Keycloak for 5 s: ask for up to 10 s
        Http.Reply page = null;
        boolean clear = false;
        for (int i = 0; i < 10 && !clear; i++) {
            if (i > 0) {
                sleep(1000);
            }
            page = Http.send("GET", b.url() + "/search", null, null, null, Duration.ofSeconds(30), "text/html");
            clear = page.status() == 503 && page.contentType().startsWith("text/html")
                    && page.body().toLowerCase(Locale.ROOT).contains("sign-in is unavailable");
        }
        report.add(s, "sign-in page while Keycloak is down", page.status() + (page.location().isEmpty()
                ? ""
                : " → " + page.location().replaceAll("\\?.*", "?…")), "503 page: sign-in is unavailable", clear,
                clear ? null : page.brief(), true);
    }
}
