package org.alliancesearch.model.mispapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.alliancesearch.model.misp.MispEventDocument;
import org.alliancesearch.model.misp.MispEventReader;
import org.alliancesearch.model.policy.AlliancePolicy;
import org.alliancesearch.model.query.SearchQuery;
import org.alliancesearch.model.result.MemberRef;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;

class MispEventJsonWriterTest {
    static final MemberRef A = new MemberRef("a", "Member A", "Org A", null);
    static final MemberRef B = new MemberRef("b", "Member B", "Org B", null);

    /** The real CIRCL event (PyMISP test file), as MISP itself writes it: the shape to match. */
    static final JsonNode REFERENCE = EventJson.resource("/misp/pymisp/existing_event.json");

    private static MergedEvents mergedRealEvent() throws IOException {
        // tlp:white on the event is within the default ceiling; searched by one object attribute's value.
        ObjectNode root = EventJson.MAPPER.createObjectNode();
        root.putArray("response").addObject().set("Event", REFERENCE);
        List<MispEventDocument> docs = MispEventReader.read(root.toString(), MispEventReader.Limits.none()).events();
        return new EventMerger().merge(List.of(new MemberEvents(A, docs), new MemberEvents(B, docs)),
                new EventMerger.Rules(AlliancePolicy.defaults(), Map.of(),
                        SearchQuery.ofValues(List.of("Bulletin.doc")), null, List.of(A, B)));
    }

    private static JsonNode written(MergedEvents merged, int limit, int page) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new MispEventJsonWriter().write(out, merged, limit, page);
        return EventJson.MAPPER.readTree(out.toByteArray());
    }

    @Test
    void writesEventsInMispsShapeWithMispsFieldTypes() throws IOException {
        JsonNode root = written(mergedRealEvent(), 0, 1);

        assertThat(root.get("response").isArray()).isTrue();
        JsonNode event = root.get("response").get(0).get("Event");
        assertThat(event).isNotNull();
        sameShape(event, REFERENCE, "Event");
        assertThat(fieldNames(event)).contains("id", "orgc_id", "org_id", "date", "threat_level_id", "info",
                "published", "uuid", "attribute_count", "analysis", "timestamp", "distribution", "publish_timestamp",
                "sharing_group_id", "Org", "Orgc", "Attribute", "Object", "Tag");
        sameShape(event.get("Orgc"), REFERENCE.get("Orgc"), "Orgc");
        sameShape(event.get("Tag").get(0), REFERENCE.get("Tag").get(0), "Tag");
        sameShape(event.get("Attribute").get(0), REFERENCE.get("Attribute").get(0), "Attribute");
        JsonNode object = event.get("Object").get(0);
        sameShape(object, REFERENCE.get("Object").get(0), "Object");
        sameShape(object.get("Attribute").get(0), REFERENCE.get("Object").get(0).get("Attribute").get(0),
                "Object.Attribute");

        assertThat(event.get("uuid").asText()).isEqualTo("5a3c2fcd-8328-42bb-a95e-4f4402de0b81");
        assertThat(event.get("id").asText()).isEqualTo(MispIds.of("5a3c2fcd-8328-42bb-a95e-4f4402de0b81"));
        assertThat(event.get("info").asText()).isEqualTo(REFERENCE.get("info").asText());
        assertThat(event.get("date").asText()).isEqualTo("2017-12-21");
        assertThat(event.get("timestamp").asText()).isEqualTo("1513948642");
        assertThat(event.get("attribute_count").asText()).isEqualTo("122");
        assertThat(event.get("Orgc").get("name").asText()).isEqualTo("CIRCL");
        assertThat(event.get("Orgc").get("uuid").asText()).isEqualTo("55f6ea5e-2c60-40e5-964f-47a8950d210f");
        assertThat(event.get("orgc_id").asText()).isEqualTo(event.get("Orgc").get("id").asText()).matches("\\d+");
        assertThat(event.get("Attribute")).hasSize(9);
        assertThat(event.get("Object")).hasSize(49);
        assertThat(event.get("Tag")).hasSize(REFERENCE.get("Tag").size());
        assertThat(event.get("alliance_holders")).extracting(JsonNode::asText).containsExactly("Member A",
                "Member B");
        JsonNode attribute = event.get("Attribute").get(0);
        assertThat(attribute.get("id").asText()).isEqualTo(MispIds.of(attribute.get("uuid").asText()));
        assertThat(attribute.get("event_id").asText()).isEqualTo(event.get("id").asText());
        assertThat(attribute.get("object_id").asText()).isEqualTo("0");
        assertThat(attribute.get("Tag")).extracting(t -> t.get("name").asText())
                .containsExactly("osint:source-type=\"blog-post\"", "osint:certainty=\"93\"");
        assertThat(attribute.get("alliance_holders")).hasSize(2);
        JsonNode objectAttribute = object.get("Attribute").get(0);
        assertThat(objectAttribute.get("object_id").asText()).isEqualTo(object.get("id").asText())
                .isEqualTo(MispIds.of("5a3cd5b6-9568-4342-b2ab-4c62950d210f"));
        assertThat(objectAttribute.get("value").asText()).isEqualTo("Bulletin.doc");
        assertThat(objectAttribute.get("object_relation").asText()).isEqualTo("filename");
    }

    @Test
    void pagesOverEvents() throws IOException {
        MergedEvents merged = mergedRealEvent();

        assertThat(written(merged, 1, 1).get("response")).hasSize(1);
        assertThat(written(merged, 1, 2).get("response")).isEmpty();
    }

    @Test
    void aReplacedCreatorIsWrittenAsTheHolderWithAStableUuid() throws IOException {
        ObjectNode e = EventJson.event("11111111-1111-4111-8111-111111111111", "Org A", "2024-01-02");
        EventJson.attribute(e, "a1", "ip-dst", "198.51.100.1");
        MergedEvents merged = new EventMerger().merge(List.of(new MemberEvents(B, EventJson.read(e))),
                new EventMerger.Rules(null, null, SearchQuery.ofValues(List.of("198.51.100.1")), null,
                        List.of(A, B)));

        JsonNode orgc = written(merged, 0, 1).get("response").get(0).get("Event").get("Orgc");
        JsonNode again = written(merged, 0, 1).get("response").get(0).get("Event").get("Orgc");

        assertThat(orgc.get("name").asText()).isEqualTo("Org B");
        assertThat(orgc.get("uuid").asText()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
                .isEqualTo(again.get("uuid").asText());
    }

    /** Every field we write that MISP's own event also has is of the same JSON type (string, boolean, array …). */
    private static void sameShape(JsonNode ours, JsonNode misp, String where) {
        List<String> checked = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = ours.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> f = it.next();
            JsonNode theirs = misp.get(f.getKey());
            if (theirs == null || theirs.isNull() || f.getValue().isNull()) {
                continue;
            }
            JsonNodeType expected = theirs.getNodeType();
            assertThat(f.getValue().getNodeType()).as(where + "." + f.getKey()).isEqualTo(expected);
            if (expected == JsonNodeType.STRING && theirs.asText().matches("\\d+")
                    && !List.of("value", "comment", "info", "name").contains(f.getKey())) {
                assertThat(f.getValue().asText()).as(where + "." + f.getKey() + " is digits").matches("\\d+");
            }
            checked.add(f.getKey());
        }
        assertThat(checked).as(where + ": fields compared with MISP's").isNotEmpty();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
