package org.alliancesearch.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The drill's hostile modes ({@link Fault.Tricks}), each observed over HTTP as a MISP client sees it. */
class HostileModesTest {
    static final String VALUE = "shared.hostile.example";
    static SimulatorCluster cluster;
    static SimulatedMisp misp;
    static SimulatedMisp honest;

    @BeforeAll
    static void start() {
        cluster = SimulatorCluster.start(SimulatorOptions.builder().instances(2).events(10).attributesPerEvent(5)
                .adminPort(-1).plant(VALUE, "domain", 3).build());
        misp = cluster.instance("org-a");
        honest = cluster.instance("org-b");
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    @AfterEach
    void heal() {
        misp.setFault(Fault.NONE);
    }

    static final String SEARCH = "{\"value\":\"" + VALUE + "\",\"includeContext\":true}";

    static HttpResponse<byte[]> raw(SimulatedMisp target, String body) {
        return raw(target, body, "identity");
    }

    static HttpResponse<byte[]> raw(SimulatedMisp target, String body, String acceptEncoding) {
        try {
            // a new connection each time: a hostile mode may close a pooled one under the next test; HTTP/1.1 as a
            // MISP client speaks it (no h2c upgrade)
            return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                    .build()
                    .send(HttpRequest.newBuilder(URI.create(target.url() + "/attributes/restSearch"))
                            .header("Authorization", target.apiKey()).header("Content-Type", "application/json")
                            .header("Accept-Encoding", acceptEncoding).timeout(Duration.ofSeconds(60))
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                            HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void specsReadBackAsWritten() {
        String spec = "rtl,bad-utf8,deep-json=10000,duplicate-keys,huge-records=64,gzip-bomb=8,"
                + "redirect=http://127.0.0.2:1/Elsewhere,wrong-content-type,reuse-uuids=org-b,forged-orgc=org-c,"
                + "unsearched-values";
        Fault f = Fault.parse(spec);
        assertThat(f.toString()).isEqualTo(spec);
        assertThat(f.tricks().redirect()).isEqualTo("http://127.0.0.2:1/Elsewhere");
        assertThat(Fault.parse("deep-json").tricks().deepJson()).isEqualTo(10_000);
        assertThatThrownBy(() -> Fault.parse("forged-orgc")).hasMessageContaining("needs a value");
        assertThat(Fault.NONE.tricks().any()).isFalse();
    }

    @Test
    void rtlOverridesInTextFieldsAndTags() {
        misp.setFault(Fault.parse("rtl"));
        Http.Reply r = Http.postOnNewConnection(misp, "/attributes/restSearch", SEARCH);
        assertThat(r.status()).isEqualTo(200);
        List<JsonNode> attrs = r.attributes();
        assertThat(attrs).isNotEmpty();
        assertThat(attrs).allSatisfy(a -> {
            assertThat(a.get("comment").asText()).startsWith("\u202E");
            assertThat(a.path("Event").get("info").asText()).startsWith("\u202E");
            assertThat(a.get("Tag").toString()).contains("\u202Etlp:red");
        });
    }

    @Test
    void badUtf8IsNotDecodable() throws Exception {
        misp.setFault(Fault.parse("bad-utf8"));
        HttpResponse<byte[]> r = raw(misp, SEARCH);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(r.body())))
                .isInstanceOf(CharacterCodingException.class);
    }

    @Test
    void deepJsonNestsTenThousandArrays() {
        misp.setFault(Fault.parse("deep-json=10000"));
        HttpResponse<byte[]> r = raw(misp, SEARCH);
        String body = new String(r.body(), StandardCharsets.US_ASCII);
        assertThat(body).startsWith("{\"response\":{\"Attribute\":" + "[".repeat(10_000) + "]");
        assertThat(body.chars().filter(c -> c == ']').count()).isEqualTo(10_000);
    }

    @Test
    void duplicateKeysNameAValueTwice() throws Exception {
        misp.setFault(Fault.parse("duplicate-keys"));
        HttpResponse<byte[]> r = raw(misp, SEARCH);
        JsonMapper strict = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
        assertThatThrownBy(() -> strict.readTree(r.body())).hasMessageContaining("Duplicate field 'value'");
        // a lenient parser keeps the last one: a value nobody searched
        JsonNode lenient = Http.MAPPER.readTree(r.body());
        assertThat(lenient.at("/response/Attribute/0/value").asText()).isEqualTo("duplicate-key.evil.example");
    }

    @Test
    void hugeRecordsPadEveryComment() {
        misp.setFault(Fault.parse("huge-records=64"));
        Http.Reply r = Http.postOnNewConnection(misp, "/attributes/restSearch", SEARCH);
        assertThat(r.attributes()).isNotEmpty()
                .allSatisfy(a -> assertThat(a.get("comment").asText().length()).isGreaterThanOrEqualTo(64 * 1024));
    }

    @Test
    void gzipBombInflatesAThousandfold() throws Exception {
        misp.setFault(Fault.parse("gzip-bomb=64"));
        // a client that accepts gzip: the server's own compression must not wrap the bomb a second time
        HttpResponse<byte[]> r = raw(misp, SEARCH, "gzip");
        assertThat(r.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(r.body().length).isLessThan(1024 * 1024);
        long inflated = 0;
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(r.body()))) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0;) {
                inflated += n;
            }
        }
        assertThat(inflated).isGreaterThan(64L * 1024 * 1024);
    }

    @Test
    void aMemberSwitchedInAndOutOfTheGzipBombKeepsAnswering() {
        // switching restarts the listener on the same port, which the operating system may refuse for a moment
        for (int i = 0; i < 100; i++) {
            misp.setFault(Fault.parse("gzip-bomb=1"));
            assertThat(raw(misp, SEARCH).headers().firstValue("Content-Encoding")).as("bomb %d", i).hasValue("gzip");
            misp.setFault(Fault.NONE);
            assertThat(raw(misp, SEARCH).statusCode()).as("honest again %d", i).isEqualTo(200);
        }
    }

    @Test
    void redirectPointsElsewhere() {
        misp.setFault(Fault.parse("redirect=http://127.0.0.2:9/attributes/restSearch"));
        HttpResponse<byte[]> r = raw(misp, SEARCH);
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location")).hasValue("http://127.0.0.2:9/attributes/restSearch");
    }

    @Test
    void wrongContentTypeLabelsJsonAsHtml() {
        misp.setFault(Fault.parse("wrong-content-type"));
        Http.Reply r = Http.postOnNewConnection(misp, "/attributes/restSearch", SEARCH);
        assertThat(r.header("Content-Type")).startsWith("text/html");
        assertThat(r.values()).contains(VALUE);
    }

    @Test
    void reusedUuidsAreTheOtherMembersWithChangedContent() {
        Http.Reply own = Http.postOnNewConnection(honest, "/attributes/restSearch", SEARCH);
        misp.setFault(Fault.parse("reuse-uuids=org-b"));
        Http.Reply forged = Http.postOnNewConnection(misp, "/attributes/restSearch", SEARCH);
        Set<String> honestUuids = new HashSet<>();
        own.attributes().forEach(a -> honestUuids.add(a.get("uuid").asText()));
        assertThat(forged.attributes()).hasSameSizeAs(own.attributes()).allSatisfy(a -> {
            assertThat(honestUuids).contains(a.get("uuid").asText());
            assertThat(a.get("value").asText()).isEqualTo(VALUE);
            assertThat(a.get("comment").asText()).isEqualTo("changed by another member");
            assertThat(a.get("Tag").toString()).contains("\"tlp:clear\"");
        });
        JsonNode first = own.attributes().get(0);
        JsonNode same = forged.attributes().stream()
                .filter(a -> a.get("uuid").equals(first.get("uuid"))).findFirst().orElseThrow();
        assertThat(same.get("to_ids").asBoolean()).isNotEqualTo(first.get("to_ids").asBoolean());
    }

    @Test
    void forgedOrgcClaimsAnotherOrganisation() {
        misp.setFault(Fault.parse("forged-orgc=org-b"));
        Http.Reply r = Http.postOnNewConnection(misp, "/attributes/restSearch", SEARCH);
        assertThat(r.attributes()).isNotEmpty().allSatisfy(a -> {
            assertThat(a.at("/Event/Orgc/name").asText()).isEqualTo("org-b");
            assertThat(a.at("/Event/Orgc/uuid").asText())
                    .isEqualTo(SimulatorCluster.organisationUuid("org-b").toString());
        });
    }

    @Test
    void unsearchedValuesAreAdded() {
        misp.setFault(Fault.parse("unsearched-values"));
        List<String> values = Http.postOnNewConnection(misp, "/attributes/restSearch", SEARCH).values();
        assertThat(values).contains(VALUE);
        assertThat(values).anyMatch(v -> v.startsWith("unsearched-") && v.endsWith(".evil.example"));
        assertThat(values.stream().filter(v -> v.startsWith("unsearched-")).count())
                .isEqualTo(values.stream().filter(VALUE::equals).count());
    }

    @Test
    void firstCallsStayHonestUnderEveryTrick() {
        misp.setFault(
                Fault.parse("rtl,bad-utf8,duplicate-keys,wrong-content-type,forged-orgc=org-b,unsearched-values"));
        Http.Reply version = Http.send(HttpRequest.newBuilder(URI.create(misp.url() + "/servers/getVersion"))
                .header("Authorization", misp.apiKey()).header("Accept", "application/json"));
        assertThat(version.status()).isEqualTo(200);
        assertThat(version.json().get("version").asText()).isEqualTo("2.5.1");
        Http.Reply me = Http.send(HttpRequest.newBuilder(URI.create(misp.url() + "/users/view/me"))
                .header("Authorization", misp.apiKey()).header("Accept", "application/json"));
        assertThat(me.json().has("User") && me.json().has("Role") && me.json().has("UserSetting")
                && me.json().has("Organisation")).isTrue();
    }
}
