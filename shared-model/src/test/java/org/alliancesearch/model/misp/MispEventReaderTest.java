package org.alliancesearch.model.misp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.async.ByteArrayFeeder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

class MispEventReaderTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode realEvent() throws IOException {
        try (InputStream in = MispEventReaderTest.class.getResourceAsStream("/misp/pymisp/existing_event.json")) {
            return MAPPER.readTree(in);
        }
    }

    private static String wrapped(JsonNode event) {
        ObjectNode root = MAPPER.createObjectNode();
        root.putArray("response").addObject().set("Event", event);
        return root.toString();
    }

    @Test
    void readsARealEventWithItsObjectsAndTheEventAsEveryAttributesContext() throws IOException {
        JsonNode event = realEvent();

        MispEventReader.Result r = MispEventReader.read(wrapped(event), MispEventReader.Limits.none());

        assertThat(r.events()).hasSize(1);
        assertThat(r.skipped()).isZero();
        MispEventDocument e = r.events().get(0);
        assertThat(e.uuid()).isEqualTo("5a3c2fcd-8328-42bb-a95e-4f4402de0b81");
        assertThat(e.info()).isEqualTo("OSINT - Sednit update: How Fancy Bear Spent the Year");
        assertThat(e.date()).isEqualTo(LocalDate.of(2017, 12, 21));
        assertThat(e.threatLevelId()).isEqualTo(3);
        assertThat(e.analysis()).isZero();
        assertThat(e.distribution()).isEqualTo(3);
        assertThat(e.published()).isFalse();
        assertThat(e.timestamp().getEpochSecond()).isEqualTo(1513948642L);
        assertThat(e.orgc()).isEqualTo(new MispOrganisation("CIRCL", "55f6ea5e-2c60-40e5-964f-47a8950d210f"));
        assertThat(e.tags()).extracting(MispTag::name).contains("tlp:white", "misp-galaxy:threat-actor=\"Sofacy\"");
        assertThat(e.attributes()).hasSize(9);
        assertThat(e.objects()).hasSize(49);
        assertThat(e.attributeCount()).isEqualTo(122);
        MispObject file = e.objects().get(0);
        assertThat(file.name()).isEqualTo("file");
        assertThat(file.metaCategory()).isEqualTo("file");
        assertThat(file.uuid()).isEqualTo("5a3cd5b6-9568-4342-b2ab-4c62950d210f");
        assertThat(file.attributes().get(0).value()).isEqualTo("Bulletin.doc");
        assertThat(file.attributes().get(0).objectRelation()).isEqualTo("filename");
        for (MispAttribute a : e.allAttributes()) {
            assertThat(a.event().uuid()).isEqualTo(e.uuid());
            assertThat(a.event().orgcName()).isEqualTo("CIRCL");
            assertThat(a.event().tags()).allMatch(MispTag::inherited).hasSize(e.tags().size());
        }
    }

    @Test
    void keepsEachGalaxyClustersTagTypeAndValueOfARealEvent() throws IOException {
        MispEventReader.Result r = MispEventReader.read(wrapped(realEvent()), MispEventReader.Limits.none());

        List<MispGalaxyCluster> clusters = r.events().get(0).galaxies();
        assertThat(clusters).contains(new MispGalaxyCluster("misp-galaxy:threat-actor=\"Sofacy\"", "threat-actor",
                "Sofacy"), new MispGalaxyCluster("misp-galaxy:exploit-kit=\"Sednit EK\"", "exploit-kit", "Sednit EK"));
        // every cluster is also among the event's tags, as MISP sends it: one key for both
        assertThat(clusters).allMatch(c -> r.events().get(0).tags().stream()
                .anyMatch(t -> t.name().equalsIgnoreCase(c.tagName())));
        assertThat(r.events().get(0).attributeCount()).isEqualTo(122);
    }

    @Test
    void aClusterWithoutTagNameIsNamedAsMispNamesItsTagAndOverlongNamesAreCut() throws IOException {
        String json = """
                {"response":[{"Event":{"uuid":"e1","Galaxy":[{"name":"Malware","GalaxyCluster":[
                 {"type":"malpedia","value":"Emotet","meta":{"refs":["x"]},"description":"long"},
                 {"description":"neither tag nor value"},
                 {"tag_name":"misp-galaxy:malpedia=%s","type":"malpedia"}]}],"Attribute":[]}}]}"""
                .formatted("x".repeat(500));

        MispEventReader.Result r = MispEventReader.read(json, new MispEventReader.Limits(10, 10, 10,
                node -> org.alliancesearch.model.misp.MispEventReaderTest.capTags(node, 50)));

        List<MispGalaxyCluster> clusters = r.events().get(0).galaxies();
        assertThat(clusters).hasSize(2);
        assertThat(clusters.get(0)).isEqualTo(new MispGalaxyCluster("misp-galaxy:malpedia=\"Emotet\"", "malpedia",
                "Emotet"));
        assertThat(clusters.get(1).tagName()).hasSize(50);
        assertThat(r.truncated()).isEqualTo(1);
    }

    @Test
    void keepsAtMostTheCapOfClustersOfOneEvent() throws IOException {
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < MispEventReader.MAX_CLUSTERS_PER_EVENT + 5; i++) {
            many.append(i == 0 ? "" : ",").append("{\"type\":\"t\",\"value\":\"v").append(i).append("\"}");
        }
        String json = "{\"response\":[{\"Event\":{\"uuid\":\"e1\",\"Galaxy\":[{\"GalaxyCluster\":[" + many
                + "]}]}}]}";

        MispEventReader.Result r = MispEventReader.read(json, MispEventReader.Limits.none());

        assertThat(r.events().get(0).galaxies()).hasSize(MispEventReader.MAX_CLUSTERS_PER_EVENT);
    }

    /** Cuts tag names to {@code max} characters, as the connector's string caps do. */
    static boolean capTags(JsonNode node, int max) {
        boolean cut = false;
        if (node.get("Tag") != null) {
            for (JsonNode t : node.get("Tag")) {
                String name = t.get("name").asText();
                if (name.length() > max) {
                    ((ObjectNode) t).put("name", name.substring(0, max));
                    cut = true;
                }
            }
        }
        return cut;
    }

    @Test
    void readsTheBareListAsWell() throws IOException {
        String bare = "[{\"Event\":" + realEvent() + "}]";

        MispEventReader.Result r = MispEventReader.read(bare, MispEventReader.Limits.none());

        assertThat(r.events()).hasSize(1);
        assertThat(r.events().get(0).attributeCount()).isEqualTo(122);
    }

    @Test
    void skipsAndCountsWhatCannotBeReadAndKeepsTheRest() throws IOException {
        String json = "{\"response\":[\"junk\",{\"NotAnEvent\":1},{\"Event\":{\"info\":\"no uuid\",\"Attribute\":"
                + "[{\"type\":\"ip-dst\",\"value\":\"1.2.3.4\"}]}},{\"Event\":{\"uuid\":\"E1\",\"Attribute\":"
                + "[{\"type\":\"ip-dst\"},7,{\"uuid\":\"a1\",\"type\":\"ip-dst\",\"value\":\"1.2.3.4\","
                + "\"Tag\":[{\"name\":\"x\"}]}],\"Galaxy\":[{\"GalaxyCluster\":[{\"value\":\"deep\"}]}]}}]}";

        MispEventReader.Result r = MispEventReader.read(json, MispEventReader.Limits.none());

        assertThat(r.events()).extracting(MispEventDocument::uuid).containsExactly("e1");
        assertThat(r.events().get(0).attributes()).extracting(MispAttribute::value).containsExactly("1.2.3.4");
        // "junk", the wrapper without an event, the event without a uuid, the attribute without a value, the 7
        assertThat(r.skipped()).isEqualTo(5);
        assertThat(r.records()).isEqualTo(4);
    }

    @Test
    void keepsTheFirstAttributesOfAHugeEventAndCountsItTruncated() throws IOException {
        StringBuilder json = new StringBuilder("[{\"Event\":{\"uuid\":\"big\",\"Attribute\":[");
        for (int i = 0; i < 5000; i++) {
            json.append(i == 0 ? "" : ",").append("{\"uuid\":\"u").append(i)
                    .append("\",\"type\":\"ip-dst\",\"value\":\"10.0.").append(i / 250).append('.').append(i % 250)
                    .append("\"}");
        }
        json.append("]}},{\"Event\":{\"uuid\":\"small\",\"Attribute\":[{\"type\":\"md5\",\"value\":\"x\"}]}}]");

        MispEventReader.Result r = MispEventReader.read(json.toString(),
                new MispEventReader.Limits(10, 1000, 100, null));

        assertThat(r.events()).extracting(MispEventDocument::uuid).containsExactly("big", "small");
        assertThat(r.events().get(0).attributes()).hasSize(100);
        assertThat(r.events().get(0).cutAttributes()).isEqualTo(4900);
        assertThat(r.truncated()).isEqualTo(1);
        assertThat(r.full()).isFalse();
    }

    @Test
    void stopsOnceTheCapOnEventsOrAttributesIsReached() throws IOException {
        String one = "{\"Event\":{\"uuid\":\"%s\",\"Attribute\":[{\"type\":\"md5\",\"value\":\"a\"},"
                + "{\"type\":\"md5\",\"value\":\"b\"}]}}";
        String json = "[" + one.formatted("e1") + "," + one.formatted("e2") + "," + one.formatted("e3") + "]";

        assertThat(MispEventReader.read(json, new MispEventReader.Limits(2, 100, 100, null)))
                .satisfies(r -> {
                    assertThat(r.events()).hasSize(2);
                    assertThat(r.full()).isTrue();
                });
        assertThat(MispEventReader.read(json, new MispEventReader.Limits(10, 3, 100, null)))
                .satisfies(r -> {
                    // The second event would pass the cap: it is not delivered half read.
                    assertThat(r.events()).extracting(MispEventDocument::uuid).containsExactly("e1");
                    assertThat(r.full()).isTrue();
                });
    }

    @Test
    void appliesTheStringCapsToEachAttributeAndToTheEventHeader() throws IOException {
        String json = "[{\"Event\":{\"uuid\":\"e\",\"info\":\"a very long title\",\"Attribute\":"
                + "[{\"type\":\"md5\",\"value\":\"abc\"}]}}]";
        List<JsonNode> seen = new ArrayList<>();

        MispEventReader.Result r = MispEventReader.read(json, new MispEventReader.Limits(10, 10, 10, node -> {
            seen.add(node.deepCopy());
            if (node.get("Event") instanceof ObjectNode e && e.has("info")) {
                e.set("info", TextNode.valueOf("a very…"));
                return true;
            }
            return false;
        }));

        assertThat(r.events().get(0).info()).isEqualTo("a very…");
        assertThat(r.truncated()).isEqualTo(1);
        assertThat(seen).hasSize(2);
    }

    @Test
    void readsTheSameFromOneByteAtATimeWithTheNonBlockingParser() throws IOException {
        byte[] bytes = wrapped(realEvent()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        List<MispEventDocument> out = new ArrayList<>();
        MispEventReader reader = new MispEventReader(MispEventReader.Limits.none(), out::add);
        JsonParser parser = MAPPER.getFactory().createNonBlockingByteArrayParser();
        ByteArrayFeeder feeder = (ByteArrayFeeder) parser.getNonBlockingInputFeeder();
        for (int i = 0; i < bytes.length; i++) {
            feeder.feedInput(bytes, i, i + 1);
            JsonToken t;
            while ((t = parser.nextToken()) != null && t != JsonToken.NOT_AVAILABLE) {
                reader.token(parser, t);
            }
        }

        assertThat(out).hasSize(1);
        assertThat(out.get(0)).isEqualTo(MispEventReader.read(wrapped(realEvent()), MispEventReader.Limits.none())
                .events().get(0));
    }

    @Test
    void anAnswerThatIsNeitherAnObjectNorAListIsMalformed() {
        assertThatThrownBy(() -> MispEventReader.read("\"nope\"", MispEventReader.Limits.none()))
                .isInstanceOf(IOException.class);
    }
}
