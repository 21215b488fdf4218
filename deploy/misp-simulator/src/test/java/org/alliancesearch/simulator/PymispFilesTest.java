package org.alliancesearch.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Loads PyMISP's real event files and checks searches against expectations derived here by walking the same JSON.
 */
class PymispFilesTest {
    static final List<String> FILES = List.of("existing_event.json", "misp_event.json", "event_obj_attr_tag.json",
            "event_tags.json", "attribute.json");
    static SimulatorCluster cluster;
    static SimulatedMisp misp;
    static JsonNode existing;

    @BeforeAll
    static void start() throws IOException, URISyntaxException {
        SimulatorOptions.Builder b = SimulatorOptions.builder().instances(1).events(0);
        for (String f : FILES) {
            b.load(resource(f));
        }
        cluster = SimulatorCluster.start(b.build());
        misp = cluster.instances().get(0);
        try (InputStream in = PymispFilesTest.class.getResourceAsStream("/pymisp/existing_event.json")) {
            existing = Http.MAPPER.readTree(in);
        }
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    static Path resource(String name) throws URISyntaxException {
        return Path.of(PymispFilesTest.class.getResource("/pymisp/" + name).toURI());
    }

    /** Every attribute of the real CIRCL event, top level and inside objects. */
    static List<JsonNode> existingAttributes() {
        List<JsonNode> out = new ArrayList<>();
        existing.get("Attribute").forEach(out::add);
        existing.get("Object").forEach(o -> o.path("Attribute").forEach(out::add));
        return out;
    }

    static Set<String> uuids(Http.Reply r) {
        Set<String> s = new LinkedHashSet<>();
        r.attributes().forEach(a -> s.add(a.get("uuid").asText()));
        return s;
    }

    @Test
    void everyAttributeOfTheRealEventIsFoundByItsEventUuid() {
        Set<String> expected = new HashSet<>();
        for (JsonNode a : existingAttributes()) {
            if (!a.path("deleted").asBoolean(false)) {
                expected.add(a.get("uuid").asText());
            }
        }
        Http.Reply r = Http.post(misp, "/attributes/restSearch",
                "{\"uuid\":\"" + existing.get("uuid").asText() + "\"}");
        assertThat(uuids(r)).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(r.attributes()).allSatisfy(a -> assertThat(a.get("Event").get("info").asText())
                .isEqualTo(existing.get("info").asText()));
    }

    @Test
    void searchByEachTypeMatchesTheJson() {
        Set<String> types = new LinkedHashSet<>();
        existingAttributes().forEach(a -> types.add(a.get("type").asText()));
        for (String type : types) {
            Set<String> expected = new HashSet<>();
            existingAttributes().stream().filter(a -> a.get("type").asText().equals(type))
                    .forEach(a -> expected.add(a.get("uuid").asText()));
            Http.Reply r = Http.post(misp, "/attributes/restSearch",
                    "{\"type\":\"" + type + "\",\"eventid\":\"" + eventIdOf(existing.get("uuid").asText()) + "\"}");
            assertThat(uuids(r)).as(type).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @Test
    void everyValueIsFoundExactlyWhereTheJsonHasIt() {
        List<JsonNode> attrs = existingAttributes();
        for (JsonNode a : attrs.subList(0, Math.min(60, attrs.size()))) {
            String value = a.get("value").asText();
            if (value.contains("|") || value.length() > 200) {
                continue;
            }
            Set<String> expected = new HashSet<>();
            for (JsonNode other : attrs) {
                String v = other.get("value").asText();
                boolean composite = other.get("type").asText().contains("|");
                boolean hit = v.equalsIgnoreCase(value)
                        || composite && List.of(v.split("\\|", 2)).stream().anyMatch(h -> h.equalsIgnoreCase(value));
                if (hit) {
                    expected.add(other.get("uuid").asText());
                }
            }
            Http.Reply r = Http.post(misp, "/attributes/restSearch",
                    Http.MAPPER.createObjectNode().put("value", value));
            assertThat(uuids(r)).as(value).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @Test
    void attributeTagsAndEventTagsOfTheRealEvent() {
        String tag = "osint:source-type=\"blog-post\"";
        Set<String> expected = new HashSet<>();
        for (JsonNode a : existingAttributes()) {
            a.path("Tag").forEach(t -> {
                if (t.get("name").asText().equals(tag)) {
                    expected.add(a.get("uuid").asText());
                }
            });
        }
        assertThat(expected).isNotEmpty();
        Http.Reply r = Http.post(misp, "/attributes/restSearch", Http.MAPPER.createObjectNode().put("tags", tag));
        assertThat(uuids(r)).containsExactlyInAnyOrderElementsOf(expected);

        // tlp:white sits on the event only, so it selects every attribute of that event
        Http.Reply white = Http.post(misp, "/attributes/restSearch",
                "{\"tags\":\"tlp:white\",\"includeEventTags\":1}");
        assertThat(white.attributes()).hasSize(existingAttributes().size());
        assertThat(white.attributes().get(0).get("Tag")).anySatisfy(t -> {
            assertThat(t.get("name").asText()).isEqualTo("tlp:white");
            assertThat(t.get("inherited").asInt()).isEqualTo(1);
        });
    }

    @Test
    void eventSearchKeepsObjectsTagsAndOrgc() {
        Http.Reply r = Http.post(misp, "/events/restSearch",
                "{\"uuid\":\"" + existing.get("uuid").asText() + "\"}");
        assertThat(r.events()).hasSize(1);
        JsonNode e = r.events().get(0);
        assertThat(e.get("Orgc").get("name").asText()).isEqualTo(existing.get("Orgc").get("name").asText());
        assertThat(e.get("Object")).hasSize(existing.get("Object").size());
        assertThat(e.get("Attribute")).hasSize(existing.get("Attribute").size());
        assertThat(e.get("Tag")).hasSize(existing.get("Tag").size());
        assertThat(e.get("date").asText()).isEqualTo(existing.get("date").asText());
        int objectAttributes = 0;
        for (JsonNode o : e.get("Object")) {
            objectAttributes += o.get("Attribute").size();
        }
        int expected = 0;
        for (JsonNode o : existing.get("Object")) {
            expected += o.path("Attribute").size();
        }
        assertThat(objectAttributes).isEqualTo(expected);
    }

    @Test
    void smallFixturesLoadToo() {
        assertThat(Http.post(misp, "/events/restSearch", "{\"value\":\"bar.exe\"}").events())
                .extracting(e -> e.get("info").asText()).containsExactly("This is a test");
        assertThat(Http.post(misp, "/attributes/restSearch", "{\"value\":\"https://www.circl.lu\"}").attributes())
                .singleElement().satisfies(a -> assertThat(a.get("object_relation").asText()).isEqualTo("url"));
        assertThat(Http.post(misp, "/events/restSearch", "{\"tags\":\"baz\"}").events()).hasSize(1);
        assertThat(Http.post(misp, "/attributes/restSearch", "{\"value\":\"Locky\"}").attributes()).singleElement()
                .satisfies(a -> assertThat(a.get("uuid").asText()).isEqualTo("575c8549-9010-4555-8b37-057ac0a83866"));
        assertThat(Http.post(misp, "/events/restSearch", "{\"tags\":\"ecsirt:%\"}").events())
                .extracting(e -> e.get("info").asText()).containsExactly("A Random Event");
    }

    static String eventIdOf(String uuid) {
        return Http.post(misp, "/events/restSearch", "{\"uuid\":\"" + uuid + "\"}").events().get(0).get("id")
                .asText();
    }
}
