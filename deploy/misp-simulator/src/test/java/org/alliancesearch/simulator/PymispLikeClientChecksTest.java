package org.alliancesearch.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPOutputStream;

import org.alliancesearch.simulator.client.PymispException;
import org.alliancesearch.simulator.client.PymispLikeClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;

/**
 * The client's checks against a server that answers what a test tells it to: what it sends, and where it refuses to
 * connect as PyMISP refuses.
 */
class PymispLikeClientChecksTest {
    static final String VERSION = "{\"version\":\"2.5.1\",\"pymisp_recommended_version\":\"2.5.1\"}";
    static final String ME = "{\"User\":{\"id\":\"1\",\"email\":\"a@b.example\"},\"Role\":{\"id\":\"6\",\"name\":\"x\"},"
            + "\"UserSetting\":{\"homepage\":{\"path\":\"/events/index\"}},\"Organisation\":{\"id\":\"1\"}}";

    HttpServer server;
    final Map<String, String> answers = new ConcurrentHashMap<>();
    final Map<String, Integer> statuses = new ConcurrentHashMap<>();
    final List<Headers> requests = new CopyOnWriteArrayList<>();
    final List<String> bodies = new CopyOnWriteArrayList<>();
    volatile boolean gzip;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            requests.add(ex.getRequestHeaders());
            bodies.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            String path = ex.getRequestURI().getPath();
            String body = answers.getOrDefault(path, "{\"name\":\"Not Found\",\"message\":\"Not Found\",\"url\":\""
                    + path + "\"}");
            int status = statuses.getOrDefault(path, answers.containsKey(path) ? 200 : 404);
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            if (gzip) {
                java.io.ByteArrayOutputStream z = new java.io.ByteArrayOutputStream();
                try (GZIPOutputStream out = new GZIPOutputStream(z)) {
                    out.write(bytes);
                }
                bytes = z.toByteArray();
                ex.getResponseHeaders().set("Content-Encoding", "gzip");
            }
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(status, bytes.length);
            ex.getResponseBody().write(bytes);
            ex.close();
        });
        server.start();
        answers.put("/servers/getVersion", VERSION);
        answers.put("/users/view/me", ME);
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Test
    void sendsPymispsHeadersOnEveryCall() {
        answers.put("/attributes/restSearch", "{\"response\":{\"Attribute\":[]}}");
        PymispLikeClient c = PymispLikeClient.builder(url(), " the-key ").tool("siem").connect();
        c.searchAttributes(Map.of("value", "x"));
        assertThat(requests).hasSize(4);
        for (Headers h : requests) {
            assertThat(h.getFirst("Authorization")).as("the key is stripped").isEqualTo("the-key");
            assertThat(h.getFirst("Accept")).isEqualTo("application/json");
            assertThat(h.getFirst("Content-Type")).isEqualTo("application/json");
            assertThat(h.getFirst("User-Agent")).isEqualTo("PyMISP 2.5.1 - Python 3.12 - siem");
            assertThat(h.getFirst("Accept-Encoding")).isEqualTo("gzip, deflate");
        }
    }

    @Test
    void searchBodyHasPymispsDefaultsAndNoNulls() throws IOException {
        PymispLikeClient c = PymispLikeClient.connect(url(), "k");
        java.util.HashMap<String, Object> filters = new java.util.HashMap<>();
        filters.put("value", "1.2.3.4");
        filters.put("includeEventTags", 1);
        filters.put("limit", null);
        answers.put("/attributes/restSearch", "{\"response\":{\"Attribute\":[]}}");
        c.searchAttributes(filters);
        var sent = new com.fasterxml.jackson.databind.ObjectMapper().readTree(bodies.get(bodies.size() - 1));
        assertThat(sent.get("returnFormat").asText()).isEqualTo("json");
        assertThat(sent.get("value").asText()).isEqualTo("1.2.3.4");
        assertThat(sent.get("includeEventTags").asInt()).isEqualTo(1);
        assertThat(sent.get("withAttachments").asInt()).isZero();
        assertThat(sent.get("includeContext").asInt()).isZero();
        assertThat(sent.has("limit")).isFalse();
    }

    @Test
    void readsGzippedAnswers() {
        gzip = true;
        PymispLikeClient c = PymispLikeClient.connect(url(), "k");
        assertThat(c.userSettings()).containsKey("homepage");
        assertThat(c.role().get("name").asText()).isEqualTo("x");
    }

    @Test
    void refusesAUserWithoutUserSetting() {
        answers.put("/users/view/me", "{\"User\":{\"id\":\"1\"},\"Role\":{\"id\":\"6\"},\"Organisation\":{}}");
        PymispException e = catchThrowableOfType(PymispException.class, () -> PymispLikeClient.connect(url(), "k"));
        assertThat(e.getMessage()).isEqualTo("Unable to connect to MISP (" + url()
                + "). Please make sure the API key and the URL are correct (http/https is required): 'UserSetting'");
    }

    @Test
    void refusesAUserWithoutRole() {
        answers.put("/users/view/me", "{\"User\":{\"id\":\"1\"},\"UserSetting\":[]}");
        PymispException e = catchThrowableOfType(PymispException.class, () -> PymispLikeClient.connect(url(), "k"));
        assertThat(e.getMessage()).endsWith(": 'Role'");
    }

    @Test
    void acceptsAnEmptyListOfUserSettingsButNotAFullOne() {
        answers.put("/users/view/me", "{\"User\":{},\"Role\":{},\"UserSetting\":[]}");
        assertThat(PymispLikeClient.connect(url(), "k").userSettings()).isEmpty();
        answers.put("/users/view/me", "{\"User\":{},\"Role\":{},\"UserSetting\":[{\"setting\":\"a\"}]}");
        PymispException e = catchThrowableOfType(PymispException.class, () -> PymispLikeClient.connect(url(), "k"));
        assertThat(e.getMessage()).endsWith("'list' object has no attribute 'items'");
    }

    @Test
    void fallsBackToItsOwnDescribeTypesAndToGetPymispVersion() {
        answers.put("/servers/getVersion", "{\"version\":\"2.4.180\"}");
        answers.put("/servers/getPyMISPVersion.json", "{\"version\":\"2.4.180\"}");
        List<String> calls = new CopyOnWriteArrayList<>();
        PymispLikeClient c = PymispLikeClient.builder(url(), "k").onCall(calls::add).connect();
        assertThat(calls).containsExactly("GET /servers/getVersion", "GET /servers/getPyMISPVersion.json",
                "GET /users/view/me", "GET /attributes/describeTypes.json");
        assertThat(c.describeTypesFromServer()).isFalse();
        assertThat(c.describeTypes().get("types")).isNotEmpty();
        assertThat(c.log()).filteredOn(l -> l.startsWith("INFO")).singleElement().asString().contains("older");
        assertThat(c.log()).filteredOn(l -> l.startsWith("ERROR")).singleElement().asString().contains("(404)");
    }

    @Test
    void aVersionThatIsNotNumbersFailsTheConnection() {
        answers.put("/servers/getVersion", "{\"version\":\"2.5.x\",\"pymisp_recommended_version\":\"2.5.1\"}");
        PymispException e = catchThrowableOfType(PymispException.class, () -> PymispLikeClient.connect(url(), "k"));
        assertThat(e.getMessage()).startsWith("Unable to connect to MISP").contains("'x'");
    }

    @Test
    void aNonJsonAnswerIsUnexpected() {
        answers.put("/users/view/me", "<html>sign in</html>");
        PymispException e = catchThrowableOfType(PymispException.class, () -> PymispLikeClient.connect(url(), "k"));
        assertThat(e.kind()).isEqualTo(PymispException.Kind.UNEXPECTED_RESPONSE);
        assertThat(e.getMessage()).startsWith("Unexpected response (size: 20) from server: <html>");
    }

    @Test
    void aForbiddenSearchWithAnHtmlBodyIsAServerError() {
        PymispLikeClient c = PymispLikeClient.connect(url(), "k");
        answers.put("/events/restSearch", "<h1>Forbidden</h1>");
        statuses.put("/events/restSearch", 403);
        PymispException e = catchThrowableOfType(PymispException.class, () -> c.searchEvents(Map.of("value", "x")));
        assertThat(e.kind()).isEqualTo(PymispException.Kind.MISP_SERVER_ERROR);
        assertThat(e.status()).isEqualTo(403);
        assertThat(e.getMessage()).isEqualTo("Error code 403:\n<h1>Forbidden</h1>");
    }

    @Test
    void aServerThatDoesNotAnswerFailsTheConnectionNamingTheUrl() {
        String gone = url();
        server.stop(0);
        PymispException e = catchThrowableOfType(PymispException.class, () -> PymispLikeClient.connect(gone, "k"));
        assertThat(e.getMessage()).startsWith("Unable to connect to MISP (" + gone + "). Please make sure the API key"
                + " and the URL are correct (http/https is required): ");
        assertThat(e.status()).isZero();
    }

    @Test
    void aRootUrlWithAPathKeepsItOnlyWithATrailingSlash() {
        List<String> calls = new CopyOnWriteArrayList<>();
        catchThrowableOfType(PymispException.class,
                () -> PymispLikeClient.builder(url() + "/misp", "k").onCall(calls::add).connect());
        assertThat(calls.get(0)).isEqualTo("GET /servers/getVersion");
        calls.clear();
        catchThrowableOfType(PymispException.class,
                () -> PymispLikeClient.builder(url() + "/misp/", "k").onCall(calls::add).connect());
        assertThat(calls.get(0)).isEqualTo("GET /misp/servers/getVersion");
    }
}
