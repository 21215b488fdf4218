package org.alliancesearch.model.misp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.async.ByteArrayFeeder;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

class MispAttributeReaderTest {
    static final ObjectMapper MAPPER = new ObjectMapper();

    /** What one element gave through the reader (fed one byte at a time) and whether it cut a string. */
    record Read(MispAttribute attribute, boolean truncated) {
    }

    static List<Read> read(String jsonArray, MispStringCaps caps) throws IOException {
        return read(jsonArray.getBytes(StandardCharsets.UTF_8), caps, p -> p);
    }

    static List<Read> read(byte[] bytes, MispStringCaps caps, java.util.function.UnaryOperator<JsonParser> wrap)
            throws IOException {
        MispAttributeReader reader = new MispAttributeReader(caps);
        JsonParser nonBlocking = MAPPER.getFactory().createNonBlockingByteArrayParser();
        ByteArrayFeeder feeder = (ByteArrayFeeder) nonBlocking.getNonBlockingInputFeeder();
        JsonParser parser = wrap.apply(nonBlocking);
        List<Read> out = new ArrayList<>();
        for (int i = 0; i < bytes.length; i++) {
            feeder.feedInput(bytes, i, i + 1);
            JsonToken t;
            while ((t = nonBlocking.nextToken()) != null && t != JsonToken.NOT_AVAILABLE) {
                if (nonBlocking.getParsingContext().inRoot() || t == JsonToken.START_ARRAY
                        && nonBlocking.getParsingContext().getParent().inRoot()) {
                    continue;
                }
                if (reader.add(parser, t)) {
                    boolean truncated = reader.truncated();
                    MispAttribute a;
                    try {
                        a = reader.attribute();
                    } catch (MispFormatException e) {
                        a = null;
                    }
                    out.add(new Read(a, truncated));
                }
            }
        }
        return out;
    }

    /** The tree path: caps on the tree, then {@link MispJson}. */
    static Read reference(JsonNode element, MispStringCaps caps) {
        JsonNode tree = element.deepCopy();
        boolean truncated = caps.apply(tree);
        try {
            return new Read(MispJson.attribute(tree), truncated);
        } catch (MispFormatException e) {
            return new Read(null, truncated);
        }
    }

    /** PyMISP's event as {@code attributes/restSearch} returns its attributes with context and event tags. */
    static ArrayNode existingEventAttributes() throws IOException {
        JsonNode event;
        try (InputStream in = MispAttributeReaderTest.class.getResourceAsStream("/misp/pymisp/existing_event.json")) {
            event = MAPPER.readTree(in);
        }
        ObjectNode context = MAPPER.createObjectNode();
        for (String f : List.of("id", "orgc_id", "info", "uuid", "distribution", "date", "threat_level_id",
                "published", "analysis", "timestamp", "publish_timestamp", "Orgc", "Tag")) {
            context.set(f, event.get(f));
        }
        ArrayNode out = MAPPER.createArrayNode();
        List<JsonNode> attributes = new ArrayList<>();
        event.get("Attribute").forEach(attributes::add);
        event.get("Object").forEach(o -> o.path("Attribute").forEach(attributes::add));
        for (JsonNode a : attributes) {
            ObjectNode copy = a.deepCopy();
            copy.set("Event", context.deepCopy());
            // includeEventTags: the event's tags are copied onto the attribute, marked inherited
            ArrayNode tags = copy.has("Tag") ? (ArrayNode) copy.get("Tag") : copy.putArray("Tag");
            event.get("Tag").forEach(t -> tags.add(((ObjectNode) t.deepCopy()).put("inherited", 1)));
            out.add(copy);
        }
        return out;
    }

