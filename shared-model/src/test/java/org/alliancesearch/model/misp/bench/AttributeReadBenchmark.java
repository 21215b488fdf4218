package org.alliancesearch.model.misp.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.alliancesearch.model.misp.JsonTreeBuilder;
import org.alliancesearch.model.misp.MispAttribute;
import org.alliancesearch.model.misp.MispAttributeReader;
import org.alliancesearch.model.misp.MispFormatException;
import org.alliancesearch.model.misp.MispJson;
import org.alliancesearch.model.misp.MispStringCaps;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.async.ByteArrayFeeder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reading one member's {@code attributes/restSearch} answer of 20,000 attributes as MISP sends it with
 * {@code includeContext} and {@code includeEventTags} (each attribute with its {@code Event}, {@code Orgc} and event
 * tags, 2–4 tags of its own), through the non-blocking parser fed in 16 KiB pieces as the connector is: the tree path
 * ({@link JsonTreeBuilder}, caps on the tree, {@link MispJson#attribute}) against the token reader
 * ({@link MispAttributeReader}). The connector's sharing of equal parts comes after both and is left out.
 *
 * <p>
 * One operation is one attribute: the score is ns per attribute, {@code gc.alloc.rate.norm} bytes allocated per
 * attribute. One processor, as in the other benchmarks.
 *
 * <p>
 * Run: {@code mvn -o -B -pl shared-model test-compile exec:exec@merge-benchmark
 * -Dmerge-benchmark.args="AttributeReadBenchmark -prof gc"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@OperationsPerInvocation(AttributeReadBenchmark.ATTRIBUTES)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:ActiveProcessorCount=1"})
public class AttributeReadBenchmark {
    static final int ATTRIBUTES = 20_000;
    static final int ATTRIBUTES_PER_EVENT = 50;
    static final int CHUNK = 16 * 1024;
    /** The connector's default caps (value, comment, event info, tag, organisation). */
    static final MispStringCaps CAPS = new MispStringCaps(4096, 1024, 1024, 256, 256);

    final JsonFactory factory = new ObjectMapper().getFactory();
    byte[] answer;

    @Setup
    public void generate() throws IOException {
        answer = answer(42).getBytes(StandardCharsets.UTF_8);
        if (!treePath().equals(tokenReader())) {
            throw new IllegalStateException("the two paths read different attributes");
        }
    }

    @Benchmark
    public List<MispAttribute> treePath() throws IOException {
        List<MispAttribute> out = new ArrayList<>(ATTRIBUTES);
        JsonParser parser = factory.createNonBlockingByteArrayParser();
        ByteArrayFeeder feeder = (ByteArrayFeeder) parser.getNonBlockingInputFeeder();
        JsonTreeBuilder current = null;
        for (int pos = 0; pos < answer.length; pos += CHUNK) {
            feeder.feedInput(answer, pos, Math.min(answer.length, pos + CHUNK));
            JsonToken t;
            while ((t = parser.nextToken()) != null && t != JsonToken.NOT_AVAILABLE) {
                if (current != null) {
                    if (current.add(parser, t)) {
                        JsonNode tree = current.tree();
                        current = null;
                        CAPS.apply(tree);
                        try {
                            out.add(MispJson.attribute(tree));
                        } catch (MispFormatException e) {
                            // counted as skipped by the connector
                        }
                    }
                } else if (t.isStructStart() && inAttributeArray(parser, t)) {
                    current = new JsonTreeBuilder(parser, t);
                }
            }
        }
        return check(out);
    }

    @Benchmark
    public List<MispAttribute> tokenReader() throws IOException {
        List<MispAttribute> out = new ArrayList<>(ATTRIBUTES);
        JsonParser parser = factory.createNonBlockingByteArrayParser();
        ByteArrayFeeder feeder = (ByteArrayFeeder) parser.getNonBlockingInputFeeder();
        MispAttributeReader reader = new MispAttributeReader(CAPS);
        boolean reading = false;
        for (int pos = 0; pos < answer.length; pos += CHUNK) {
            feeder.feedInput(answer, pos, Math.min(answer.length, pos + CHUNK));
            JsonToken t;
            while ((t = parser.nextToken()) != null && t != JsonToken.NOT_AVAILABLE) {
                if (reading) {
                    if (reader.add(parser, t)) {
                        reading = false;
                        reader.truncated();
                        try {
                            out.add(reader.attribute());
                        } catch (MispFormatException e) {
                            // counted as skipped by the connector
                        }
                    }
                } else if (t.isStructStart() && inAttributeArray(parser, t)) {
                    reading = true;
                    reader.add(parser, t);
                }
            }
        }
        return check(out);
    }

    /** The parser alone (every token, no record made): the floor under both paths. */
    @Benchmark
    public int tokensOnly() throws IOException {
        JsonParser parser = factory.createNonBlockingByteArrayParser();
        ByteArrayFeeder feeder = (ByteArrayFeeder) parser.getNonBlockingInputFeeder();
        int tokens = 0;
        for (int pos = 0; pos < answer.length; pos += CHUNK) {
            feeder.feedInput(answer, pos, Math.min(answer.length, pos + CHUNK));
            JsonToken t;
            while ((t = parser.nextToken()) != null && t != JsonToken.NOT_AVAILABLE) {
                tokens++;
            }
        }
        return tokens;
    }

    private static List<MispAttribute> check(List<MispAttribute> out) {
        if (out.size() != ATTRIBUTES) {
            throw new IllegalStateException("read " + out.size());
        }
        return out;
    }

    /** As the connector's attribute sink decides it: the start of an element of {@code response.Attribute}. */
    private static boolean inAttributeArray(JsonParser parser, JsonToken token) {
        JsonStreamContext array = parser.getParsingContext().getParent();
        if (array == null || !array.inArray()) {
            return false;
        }
        JsonStreamContext response = array.getParent();
        if (response == null || !response.inObject() || !"Attribute".equals(response.getCurrentName())) {
            return false;
        }
        JsonStreamContext root = response.getParent();
        return root != null && root.inObject() && "response".equals(root.getCurrentName())
                && root.getParent() != null && root.getParent().inRoot();
    }

    /** The answer: 400 events of 50 attributes, shaped as MISP 2.4/2.5 sends them. Deterministic for a seed. */
    static String answer(long seed) {
        Random r = new Random(seed);
        String[] types = {"ip-dst", "domain", "md5", "sha256", "url", "ip-src", "hostname"};
        String[] categories = {"Network activity", "Payload delivery", "External analysis"};
        String[] tags = {"tlp:green", "tlp:amber", "osint:source-type=\"blog-post\"", "type:OSINT",
                "misp-galaxy:threat-actor=\"Sofacy\"", "workflow:state=\"complete\"", "PAP:GREEN",
                "misp-galaxy:mitre-attack-pattern=\"Spearphishing Link - T1566.002\""};
        String[] orgs = {"CIRCL", "CERT-EU", "Member Org 3", "ACME Threat Intel", "NCSC Example"};
        StringBuilder b = new StringBuilder(ATTRIBUTES * 2600);
        b.append("{\"response\":{\"Attribute\":[");
        String event = null;
        List<String> eventTags = new ArrayList<>();
        for (int i = 0; i < ATTRIBUTES; i++) {
            if (i % ATTRIBUTES_PER_EVENT == 0) {
                int e = i / ATTRIBUTES_PER_EVENT;
                eventTags.clear();
                int n = 2 + r.nextInt(2);
                for (int t = 0; t < n; t++) {
                    eventTags.add(tag(r, tags[r.nextInt(tags.length)], false));
                }
                String org = orgs[r.nextInt(orgs.length)];
                event = "{\"id\":\"" + (9000 + e) + "\",\"orgc_id\":\"" + (2 + e % 5) + "\",\"org_id\":\"1\","
                        + "\"date\":\"2024-0" + (1 + e % 9) + "-1" + e % 10 + "\",\"threat_level_id\":\""
                        + (1 + e % 4) + "\",\"info\":\"OSINT - Campaign " + e + " targeting the energy sector\","
                        + "\"published\":true,\"uuid\":\"" + uuid(r) + "\",\"attribute_count\":\""
                        + ATTRIBUTES_PER_EVENT + "\",\"analysis\":\"2\",\"timestamp\":\"" + (1700000000 + e)
                        + "\",\"distribution\":\"1\",\"proposal_email_lock\":false,\"locked\":false,"
                        + "\"publish_timestamp\":\"" + (1700000100 + e) + "\",\"sharing_group_id\":\"0\","
                        + "\"disable_correlation\":false,\"extends_uuid\":\"\",\"event_creator_email\":"
                        + "\"analyst@example.org\",\"Orgc\":{\"id\":\"" + (2 + e % 5) + "\",\"name\":\"" + org
                        + "\",\"uuid\":\"" + uuid(r) + "\",\"local\":true},\"Tag\":[" + String.join(",", eventTags)
                        + "]}";
            }
            if (i > 0) {
                b.append(',');
            }
            String type = types[r.nextInt(types.length)];
            b.append("{\"id\":\"").append(1_000_000 + i).append("\",\"event_id\":\"")
                    .append(9000 + i / ATTRIBUTES_PER_EVENT).append("\",\"object_id\":\"0\",\"object_relation\":null,")
                    .append("\"category\":\"").append(categories[r.nextInt(categories.length)])
                    .append("\",\"type\":\"").append(type).append("\",\"to_ids\":").append(r.nextBoolean())
                    .append(",\"uuid\":\"").append(uuid(r)).append("\",\"timestamp\":\"")
                    .append(1700000000 + r.nextInt(1_000_000)).append("\",\"distribution\":\"5\",")
                    .append("\"sharing_group_id\":\"0\",\"comment\":\"").append(r.nextInt(4) == 0 ? "C2 server" : "")
                    .append("\",\"deleted\":false,\"disable_correlation\":false,\"first_seen\":")
                    .append(r.nextInt(3) == 0
                            ? "\"2024-01-" + (10 + r.nextInt(18)) + "T" + (10 + r.nextInt(14)) + ":"
                                    + (10 + r.nextInt(50))
                                    + ":00.000000+00:00\""
                            : "null")
                    .append(",\"last_seen\":null,\"value\":\"").append(value(r, type)).append("\",\"Event\":")
                    .append(event).append(",\"Tag\":[");
            int own = r.nextInt(2);
            for (int t = 0; t < own; t++) {
                b.append(tag(r, tags[r.nextInt(tags.length)], false)).append(',');
            }
            // includeEventTags: the event's tags are on the attribute too, inherited (2-4 tags in all)
            for (int t = 0; t < eventTags.size() && own + t < 4; t++) {
                b.append(t > 0 ? "," : "").append(eventTags.get(t).replace("\"inherited\":0", "\"inherited\":1"));
            }
            b.append("]}");
        }
        return b.append("]}}").toString();
    }

    private static String tag(Random r, String name, boolean inherited) {
        return "{\"id\":\"" + (100 + r.nextInt(3000)) + "\",\"name\":\"" + name.replace("\"", "\\\"")
                + "\",\"colour\":\"#0088cc\",\"exportable\":true,\"user_id\":\"0\",\"hide_tag\":false,"
                + "\"numerical_value\":null,\"is_galaxy\":" + name.startsWith("misp-galaxy")
                + ",\"is_custom_galaxy\":false,\"local_only\":false,\"local\":0,\"relationship_type\":null,"
                + "\"inherited\":" + (inherited ? 1 : 0) + "}";
    }

    private static String value(Random r, String type) {
        return switch (type) {
            case "ip-dst", "ip-src" -> "198.51." + r.nextInt(256) + "." + r.nextInt(256);
            case "domain", "hostname" -> "host" + r.nextInt(100_000) + ".example.org";
            case "md5" -> hex(r, 32);
            case "sha256" -> hex(r, 64);
            default -> "https://evil" + r.nextInt(10_000) + ".example.com/path/" + r.nextInt(1_000_000) + "?q=1";
        };
    }

    private static String hex(Random r, int n) {
        StringBuilder s = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            s.append(Character.forDigit(r.nextInt(16), 16));
        }
        return s.toString();
    }

    private static String uuid(Random r) {
        return new java.util.UUID(r.nextLong(), r.nextLong()).toString();
    }
}
