package org.alliancesearch.model.mispapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.alliancesearch.model.misp.MispEventDocument;
import org.alliancesearch.model.policy.AlliancePolicy;
import org.alliancesearch.model.policy.TagFilter;
import org.alliancesearch.model.policy.TagPolicy;
import org.alliancesearch.model.policy.Tlp;
import org.alliancesearch.model.query.SearchQuery;
import org.alliancesearch.model.result.MemberRef;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class EventMergePropertiesTest {
    static final List<MemberRef> MEMBERS = List.of(new MemberRef("a", "Member A", "Org A", null),
            new MemberRef("b", "Member B", "Org B", null), new MemberRef("c", "Member C", "Org C", null));
    static final List<String> EVENTS = List.of("11111111-1111-4111-8111-111111111111",
            "22222222-2222-4222-8222-222222222222", "33333333-3333-4333-8333-333333333333");
    static final List<String> VALUES = List.of("198.51.100.1", "198.51.100.2", "evil.example", "203.0.113.7");
    static final List<String> TAGS = List.of("tlp:green", "TLP:AMBER", "tlp:red", "TLP:RED", "PAP:RED",
            "tlp:amber+strict", "osint:a", "Phishing");
    static final List<String> ORGS = List.of("CIRCL", "Org A", "Org B");
    static final SearchQuery QUERY = SearchQuery.ofValues(List.of("198.51.100.1", "evil.example"));
    static final TagPolicy POLICY = TagPolicy.of(AlliancePolicy.defaults(), TagFilter.none());

    /** One attribute of one member's copy of one event, as generated. */
    record Spec(int member, int event, int attribute, int value, List<String> tags, List<String> eventTags, int org,
            boolean inObject) {
    }

    @Provide
    Arbitrary<List<Spec>> answers() {
        return Combinators.combine(Arbitraries.integers().between(0, 2), Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(0, 5), Arbitraries.integers().between(0, VALUES.size() - 1),
                Arbitraries.of(TAGS).list().ofMaxSize(2), Arbitraries.of(TAGS).list().ofMaxSize(2),
                Arbitraries.integers().between(0, ORGS.size() - 1), Arbitraries.of(true, false))
                .as(Spec::new).list().ofMaxSize(25);
    }

    /** Each member's events built from the specs: the first spec of a (member, event) sets its tags and creator. */
    static List<MemberEvents> build(List<Spec> specs) {
        List<MemberEvents> out = new ArrayList<>();
        for (int m = 0; m < MEMBERS.size(); m++) {
            Map<Integer, ObjectNode> events = new HashMap<>();
            for (Spec s : specs) {
                if (s.member() != m) {
                    continue;
                }
                ObjectNode e = events.computeIfAbsent(s.event(), i -> {
                    ObjectNode n = EventJson.event(EVENTS.get(i), ORGS.get(s.org()), "2024-01-0" + (i + 1),
                            s.eventTags().toArray(String[]::new));
                    EventJson.object(n, "0bject00-0000-4000-8000-00000000000" + i, "file");
                    return n;
                });
                ArrayNode into = s.inObject()
                        ? (ArrayNode) e.get("Object").get(0).get("Attribute")
                        : (ArrayNode) e.get("Attribute");
                EventJson.attribute(into, "a" + s.attribute(), "ip-dst", VALUES.get(s.value()),
                        s.tags().toArray(String[]::new));
            }
            if (!events.isEmpty()) {
                List<MispEventDocument> docs = EventJson.read(events.values().toArray(JsonNode[]::new));
                out.add(new MemberEvents(MEMBERS.get(m), docs));
            }
        }
        return out;
    }

    static String written(List<MemberEvents> answers) throws IOException {
        MergedEvents merged = new EventMerger().merge(answers, new EventMerger.Rules(AlliancePolicy.defaults(),
                Map.of("c", AlliancePolicy.of(Tlp.GREEN)), QUERY, null, MEMBERS));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new MispEventJsonWriter().write(out, merged.events());
        return out.toString(StandardCharsets.UTF_8);
    }

    @Property(tries = 300)
    void theAnswerDoesNotDependOnTheOrderOfTheMembers(@ForAll("answers") List<Spec> specs) throws IOException {
        List<MemberEvents> answers = build(specs);
        List<MemberEvents> reversed = new ArrayList<>(answers);
        Collections.reverse(reversed);

        assertThat(written(reversed)).isEqualTo(written(answers));
    }

    @Property(tries = 300)
    void nothingThePolicyDropsIsEverWritten(@ForAll("answers") List<Spec> specs) throws IOException {
        JsonNode root = EventJson.MAPPER.readTree(written(build(specs)));

        for (JsonNode wrapper : root.get("response")) {
            JsonNode event = wrapper.get("Event");
            List<String> eventTags = names(event.get("Tag"));
            assertThat(POLICY.verdict(eventTags)).isEqualTo(TagPolicy.Verdict.KEEP);
            List<JsonNode> attributes = new ArrayList<>();
            event.get("Attribute").forEach(attributes::add);
            event.get("Object").forEach(o -> o.get("Attribute").forEach(attributes::add));
            assertThat(attributes).isNotEmpty();
            boolean answers = false;
            for (JsonNode a : attributes) {
                List<String> tags = new ArrayList<>(eventTags);
                tags.addAll(names(a.get("Tag")));
                assertThat(POLICY.verdict(tags)).isEqualTo(TagPolicy.Verdict.KEEP);
                answers |= QUERY.values().contains(a.get("value").asText());
            }
            assertThat(answers).as("an answered event holds a searched value").isTrue();
        }
        String text = root.toString().toLowerCase(Locale.ROOT);
        assertThat(text).doesNotContain("tlp:red", "pap:red", "amber+strict");
    }

    /**
     * What any member's copy hides is never written, whichever copy speaks: no event of which a copy of members a or b
     * carries event tags the policy rejects, and no attribute of which such a copy (its tags with its copy's event
     * tags) fails. (Member c's stricter policy removes its own copies first, so they are left out here.)
     */
    @Property(tries = 300)
    void nothingAnyCopyHidesIsWritten(@ForAll("answers") List<Spec> specs) throws IOException {
        JsonNode root = EventJson.MAPPER.readTree(written(build(specs)));
        Map<String, List<String>> eventTagsOf = new HashMap<>();
        for (Spec s : specs) {
            eventTagsOf.putIfAbsent(s.member() + "/" + s.event(), s.eventTags());
        }
        for (JsonNode wrapper : root.get("response")) {
            JsonNode event = wrapper.get("Event");
            int e = EVENTS.indexOf(event.get("uuid").asText());
            List<String> written = new ArrayList<>();
            event.get("Attribute").forEach(a -> written.add("e/" + a.get("uuid").asText() + "/" + a.get("value")
                    .asText()));
            event.get("Object").forEach(o -> o.get("Attribute").forEach(a -> written.add("o/" + a.get("uuid")
                    .asText() + "/" + a.get("value").asText())));
            for (Spec s : specs) {
                if (s.event() != e || s.member() == 2) {
                    continue;
                }
                List<String> eventTags = eventTagsOf.get(s.member() + "/" + s.event());
                assertThat(POLICY.verdict(eventTags)).as("event tags of member %s", s.member())
                        .isEqualTo(TagPolicy.Verdict.KEEP);
                String key = (s.inObject() ? "o/" : "e/") + "a" + s.attribute() + "/" + VALUES.get(s.value());
                if (written.contains(key)) {
                    List<String> tags = new ArrayList<>(eventTags);
                    tags.addAll(s.tags());
                    assertThat(POLICY.verdict(tags)).as("%s of member %s", key, s.member())
                            .isEqualTo(TagPolicy.Verdict.KEEP);
                }
            }
        }
    }

    private static List<String> names(JsonNode tags) {
        List<String> out = new ArrayList<>();
        tags.forEach(t -> out.add(t.get("name").asText()));
        return out;
    }
}