    @Test
    void aTimeBeyondWhatJavaHoldsIsNoTimeNotABrokenAnswer() throws IOException {
        // a member may send any number: one absurd timestamp must not make the page (and the member) MALFORMED
        String json = "[{\"type\":\"domain\",\"value\":\"x.example\",\"timestamp\":99999999999999999,"
                + "\"Event\":{\"id\":\"1\",\"timestamp\":\"9223372036854775807\"}},"
                + "{\"type\":\"domain\",\"value\":\"y.example\",\"timestamp\":\"1700000000\"}]";
        List<Read> read = read(json, MispStringCaps.none());
        assertThat(read).hasSize(2);
        assertThat(read.get(0).attribute().timestamp()).isNull();
        assertThat(read.get(0).attribute().event().timestamp()).isNull();
        assertThat(read.get(1).attribute().timestamp()).isEqualTo(java.time.Instant.ofEpochSecond(1_700_000_000L));
        JsonNode tree = MAPPER.readTree(json);
        assertThat(reference(tree.get(0), MispStringCaps.none())).isEqualTo(read.get(0));
    }

    @Test
    void readsPyMispAttributesWithTheirEventContextAsTheTreePathDoes() throws IOException {
        ArrayNode attributes = existingEventAttributes();
        MispStringCaps caps = new MispStringCaps(1000, 100, 20, 30, 3);

        List<Read> read = read(attributes.toString(), caps);

        assertThat(read).hasSize(attributes.size());
        for (int i = 0; i < attributes.size(); i++) {
            assertThat(read.get(i)).as("attribute %d", i).isEqualTo(reference(attributes.get(i), caps));
        }
        MispAttribute first = read.get(0).attribute();
        assertThat(first.uuid()).isEqualTo("5a3c2fda-78f4-44b7-8366-46da02de0b81");
        assertThat(first.type()).isEqualTo("link");
        assertThat(first.eventId()).isEqualTo("9747");
        assertThat(first.distribution()).isEqualTo(5);
        assertThat(first.timestamp()).isEqualTo(Instant.ofEpochSecond(1513893921));
        assertThat(first.tags()).hasSize(20).first().isEqualTo(MispTag.of("osint:source-type=\"blog-post\""));
        assertThat(first.tags().get(2)).isEqualTo(new MispTag("tlp:white", true));
        MispEvent event = first.event();
        assertThat(event.info()).isEqualTo("OSINT - Sednit upda…").hasSize(20);
        assertThat(event.orgcName()).isEqualTo("CI…");
        assertThat(event.orgcUuid()).isEqualTo("55f6ea5e-2c60-40e5-964f-47a8950d210f");
        assertThat(event.date()).isEqualTo(LocalDate.of(2017, 12, 21));
        assertThat(event.published()).isFalse();
        assertThat(event.threatLevelId()).isEqualTo(3);
        assertThat(event.tags()).hasSize(18).allSatisfy(t -> assertThat(t.inherited()).isTrue());
        assertThat(event.tags()).anySatisfy(t -> assertThat(t.name()).hasSize(30).endsWith("…"));
        assertThat(read.get(0).truncated()).isTrue();
    }

    @Test
    void readsWithoutCapsWhatTheTreePathReads() throws IOException {
        ArrayNode attributes = existingEventAttributes();

        List<Read> read = read(attributes.toString(), MispStringCaps.none());

        for (int i = 0; i < attributes.size(); i++) {
            assertThat(read.get(i)).isEqualTo(reference(attributes.get(i), MispStringCaps.none()));
            assertThat(read.get(i).truncated()).isFalse();
        }
    }

