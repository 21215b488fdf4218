package org.alliancesearch.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.zip.GZIPInputStream;

import org.alliancesearch.model.policy.AlliancePolicy;
import org.alliancesearch.model.query.MispRestSearch;
import org.alliancesearch.model.query.SearchQuery;
import org.alliancesearch.simulator.SimulatedMisp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Asks one member MISP directly, with the body the connector sends for the same search (built by the shared model,
 * first page, the benchmark's page size) and, by default, its {@code Accept-Encoding: gzip}: the baseline of the
 * fan-out figures. The timed calls read the answer's bytes as they come, compressed or not, and parse nothing.
 */
public final class MispDirect {
    /**
     * How the answer is asked for, by the baselines and (option {@code -Dbench.compressed-answers}, see
     * {@code BenchMain}) by the portals of a run.
     */
    public enum Encoding {
        /** As the connector (and PyMISP) ask by default: the member compresses its answer. */
        GZIP("gzip", "gzip", "gzip", true),
        /**
         * Plain JSON: what the baselines asked for until the sixth round; the connector asks so with
         * {@code alliance.connector.compressed-answers=false}.
         */
        PLAIN("identity", "plain JSON", "plain", false);

        final String header;
        /** e.g. "plain JSON", as in "asked for plain JSON". */
        public final String label;
        /** e.g. "plain", as in "3.1 µs plain". */
        public final String shortLabel;
        /** The value of {@code alliance.connector.compressed-answers} (and of the bench's option) that asks so. */
        public final boolean compressedAnswers;

        Encoding(String header, String label, String shortLabel, boolean compressedAnswers) {
            this.header = header;
            this.label = label;
            this.shortLabel = shortLabel;
            this.compressedAnswers = compressedAnswers;
        }

        /** The other encoding: the baseline reported beside the one the portal is compared with. */
        public Encoding other() {
            return this == GZIP ? PLAIN : GZIP;
        }

        /**
         * {@code prefix} and the label, or nothing for gzip, the connector's default, whose baselines keep the names
         * they had before the option.
         */
        public String unlessDefault(String prefix) {
            return this == GZIP ? "" : prefix + label;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final int pageSize;
    private final Encoding encoding;

    public MispDirect(int pageSize) {
        this(pageSize, Encoding.GZIP);
    }

    public MispDirect(int pageSize, Encoding encoding) {
        this.pageSize = pageSize;
        this.encoding = encoding;
    }

    /** The request body for {@code value}, as the connector builds it. */
    public String body(String value) {
        return MispRestSearch.body(SearchQuery.ofValues(List.of(value)), List.of(value), AlliancePolicy.defaults(),
                pageSize, 1).toString();
    }

    /** Sends the search and reads the whole answer; null when it is a 200, else what was wrong. */
    public String search(SimulatedMisp member, String value) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = http.send(request(member, value), HttpResponse.BodyHandlers.ofByteArray());
        return r.statusCode() == 200 ? null : "HTTP " + r.statusCode() + " from " + member.name();
    }

    /**
     * Asks all {@code members} at once, as the fan-out does, and returns when the slowest has answered completely;
     * null when every answer was a 200.
     */
    public String searchAll(List<SimulatedMisp> members, String value) {
        List<CompletableFuture<HttpResponse<byte[]>>> answers = new ArrayList<>();
        for (SimulatedMisp m : members) {
            answers.add(http.sendAsync(request(m, value), HttpResponse.BodyHandlers.ofByteArray()));
        }
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).join();
        for (int i = 0; i < answers.size(); i++) {
            int status = answers.get(i).join().statusCode();
            if (status != 200) {
                return "HTTP " + status + " from " + members.get(i).name();
            }
        }
        return null;
    }

    /** One answer's size (not timed): its JSON and what came over the wire, in bytes. */
    public record AnswerSize(long json, long wire, String contentEncoding) {
    }

    /** Asks once more and measures the answer (to report, not timed). */
    public AnswerSize answerSize(SimulatedMisp member, String value) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = http.send(request(member, value), HttpResponse.BodyHandlers.ofByteArray());
        return new AnswerSize(json(r).length, r.body().length, r.headers().firstValue("Content-Encoding")
                .orElse("identity"));
    }

    /** Number of attributes in the member's answer (to check the setup, not timed). */
    public int count(SimulatedMisp member, String value) throws IOException, InterruptedException {
        JsonNode attributes = JSON.readTree(answerJson(member, value)).path("response").path("Attribute");
        return attributes.size();
    }

    /** The member's answer as JSON, inflated when it came compressed (not timed). */
    public byte[] answerJson(SimulatedMisp member, String value) throws IOException, InterruptedException {
        return json(http.send(request(member, value), HttpResponse.BodyHandlers.ofByteArray()));
    }

    /** The answer's JSON, inflated when the member compressed it. */
    private static byte[] json(HttpResponse<byte[]> r) throws IOException {
        if (!r.headers().firstValue("Content-Encoding").orElse("").equalsIgnoreCase("gzip")) {
            return r.body();
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(r.body()))) {
            return in.readAllBytes();
        }
    }

    private HttpRequest request(SimulatedMisp member, String value) {
        return HttpRequest.newBuilder(URI.create(member.url() + "/attributes/restSearch"))
                .header("Authorization", member.apiKey())
                .header("Accept", "application/json")
                .header("Accept-Encoding", encoding.header)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(body(value)))
                .build();
    }
}
