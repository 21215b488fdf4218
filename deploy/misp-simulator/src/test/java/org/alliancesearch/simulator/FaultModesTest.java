package org.alliancesearch.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

import org.alliancesearch.simulator.http.MispApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/** Each fault mode, observed over HTTP as a MISP client sees it. */
class FaultModesTest {
    static SimulatorCluster cluster;
    static SimulatedMisp misp;
    static SimulatedMisp healthy;

    @BeforeAll
    static void start() {
        cluster = SimulatorCluster.start(SimulatorOptions.builder().instances(2).events(20).attributesPerEvent(10)
                .adminPort(0).fault("org-b", Fault.parse("latency=1")).build());
        misp = cluster.instance("org-a");
        healthy = cluster.instance("org-b");
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    @AfterEach
    void heal() {
        misp.setFault(Fault.NONE);
    }

    static void assertRefused() {
        assertThatThrownBy(() -> Http.postOnNewConnection(misp, "/attributes/restSearch", "{\"limit\":1}"))
                .isInstanceOf(java.io.UncheckedIOException.class).cause()
                .isInstanceOf(ConnectException.class);
    }

    static Http.Reply search(String body) {
        return Http.post(misp, "/attributes/restSearch", body);
    }

    @Test
    void faultAtStartIsInForce() {
        assertThat(healthy.fault().latencyMinMillis()).isEqualTo(1);
        assertThat(Http.post(healthy, "/attributes/restSearch", "{\"limit\":1}").status()).isEqualTo(200);
    }

    @Test
    void fixedLatency() {
        misp.setFault(Fault.latency(400));
        long t0 = System.nanoTime();
        Http.Reply r = search("{\"limit\":2}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
    }

    @Test
    void randomLatencyStaysInRange() {
        misp.setFault(Fault.parse("latency=150-250"));
        long t0 = System.nanoTime();
        assertThat(search("{\"limit\":1}").status()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
    }

    @Test
    void errorRateGivesMisp500Body() {
        misp.setFault(Fault.parse("error-rate=1"));
        Http.Reply r = search("{\"value\":\"x\"}");
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.json().get("name").asText()).isEqualTo("An Internal Error Has Occurred.");
        assertThat(r.json().get("message").asText()).isEqualTo("An Internal Error Has Occurred.");
        assertThat(r.json().get("url").asText()).isEqualTo("/attributes/restSearch");
        misp.setFault(Fault.parse("error-rate=0.5"));
        int errors = 0;
        for (int i = 0; i < 40; i++) {
            errors += search("{\"limit\":1}").status() == 500 ? 1 : 0;
        }
        assertThat(errors).isBetween(5, 35);
    }

    @Test
    void forbiddenEvenWithTheRightKey() {
        misp.setFault(Fault.parse("forbidden"));
        Http.Reply r = search("{\"limit\":1}");
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.json().get("message").asText()).isEqualTo(MispApi.AUTH_FAILED);
    }

    @Test
    void slowDripSendsAValidBodyInSmallChunksOverTime() {
        misp.setFault(Fault.parse("drip=20"));
        long t0 = System.nanoTime();
        Http.Reply r = search("{\"limit\":3}");
        long elapsed = Duration.ofNanos(System.nanoTime() - t0).toMillis();
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.attributes()).hasSize(3);
        int chunks = r.raw().body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length / 64;
        assertThat(elapsed).isGreaterThanOrEqualTo(chunks * 20L);
        assertThat(r.header("Transfer-Encoding")).isEqualTo("chunked");
        assertThat(r.header("Content-Length")).isNull();
    }