    @Test
    void readsAnAttributeAsMispSendsItWithIncludeContext() throws IOException {
        String json = """
                [{"id":"12","event_id":"7","object_id":"0","object_relation":null,"category":"Network activity",
                  "type":"ip-dst","to_ids":true,"uuid":"5A3C2FDA-78F4-44B7-8366-46DA02DE0B81","timestamp":"1700000000",
                  "distribution":"5","sharing_group_id":"0","comment":"C2","deleted":false,
                  "disable_correlation":false,"first_seen":"2023-11-14T22:13:20.000000+00:00","last_seen":null,
                  "value":"192.0.2.1",
                  "Event":{"org_id":"1","distribution":"1","id":"7","info":"Campaign","orgc_id":"2",
                    "uuid":"5a3c2fcd-8328-42bb-a95e-4f4402de0b81","date":"2023-11-14","published":true,
                    "analysis":"2","threat_level_id":"1","timestamp":"1700000001",
                    "Orgc":{"id":"2","name":"CIRCL","uuid":"55F6EA5E-2C60-40E5-964F-47A8950D210F"},
                    "Org":{"id":"1","name":"ORGNAME","uuid":"x"},
                    "Tag":[{"id":"1","name":"tlp:green","colour":"#33FF00","exportable":true}]},
                  "Tag":[{"id":"5","name":"osint:certainty=\\"93\\"","inherited":0},
                         {"id":"1","name":"tlp:green","inherited":1}],
                  "Sighting":[{"id":"1","type":"0","uuid":"s1"},{"id":"2","type":"0","uuid":"s1"},
                              {"id":"3","type":"1","uuid":"s3"},{"id":"4","uuid":"s4"}]}]
                """;

        Read read = read(json, MispStringCaps.none()).get(0);

        assertThat(read.attribute()).isEqualTo(new MispAttribute("12", "5a3c2fda-78f4-44b7-8366-46da02de0b81", "7",
                "0", null, "Network activity", "ip-dst", "192.0.2.1", true, Instant.ofEpochSecond(1700000000),
                Instant.parse("2023-11-14T22:13:20Z"), null, 5, "C2", false,
                List.of(MispTag.of("osint:certainty=\"93\""), new MispTag("tlp:green", true)),
                new MispEvent("7", "5a3c2fcd-8328-42bb-a95e-4f4402de0b81", "Campaign", LocalDate.of(2023, 11, 14),
                        "CIRCL", "55f6ea5e-2c60-40e5-964f-47a8950d210f", 1, true,
                        Instant.ofEpochSecond(1700000001), 1, List.of(new MispTag("tlp:green", true))),
                2));
        assertThat(read).isEqualTo(reference(MAPPER.readTree(json).get(0), MispStringCaps.none()));
    }

    @Test
    void cutsAtTheCapWithoutSplittingASurrogatePair() throws IOException {
        // cap 4: three characters are kept, but the third is the high half of 😀, so two are.
        String json = "[{\"type\":\"text\",\"value\":\"ab😀cd\",\"comment\":\"abc\"}]";
        MispStringCaps caps = new MispStringCaps(4, 3, 1, 1, 1);

        Read read = read(json, caps).get(0);

        assertThat(read.attribute().value()).isEqualTo("ab…");
        assertThat(read.attribute().comment()).isEqualTo("abc");
        assertThat(read.truncated()).isTrue();
        assertThat(read).isEqualTo(reference(MAPPER.readTree(json).get(0), caps));
    }

    @Test
    void cutsTagsGivenAsBareNamesOnTheAttributeAndTheEvent() throws IOException {
        String json = "[{\"type\":\"md5\",\"value\":\"x\",\"Tag\":[\"tlp:green\",\"osint:source-type=blog\"],"
                + "\"Event\":{\"id\":\"1\",\"Tag\":[\"misp-galaxy:threat-actor=Sofacy\"]}}]";
        MispStringCaps caps = new MispStringCaps(100, 100, 100, 10, 100);
        JsonNode tree = MAPPER.readTree(json).get(0);

        Read read = read(json, caps).get(0);

        assertThat(read.attribute().tags()).extracting(MispTag::name).containsExactly("tlp:green", "osint:sou…");
        assertThat(read.attribute().event().tags()).containsExactly(new MispTag("misp-gala…", true));
        assertThat(read.truncated()).isTrue();
        // the tree path cuts them too
        assertThat(caps.apply(tree)).isTrue();
        assertThat(tree.get("Tag").get(1).asText()).isEqualTo("osint:sou…");
        assertThat(tree.get("Event").get("Tag").get(0).asText()).isEqualTo("misp-gala…");
        assertThat(MispJson.attribute(tree)).isEqualTo(read.attribute());
    }

    @Test
    void aCutStringThatARepeatedKeyReplacedDoesNotCount() throws IOException {
        String json = "[{\"type\":\"md5\",\"value\":\"a long value\",\"value\":\"short\",\"Event\":{\"Org\":"
                + "{\"name\":\"a long organisation\"}},\"Event\":null}]";
        MispStringCaps caps = new MispStringCaps(6, 6, 6, 6, 6);

        Read read = read(json, caps).get(0);

        assertThat(read.attribute().value()).isEqualTo("short");
        assertThat(read.attribute().event()).isNull();
        assertThat(read.truncated()).isFalse();
        assertThat(read).isEqualTo(reference(MAPPER.readTree(json).get(0), caps));
    }

