package org.alliancesearch.bench;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import org.alliancesearch.demo.AllianceDemo;
import org.alliancesearch.demo.MemberSeeder;
import org.alliancesearch.simulator.SimulatedMisp;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The portal's HTTP API as a script uses it: a bearer token from Keycloak (password grant of the {@code admin} user,
 * renewed before it expires), members onboarded through the admin API, searches through {@code POST /api/v1/search}.
 */
public final class PortalClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long TOKEN_RENEW_NANOS = Duration.ofSeconds(200).toNanos();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String portalUrl;
    private final String managementUrl;
    private final String realmUrl;
    private volatile String token;
    private volatile long tokenAt;

    /** @param managementUrl where the portal serves its metrics (its management interface) */
    public PortalClient(String portalUrl, String managementUrl, String realmUrl) {
        this.portalUrl = portalUrl;
        this.managementUrl = managementUrl;
        this.realmUrl = realmUrl;
    }

    /** The outcome of one search as the benchmark checks it. */
    public record SearchReply(int httpStatus, Map<String, Integer> memberStatuses, int attributes, String problem) {
        /** Null when the search answered 200 and every member was {@code OK}; else what was not. */
        public String unexpected() {
            if (httpStatus != 200) {
                return "HTTP " + httpStatus + (problem == null ? "" : " " + problem);
            }
            if (memberStatuses.size() != 1 || !memberStatuses.containsKey("OK")) {
                return "member statuses " + memberStatuses;
            }
            return null;
        }
    }

    /** Signs in again when the token is older than 200 s (the demo realm's tokens live 300 s). */
    public String token() throws IOException, InterruptedException {
        // Read without the lock: 50 concurrent clients must not queue on it for every search.
        String current = token;
        if (current != null && System.nanoTime() - tokenAt <= TOKEN_RENEW_NANOS) {
            return current;
        }
        synchronized (this) {
            if (token == null || System.nanoTime() - tokenAt > TOKEN_RENEW_NANOS) {
                token = MemberSeeder.accessToken(realmUrl, AllianceDemo.CLIENT_ID, AllianceDemo.CLIENT_SECRET,
                        "admin", "admin");
                tokenAt = System.nanoTime();
            }
            return token;
        }
    }

    /** Registers a simulated member with the given per-call timeout; returns its id. */
    public String addMember(SimulatedMisp member, int timeoutMs) throws IOException, InterruptedException {
        ObjectNode body = memberBody(member, timeoutMs);
        body.put("apiKey", member.apiKey());
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(portalUrl + "/api/v1/admin/members"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
        if (r.statusCode() != 201) {
            throw new IllegalStateException("registering " + member.name() + " failed: HTTP " + r.statusCode() + " "
                    + r.body());
        }
        return JSON.readTree(r.body()).path("id").asText();
    }

    /** Saves the member again with a new timeout (the connector gives it a fresh guard: circuit closed). */
    public void updateMember(String id, SimulatedMisp member, int timeoutMs) throws IOException, InterruptedException {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(portalUrl + "/api/v1/admin/members/" + id))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(memberBody(member, timeoutMs).toString())));
        if (r.statusCode() != 200) {
            throw new IllegalStateException("updating " + member.name() + " failed: HTTP " + r.statusCode());
        }
    }

    private static ObjectNode memberBody(SimulatedMisp member, int timeoutMs) {
        return JSON.createObjectNode()
                .put("name", "MISP " + member.name())
                .put("organisation", member.name())
                .put("url", member.url())
                .put("verifyTls", true)
                .put("timeoutMs", timeoutMs)
                .put("enabled", true);
    }

    /** One federated search for one value. */
    public SearchReply search(String value) throws IOException, InterruptedException {
        String body = JSON.createObjectNode().set("values", JSON.createArrayNode().add(value)).toString();
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(portalUrl + "/api/v1/search"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        if (r.statusCode() != 200) {
            String problem = r.body().length() > 300 ? r.body().substring(0, 300) : r.body();
            return new SearchReply(r.statusCode(), Map.of(), 0, problem);
        }
        JsonNode reply = JSON.readTree(r.body());
        Map<String, Integer> statuses = new TreeMap<>();
        for (JsonNode m : reply.path("members")) {
            statuses.merge(m.path("status").asText(), 1, Integer::sum);
        }
        return new SearchReply(200, statuses, reply.path("totals").path("attributes").asInt(), null);
    }

    /** Creates a personal API key of the signed-in user ({@code POST /api/v1/me/api-keys}); returns the key. */
    public String createApiKey(String name) throws IOException, InterruptedException {
        String body = JSON.createObjectNode().put("name", name).put("expiresInDays", 1).toString();
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(portalUrl + "/api/v1/me/api-keys"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        if (r.statusCode() != 201) {
            throw new IllegalStateException("creating an API key failed: HTTP " + r.statusCode());
        }
        return JSON.readTree(r.body()).path("key").asText();
    }

    /**
     * The outcome of one MISP-compatible attribute search, read as a stream (the answer is never held whole).
     *
     * @param attributes entries of {@code response.Attribute}
     * @param partial the {@code X-Alliance-Partial} header, or null
     */
    public record MispReply(int httpStatus, int attributes, long bytes, String partial) {
    }

    /** {@code POST /attributes/restSearch} for one value with a personal key, counting the attributes as they come. */
    public MispReply mispAttributes(String key, String value) throws IOException, InterruptedException {
        String body = JSON.createObjectNode().put("returnFormat", "json").put("value", value).toString();
        HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(URI.create(portalUrl + "/attributes/restSearch"))
                .header("Authorization", key)
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(300))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofInputStream());
        String partial = r.headers().firstValue("X-Alliance-Partial").orElse(null);
        try (CountingStream in = new CountingStream(r.body())) {
            if (r.statusCode() != 200) {
                in.readAllBytes();
                return new MispReply(r.statusCode(), 0, in.count, partial);
            }
            int attributes = 0;
            try (JsonParser p = JSON.getFactory().createParser(in)) {
                // {"response": {"Attribute": [ {...}, ... ]}}: count the objects directly inside the array
                int depth = 0;
                boolean inList = false;
                for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                    if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                        depth++;
                        if (t == JsonToken.START_ARRAY && depth == 3 && "Attribute".equals(p.currentName())) {
                            inList = true;
                        } else if (t == JsonToken.START_OBJECT && inList && depth == 4) {
                            attributes++;
                        }
                    } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                        if (t == JsonToken.END_ARRAY && depth == 3) {
                            inList = false;
                        }
                        depth--;
                    }
                }
            }
            return new MispReply(200, attributes, in.count, partial);
        }
    }

    /** Counts the bytes read through it. */
    private static final class CountingStream extends FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }

    /** The portal's Prometheus text ({@code /q/metrics}). */
    public String metrics() throws IOException, InterruptedException {
        return http
                .send(HttpRequest.newBuilder(URI.create(managementUrl + "/q/metrics")).timeout(Duration.ofSeconds(10))
                        .build(), HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.header("Authorization", "Bearer " + token())
                .header("Accept", "application/json")
                .timeout(Duration.ofSeconds(120))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