    @Test
    void malformedJsonIsCutMidRecord() {
        misp.setFault(Fault.parse("malformed"));
        Http.Reply r = search("{\"limit\":5}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.raw().body()).startsWith("{\"response\":{\"Attribute\":[{");
        assertThatThrownBy(() -> Http.MAPPER.readTree(r.raw().body())).isInstanceOf(JsonProcessingException.class);
    }

    @Test
    void truncatedBodyBreaksTheConnection() {
        misp.setFault(Fault.parse("truncated"));
        HttpRequest req = HttpRequest.newBuilder(URI.create(misp.url() + "/attributes/restSearch"))
                .header("Authorization", misp.apiKey()).timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString("{\"limit\":20}")).build();
        assertThatThrownBy(() -> Http.CLIENT.send(req, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(IOException.class);
    }

    @Test
    void oversizedAnswerRepeatsRecords() {
        misp.setFault(Fault.parse("oversized=2"));
        Http.Reply r = search("{\"limit\":10}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.raw().body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                .isGreaterThanOrEqualTo(2 * 1024 * 1024);
        assertThat(r.attributes().size()).isGreaterThan(10);
        assertThat(r.attributes().get(0).get("uuid")).isEqualTo(r.attributes().get(10).get("uuid"));
    }

    @Test
    void hostileContentStaysValidJson() {
        misp.setFault(Fault.parse("hostile"));
        Http.Reply r = search("{\"limit\":4,\"includeContext\":1}");
        assertThat(r.status()).isEqualTo(200);
        JsonNode first = r.attributes().get(0);
        assertThat(first.get("value").asText()).doesNotContain("<");
        assertThat(r.attributes().get(1).get("value").asText()).startsWith("<script>");
        assertThat(first.get("Event").get("info").asText()).contains("<script>", "\u202E", "\u200B");
        assertThat(first.get("comment").asText()).contains("<img", "\u0000");
        assertThat(first.get("Tag").findValuesAsText("name")).anySatisfy(n -> assertThat(n).contains("<script>"));
        assertThat(r.attributes().get(2).get("value").asText()).contains("\uD83E\uDDA0");
        assertThat(r.attributes().get(3).get("value").asText().length()).isGreaterThan(100_000);
    }

    @Test
    void downRefusesConnectionsAndComesBack() {
        misp.setFault(Fault.serverDown());
        assertRefused();
        assertThat(Http.post(healthy, "/attributes/restSearch", "{\"limit\":1}").status()).isEqualTo(200);
        misp.setFault(Fault.NONE);
        assertThat(search("{\"limit\":1}").status()).isEqualTo(200);
    }

    /**
     * A member's port is an ephemeral one; while it is down, nothing else may take it, or the member could not come
     * back ("could not apply fault none"). A fresh member, so that no connection of an earlier test lingers on its port.
     */
    @Test
    void aDownMemberKeepsItsPortAndComesBackOnIt() throws Exception {
        try (SimulatorCluster own = SimulatorCluster.start(SimulatorOptions.builder().instances(1).events(2)
                .attributesPerEvent(2).adminPort(-1).build())) {
            SimulatedMisp member = own.instance("org-a");
            int port = member.port();
            member.setFault(Fault.serverDown());
            try (java.net.Socket outgoing = new java.net.Socket()) {
                assertThatThrownBy(() -> outgoing.bind(new java.net.InetSocketAddress("127.0.0.1", port)))
                        .isInstanceOf(java.net.BindException.class);
            }
            member.setFault(Fault.NONE);
            assertThat(member.port()).isEqualTo(port);
            assertThat(Http.post(member, "/attributes/restSearch", "{\"limit\":1}").status()).isEqualTo(200);
        }
    }

    /** A member that cannot listen again stays down (it says so), and a later switch brings it back. */
    @Test
    void aFailedReturnLeavesTheMemberDownAndCanBeRetried() throws Exception {
        int port = misp.port();
        misp.setFault(Fault.serverDown());
        try (java.net.ServerSocket squatter = new java.net.ServerSocket()) {
            squatter.setReuseAddress(true);
            squatter.bind(new java.net.InetSocketAddress("127.0.0.1", port));
            assertThatThrownBy(() -> misp.setFault(Fault.NONE)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("could not apply fault none");
            assertThat(misp.fault().down()).isTrue();
        }
        misp.setFault(Fault.NONE);
        assertThat(misp.fault()).isEqualTo(Fault.NONE);
        assertThat(search("{\"limit\":1}").status()).isEqualTo(200);
        // flapping, as the drill does it
        for (int i = 0; i < 5; i++) {
            misp.setFault(Fault.serverDown());
            assertRefused();
            misp.setFault(Fault.NONE);
            assertThat(search("{\"limit\":1}").status()).isEqualTo(200);
        }
    }

    @Test
    void hangAcceptsTheRequestButNeverAnswers() throws Exception {
        misp.setFault(Fault.hung());
        assertThat(Fault.parse("hang")).isEqualTo(Fault.hung());
        assertThat(Fault.hung().toString()).isEqualTo("hang");
        HttpRequest request = HttpRequest.newBuilder(URI.create(misp.url() + "/attributes/restSearch"))
                .header("Authorization", misp.apiKey()).header("Content-Type", "application/json")
                .timeout(Duration.ofMillis(800)).POST(HttpRequest.BodyPublishers.ofString("{\"limit\":1}")).build();
        HttpClient client = HttpClient.newHttpClient();
        assertThatThrownBy(() -> client.send(request, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(HttpTimeoutException.class);
        misp.setFault(Fault.NONE);
        assertThat(client.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    }

    @Test
    void adminEndpointSwitchesFaultsAtRunTime() {
        String admin = cluster.adminUrl().orElseThrow();
        Http.Reply denied = Http.send(HttpRequest.newBuilder(URI.create(admin + "/_sim/instances"))
                .header("X-Sim-Admin-Token", "wrong").GET());
        assertThat(denied.status()).isEqualTo(401);
        Http.Reply set = Http.send(HttpRequest.newBuilder(URI.create(admin + "/_sim/instances/org-a/fault"))
                .header("X-Sim-Admin-Token", cluster.adminToken())
                .POST(HttpRequest.BodyPublishers.ofString("{\"fault\":\"forbidden\"}")));
        assertThat(set.status()).isEqualTo(200);
        assertThat(set.json().get("fault").asText()).isEqualTo("forbidden");
        assertThat(search("{\"limit\":1}").status()).isEqualTo(403);
        Http.Reply down = Http.send(HttpRequest.newBuilder(URI.create(admin + "/_sim/instances/org-a/fault"))
                .header("X-Sim-Admin-Token", cluster.adminToken()).POST(HttpRequest.BodyPublishers.ofString("down")));
        assertThat(down.status()).isEqualTo(200);
        assertRefused();
        Http.Reply up = Http.send(HttpRequest.newBuilder(URI.create(admin + "/_sim/instances/org-a/fault"))
                .header("X-Sim-Admin-Token", cluster.adminToken()).POST(HttpRequest.BodyPublishers.ofString("none")));
        assertThat(up.json().get("fault").asText()).isEqualTo("none");
        assertThat(search("{\"limit\":1}").status()).isEqualTo(200);
        Http.Reply bad = Http.send(HttpRequest.newBuilder(URI.create(admin + "/_sim/instances/org-a/fault"))
                .header("X-Sim-Admin-Token", cluster.adminToken())
                .POST(HttpRequest.BodyPublishers.ofString("explode")));
        assertThat(bad.status()).isEqualTo(400);
        Http.Reply list = Http.send(HttpRequest.newBuilder(URI.create(admin + "/_sim/instances"))
                .header("X-Sim-Admin-Token", cluster.adminToken()).GET());
        assertThat(list.json().findValuesAsText("organisation")).containsExactly("org-a", "org-b");
    }
}