    /**
     * Feeds the elements of the array to a reader and, at the {@code nth} field name {@code id} of an event context,
     * says that the value and field after it repeat the last event context's.
     */
    private static void repeatEventFieldsAtTheNthId(String jsonArray, int nth) throws IOException {
        MispAttributeReader reader = new MispAttributeReader(MispStringCaps.none());
        JsonParser p = MAPPER.getFactory().createParser(jsonArray);
        p.nextToken();
        int seen = 0;
        for (JsonToken t = p.nextToken(); t != null && p.getParsingContext().getParent() != null; t = p.nextToken()) {
            reader.add(p, t);
            if (t == JsonToken.FIELD_NAME && reader.atEventLevel() && "id".equals(p.currentName()) && ++seen == nth) {
                reader.repeatEventFields(new String[]{"id"}, 0, 0);
                return;
            }
        }
        throw new AssertionError("no " + nth + "th id in an event context");
    }

    @Test
    void eventFieldsArePassedOverOnlyAfterAnEventContextReadWithEachFieldOnce() throws IOException {
        // no event context read before: there is nothing to take the values from
        assertThatThrownBy(() -> repeatEventFieldsAtTheNthId("[{\"Event\":{\"id\":\"1\"}}]", 1))
                .isInstanceOf(IllegalStateException.class);
        // the one before had a field twice: which of its values a run would repeat is not known
        assertThatThrownBy(() -> repeatEventFieldsAtTheNthId(
                "[{\"Event\":{\"id\":\"1\",\"id\":\"2\"}},{\"Event\":{\"id\":\"3\"}}]", 3))
                .isInstanceOf(IllegalStateException.class);
        // one read before, each field once
        repeatEventFieldsAtTheNthId("[{\"Event\":{\"id\":\"1\",\"info\":\"a\"}},{\"Event\":{\"id\":\"1\"}}]", 2);
    }

    @Test
    void anElementThatIsNotAnObjectIsCompleteAtItsEndAndCannotBeRead() throws IOException {
        MispAttributeReader reader = new MispAttributeReader(MispStringCaps.none());
        // the element is itself an array (holding an attribute and a number)
        JsonParser p = MAPPER.getFactory().createParser("[{\"type\":\"md5\",\"value\":\"x\"}, 3]");
        List<Boolean> completes = new ArrayList<>();
        for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
            completes.add(reader.add(p, t));
        }

