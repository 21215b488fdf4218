package org.alliancesearch.connector.search;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

import org.alliancesearch.connector.ApiKey;
import org.alliancesearch.connector.FederatedResult;
import org.alliancesearch.connector.MemberEndpoint;
import org.alliancesearch.connector.MemberOutcome;
import org.alliancesearch.connector.MemberStatus;
import org.alliancesearch.connector.support.HostileMemberServer;
import org.alliancesearch.connector.support.MemberServersSupport;
import org.alliancesearch.connector.support.MispFixtures;
import org.alliancesearch.model.result.MemberRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;

/**
 * One member cannot exhaust the portal: byte budgets per member and per search, a page budget per search, caps on
 * each record's strings, an absolute per-call timeout that closes the connection of a dripping member, and a gzip bomb
 * stopped by its decompressed size. Budgets of this profile: 1 MiB per member, 2 MiB per search, 30 restSearch calls
 * per search, 4 MiB per answer; 1 s per call, 4 s per search.
 */
@QuarkusTest
@TestProfile(MemberBudgetsTest.SmallBudgets.class)
class MemberBudgetsTest extends MemberServersSupport {
    private static final String RS = "/attributes/restSearch";
    private static HostileMemberServer hostile;

    public static class SmallBudgets implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("alliance.connector.member-budget-bytes", "1048576",
                    "alliance.connector.search-budget-bytes", "2097152",
                    "alliance.connector.search-page-budget", "30",
                    "alliance.connector.max-response-bytes", "4194304",
                    "alliance.connector.strings.comment", "100",
                    "alliance.connector.strings.event-info", "80",
                    "alliance.connector.strings.tag", "64",
                    "alliance.connector.strings.organisation", "64");
        }
    }

    @BeforeAll
    static void startHostile() throws Exception {
        hostile = new HostileMemberServer();
    }

    @AfterAll
    static void stopHostile() throws Exception {
        hostile.close();
    }

    @BeforeEach
    void resetHostile() {
        hostile.reset();
    }

    /** A full page (50 records) of records with a 4 KiB comment each: about 210 KiB. */
    private static String hugePage(String prefix) {
        List<ObjectNode> records = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            records.add(MispFixtures.attribute(prefix, i).put("comment", "c".repeat(4096)));
        }
        return MispFixtures.response(records);
    }

    private static int requests(int server) {
        return servers[server].countRequestsMatching(postRequestedFor(urlEqualTo(RS)).build()).getCount();
    }

    @Test
    void fullPagesOfHugeRecordsStopAtTheMemberBudget() {
        servers[0].stubFor(post(urlEqualTo(RS)).willReturn(aResponse().withBody(hugePage("h"))));
        member("huge", 0);
        servers[1].stubFor(post(urlEqualTo(RS)).willReturn(aResponse().withBody(MispFixtures.page("ok", 0, 5))));
        member("ok", 1);

        FederatedResult r = run(values("198.51.0.1"));

        MemberOutcome huge = of(r, "huge");
        assertThat(huge.status()).isEqualTo(MemberStatus.PARTIAL);
        assertThat(huge.message()).startsWith("member byte budget of 1 MiB for one search reached")
                .endsWith(huge.hitCount() + " attributes kept");
        assertThat(huge.hitCount()).isPositive();
        // 1 MiB in pages of ~210 KiB: the fifth or sixth page is cut, no further page is asked.
        assertThat(requests(0)).isBetween(4, 6);
        assertThat(of(r, "ok").status()).isEqualTo(MemberStatus.OK);
        assertThat(of(r, "ok").hitCount()).isEqualTo(5);
    }

    @Test
    void theSearchBudgetHoldsAcrossMembers() {
        for (int s = 0; s < 4; s++) {
            servers[s].stubFor(post(urlEqualTo(RS)).willReturn(aResponse().withBody(hugePage("m" + s))));
            member("m" + s, s);
        }

        FederatedResult r = run(values("198.51.0.1"));

        assertThat(r.members()).allSatisfy(m -> assertThat(m.status()).isEqualTo(MemberStatus.PARTIAL));
        assertThat(r.members()).anySatisfy(m -> assertThat(m.message())
                .startsWith("search byte budget of 2 MiB (all members together) reached"));
        int total = 0;
        for (int s = 0; s < 4; s++) {
            total += requests(s);
        }
        // 2 MiB in pages of ~210 KiB: about ten pages read, at most one more in flight per member.
        assertThat(total).isBetween(10, 10 + 4 * 2);
    }

    @Test
    void thePageBudgetEndsMembersThatWantMorePages() {
        // Full pages of small records, for ever: only the page budget (30 calls) ends this member.
        servers[0].stubFor(post(urlEqualTo(RS)).willReturn(aResponse().withBody(MispFixtures.page("p", 0, 50))));
        member("pager", 0);
        servers[1].stubFor(post(urlEqualTo(RS)).willReturn(aResponse().withBody(MispFixtures.page("ok", 0, 5))));
        member("ok", 1);

        FederatedResult r = run(values("198.51.0.1"));

        MemberOutcome pager = of(r, "pager");
        assertThat(pager.status()).isEqualTo(MemberStatus.PARTIAL);
        assertThat(pager.message()).startsWith("page budget of 30 restSearch calls for this search reached");
        assertThat(requests(0) + requests(1)).isEqualTo(30);
        assertThat(of(r, "ok").status()).isEqualTo(MemberStatus.OK);
    }

    @Test
    void longStringsAreCutAndCounted() {
        List<ObjectNode> records = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ObjectNode a = MispFixtures.attribute("t", i);
            if (i < 4) {
                a.put("comment", "k".repeat(5000));
                ((ObjectNode) a.get("Event")).put("info", "i".repeat(5000));
                ((ObjectNode) a.get("Tag").get(0)).put("name", "misp-galaxy:x=\"" + "g".repeat(5000) + "\"");
            }
            records.add(a);
        }
        servers[0].stubFor(post(urlEqualTo(RS)).willReturn(aResponse().withBody(MispFixtures.response(records))));
        member("long", 0);

        FederatedResult r = run(values("198.51.0.1"));

        MemberOutcome o = of(r, "long");
        assertThat(o.status()).isEqualTo(MemberStatus.OK);
        assertThat(o.hitCount()).isEqualTo(6);
        assertThat(o.truncated()).isEqualTo(4);
        assertThat(o.hits()).allSatisfy(h -> {
            assertThat(h.attribute().comment() == null ? 0 : h.attribute().comment().length()).isLessThanOrEqualTo(100);
            assertThat(h.attribute().event().info().length()).isLessThanOrEqualTo(80);
            assertThat(h.attribute().tags()).allSatisfy(t -> assertThat(t.name().length()).isLessThanOrEqualTo(64));
        });
    }

    @Test
    void aDrippingMemberIsCutAtItsTimeoutAndItsConnectionClosed() throws Exception {
        hostile.behave(r -> {
            HttpServerResponse response = r.response().setChunked(true).putHeader("Content-Type", "application/json");
            response.write("{\"response\": {\"Attribute\": [");
            long timer = hostile.vertx().setPeriodic(100, t -> response.write(" "));
            response.closeHandler(v -> hostile.vertx().cancelTimer(timer));
        });
        registry.upsert(endpoint("drip", hostile.url()));
        servers[1].stubFor(post(urlEqualTo(RS)).willReturn(aResponse().withBody(MispFixtures.page("ok", 0, 5))));
        member("ok", 1);

        long start = System.nanoTime();
        FederatedResult r = run(values("198.51.0.1"));

        MemberOutcome drip = of(r, "drip");
        assertThat(drip.status()).isEqualTo(MemberStatus.TIMEOUT);
        assertThat(drip.message()).isEqualTo("no answer within 1000 ms");
        assertThat(of(r, "ok").status()).isEqualTo(MemberStatus.OK);
        assertThat(hostile.requests()).isEqualTo(1);
        // The connection is closed, not left dripping in the pool: within the call timeout and one second.
        assertThat(awaitNoConnection(start, Duration.ofSeconds(2))).as("open connections to the dripping member")
                .isZero();
    }

    @Test
    void theSearchDeadlineClosesTheConnectionOfAMemberWithALongTimeout() throws Exception {
        hostile.behave(r -> {
            HttpServerResponse response = r.response().setChunked(true).putHeader("Content-Type", "application/json");
            response.write("{\"response\": {\"Attribute\": [");
            long timer = hostile.vertx().setPeriodic(100, t -> response.write(" "));
            response.closeHandler(v -> hostile.vertx().cancelTimer(timer));
        });
        String key = "key-" + UUID.randomUUID();
        rememberKey(key);
        registry.upsert(new MemberEndpoint(new MemberRef("slow", "Member slow", "Org slow", hostile.url()),
                URI.create(hostile.url()), ApiKey.of(key), true, null, null, null, Duration.ofSeconds(30), true));

        long start = System.nanoTime();
        FederatedResult r = run(values("198.51.0.1"));

        assertThat(of(r, "slow").status()).isEqualTo(MemberStatus.TIMEOUT);
        assertThat(of(r, "slow").message()).isEqualTo("no answer before the search deadline");
        // Deadline 4 s; its connection is gone within a second after it.
        assertThat(awaitNoConnection(start, Duration.ofSeconds(5))).as("open connections after the deadline").isZero();
    }

    @Test
    void aGzipBombStopsAtTheBudgetCountedDecompressed() throws Exception {
        byte[] bomb = gzipBomb(256L << 20);
        hostile.behave(r -> {
            HttpServerResponse response = r.response().setChunked(true).putHeader("Content-Type", "application/json")
                    .putHeader("Content-Encoding", "gzip");
            writeSlowly(response, bomb, 0);
        });
        registry.upsert(endpoint("bomb", hostile.url()));
        servers[1].stubFor(post(urlEqualTo(RS)).willReturn(aResponse().withBody(MispFixtures.page("ok", 0, 5))));
        member("ok", 1);

        FederatedResult r = run(values("198.51.0.1"));

        MemberOutcome o = of(r, "bomb");
        assertThat(o.status()).isEqualTo(MemberStatus.PARTIAL);
        assertThat(o.message()).startsWith("member byte budget of 1 MiB for one search reached");
        assertThat(o.hitCount()).isEqualTo(3);
        assertThat(of(r, "ok").status()).isEqualTo(MemberStatus.OK);
        // 256 MiB decompressed from about 256 KiB: read as far as the 1 MiB budget, then the connection is closed.
        assertThat(awaitNoConnection(System.nanoTime(), Duration.ofSeconds(2))).isZero();
    }

    @Test
    void aGzipAnswerIsRead() throws Exception {
        byte[] body = gzip(MispFixtures.page("z", 0, 7).getBytes(StandardCharsets.UTF_8));
        hostile.behave(r -> r.response().putHeader("Content-Type", "application/json")
                .putHeader("Content-Encoding", "gzip").end(Buffer.buffer(body)));
        registry.upsert(endpoint("zipped", hostile.url()));

        FederatedResult r = run(values("198.51.0.1"));

        assertThat(of(r, "zipped").status()).isEqualTo(MemberStatus.OK);
        assertThat(of(r, "zipped").hitCount()).isEqualTo(7);
    }

    /** Writes in 8 KiB pieces, each after the previous one left (so what was sent is what the client read). */
    private static void writeSlowly(HttpServerResponse response, byte[] body, int from) {
        if (from >= body.length) {
            response.end();
            return;
        }
        int n = Math.min(8192, body.length - from);
        response.write(Buffer.buffer(java.util.Arrays.copyOfRange(body, from, from + n))).onComplete(ar -> {
            if (ar.succeeded()) {
                hostile.countSent(n);
                if (response.writeQueueFull()) {
                    response.drainHandler(v -> writeSlowly(response, body, from + n));
                } else {
                    writeSlowly(response, body, from + n);
                }
            }
        });
    }

    /** Three real records, then {@code size} bytes of blanks before the end of the array. */
    private static byte[] gzipBomb(long size) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            String page = MispFixtures.page("g", 0, 3);
            int close = page.lastIndexOf(']');
            gz.write(page.substring(0, close).getBytes(StandardCharsets.UTF_8));
            byte[] blanks = new byte[1 << 20];
            java.util.Arrays.fill(blanks, (byte) ' ');
            for (long w = 0; w < size; w += blanks.length) {
                gz.write(blanks);
            }
            gz.write(page.substring(close).getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    /** Waits until the hostile server has no connection open, at most until {@code start + within}. */
    private static int awaitNoConnection(long start, Duration within) throws InterruptedException {
        long until = start + within.toNanos();
        while (hostile.openConnections() > 0 && System.nanoTime() < until) {
            Thread.sleep(50);
        }
        return hostile.openConnections();
    }
}