        assertThat(completes).containsExactly(false, false, false, false, false, false, false, false, true);
        assertThat(reader.truncated()).isFalse();
        assertThatThrownBy(reader::attribute).isInstanceOf(MispFormatException.class);
        // and it is ready for the next element
        JsonParser q = MAPPER.getFactory().createParser("\"scalar\"");
        assertThat(reader.add(q, q.nextToken())).isTrue();
        assertThatThrownBy(reader::attribute).isInstanceOf(MispFormatException.class);
    }

    @Test
    void countsSightingsUpToTheCapAsTheTreePathDoes() throws IOException {
        StringBuilder json = new StringBuilder("[{\"type\":\"md5\",\"value\":\"x\",\"Sighting\":[");
        for (int i = 0; i < MispAttribute.MAX_SIGHTINGS + 5; i++) {
            json.append(i > 0 ? "," : "").append("{\"type\":\"0\",\"id\":\"").append(i).append("\"}");
        }
        json.append("]}]");
        byte[] bytes = json.toString().getBytes(StandardCharsets.UTF_8);
        MispAttributeReader reader = new MispAttributeReader(MispStringCaps.none());
        JsonParser p = MAPPER.getFactory().createParser(bytes);
        p.nextToken();
        JsonToken t;
        while (!reader.add(p, t = p.nextToken())) {
            assertThat(t).isNotNull();
        }

        assertThat(reader.attribute().sightings()).isEqualTo(MispAttribute.MAX_SIGHTINGS);
        assertThat(reader.attribute()).isEqualTo(MispJson.attribute(MAPPER.readTree(bytes).get(0)));
    }

    @Test
    void readsTheTextOfOnlyTheFieldsItUses() throws IOException {
        String json = "[{\"type\":\"md5\",\"value\":\"x\",\"sharing_group_id\":\"0\",\"Object\":{\"name\":\"file\","
                + "\"Attribute\":[{\"value\":\"y\"}]},\"Event\":{\"info\":\"i\",\"extra\":\"e\",\"Orgc\":{\"name\":"
                + "\"o\",\"local\":\"l\"},\"Org\":{\"name\":\"n\",\"uuid\":\"u\"}},\"Tag\":[{\"name\":\"t\","
                + "\"colour\":\"#fff\",\"exportable\":\"1\"}],\"ShadowAttribute\":[\"s\",\"t\"]}]";
        int[] texts = {0};

        Read read = read(json.getBytes(StandardCharsets.UTF_8), MispStringCaps.none(), p -> new JsonParserDelegate(p) {
            @Override
            public String getText() throws IOException {
                texts[0]++;
                return super.getText();
            }
        }).get(0);

        assertThat(read.attribute().tags()).containsExactly(MispTag.of("t"));
        // type, value, info, Orgc.name, Org.name (its cap counts), Tag.name: not the other ten strings
        assertThat(texts[0]).isEqualTo(6);
    }

    @Test
    void makesAStringOnlyWhenItDiffersFromTheLastElementsInTheSameField() throws IOException {
        String first = "{\"type\":\"md5\",\"category\":\"Payload delivery\",\"value\":\"v1\",\"uuid\":\"u1\","
                + "\"Event\":{\"id\":\"7\",\"info\":\"Campaign A\",\"Orgc\":{\"name\":\"CIRCL\"}},"
                + "\"Tag\":[{\"name\":\"tlp:green\"},{\"name\":\"osint\"}],\"timestamp\":\"1700000000\"}";
        // Same lengths, one character apart: each must be read as sent, not as the last element's.
        String sameLengths = "{\"type\":\"md4\",\"category\":\"Payload deliverY\",\"value\":\"v2\",\"uuid\":\"u2\","
                + "\"Event\":{\"id\":\"8\",\"info\":\"Campaign B\",\"Orgc\":{\"name\":\"CIRCM\"}},"
                + "\"Tag\":[{\"name\":\"tlp:gReen\"},{\"name\":\"osinT\"}],\"timestamp\":\"1700000001\"}";
        String json = "[" + first + "," + first.replace("v1", "v3").replace("u1", "u3") + "," + sameLengths + "]";
        int[] texts = {0};

        List<Read> reads = read(json.getBytes(StandardCharsets.UTF_8), MispStringCaps.none(),
                p -> new JsonParserDelegate(p) {
                    @Override
                    public String getText() throws IOException {
                        texts[0]++;
                        return super.getText();
                    }
                });

        JsonNode elements = MAPPER.readTree(json);
        for (int i = 0; i < 3; i++) {
            assertThat(reads.get(i)).isEqualTo(reference(elements.get(i), MispStringCaps.none()));
        }
        assertThat(reads.get(2).attribute().type()).isEqualTo("md4");
        assertThat(reads.get(2).attribute().event().orgcName()).isEqualTo("CIRCM");
        assertThat(reads.get(2).attribute().tags()).containsExactly(MispTag.of("tlp:gReen"), MispTag.of("osinT"));
        assertThat(reads.get(2).attribute().timestamp()).isEqualTo(Instant.ofEpochSecond(1700000001));
        // 10 strings each: the second element makes only its value and uuid, the third all ten again
        assertThat(texts[0]).isEqualTo(10 + 2 + 10);
        MispAttribute a = reads.get(0).attribute();
        MispAttribute b = reads.get(1).attribute();
        assertThat(b.category()).isSameAs(a.category());
        assertThat(b.tags()).isSameAs(a.tags());
        assertThat(b.timestamp()).isSameAs(a.timestamp());
        assertThat(b.event()).isSameAs(a.event());
        assertThat(reads.get(2).attribute().tags().get(0)).isNotSameAs(a.tags().get(0));
    }
}
