package org.alliancesearch.model.mispapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.alliancesearch.model.misp.MispAttribute;
import org.alliancesearch.model.misp.MispEvent;
import org.alliancesearch.model.misp.MispTag;
import org.alliancesearch.model.result.MemberRef;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class MispSearchRequestTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
    static final String EVENT = "6a1d8c2f-1d7b-4c9f-8e6c-2b3c4d5e6f01";

    static MispSearchRequest parse(String body) {
        try {
            return MispSearchRequest.parse(JSON.readTree(body), Scope.ATTRIBUTES, NOW);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static void refused(String body, String filter, String text) {
        assertThatThrownBy(() -> parse(body)).isInstanceOf(MispRequestException.class).hasMessageContaining(text)
                .satisfies(e -> assertThat(((MispRequestException) e).filter()).isEqualTo(filter));
    }

    @org.junit.jupiter.api.Test
    void textInPlaceOfAValueIsRefusedAsInThePortalsOwnSearch() {
        refused("{\"value\": \"we saw 198.51.100.7 calling home\"}", "value", "text, not an indicator");
        // a free string MISP stores as a value still goes
        assertThat(parse("{\"value\": \"Mozilla/5.0 (Windows NT 10.0; Win64; x64)\"}").query().values())
                .containsExactly("Mozilla/5.0 (Windows NT 10.0; Win64; x64)");
    }

    static AllianceAttribute attribute(String type, String value, List<String> tags, List<String> eventTags,
            Instant timestamp) {
        List<MispTag> own = tags.stream().map(MispTag::of).toList();
        List<MispTag> inherited = eventTags.stream().map(t -> new MispTag(t, true)).toList();
        MispEvent event = new MispEvent("9", EVENT, "info", LocalDate.of(2026, 10, 1), "Org A", null, 2, true,
                Instant.parse("2026-11-30T00:00:00Z"), 1, inherited);
        MispAttribute a = new MispAttribute("1", "5f0c7b1e-0c6a-4b8e-9d5b-1a2b3c4d5e01", "9", "0", null,
                "Network activity", type, value, true, timestamp, null, null, 1, "", false, own, event);
        MemberRef m = new MemberRef("m", "MISP m", "Org A", null);
        return new AllianceAttribute(a, own, inherited, List.of(m), "Org A", null, m);
    }

    static AllianceAttribute ip(String... tags) {
        return attribute("ip-dst", "198.51.100.7", List.of(tags), List.of(), Instant.parse("2026-11-30T12:00:00Z"));
    }

    @Test
    void pymispsBodyIsOneValueWithOptions() {
        MispSearchRequest r = parse("""
                {"returnFormat":"json","value":"198.51.100.7","includeEventTags":1,"includeContext":1,"limit":50,
                 "page":1}""");
        assertThat(r.query().values()).containsExactly("198.51.100.7");
        assertThat(r.paging()).isEqualTo(new MispSearchRequest.Paging(50, 1));
        assertThat(r.output().format()).isEqualTo(MispSearchRequest.ReturnFormat.JSON);
        assertThat(r.output().includeEventTags()).isTrue();
        assertThat(r.output().includeContext()).isTrue();
        assertThat(r.filter().test(ip())).isTrue();
    }

    @Test
    void valuesAreNormalisedAsThePortalsSearchDoes() {
        assertThat(parse("{\"value\":[\"198.51.100[.]7\",\" 198.51.100.8 \",\"!evil2.example\",\"198.51.100.7\"]}")
                .query().values()).containsExactly("198.51.100.7", "198.51.100.8");
    }

    @Test
    void withoutAValueTheSearchIsRefused() {
        refused("{\"type\":\"ip-dst\"}", "value", "searches by value");
        refused("{\"value\":\"\"}", "value", "searches by value");
        refused("{\"value\":[\" \"]}", "value", "searches by value");
        refused("{\"value\":{\"NOT\":[\"198.51.100.7\"]}}", "value", "searches by value");
        refused("{\"value\":\"198.51.%\"}", "value", "LIKE");
        refused("[]", null, "JSON object");
    }

    @Test
    void notValuesExcludeLocallyAndCompositeHalvesMatch() {
        MispSearchRequest r = parse("{\"value\":\"evil.example&&!198.51.100.7\"}");
        assertThat(r.query().values()).containsExactly("evil.example");
        assertThat(r.filter().test(attribute("domain|ip", "evil.example|198.51.100.7", List.of(), List.of(),
                NOW))).isFalse();
        assertThat(r.filter().test(attribute("domain|ip", "evil.example|198.51.100.8", List.of(), List.of(),
                NOW))).isTrue();
        // AND: both values on one composite attribute
        MispSearchRequest and = parse("{\"value\":{\"AND\":[\"evil.example\",\"198.51.100.8\"]}}");
        assertThat(and.query().values()).containsExactly("evil.example", "198.51.100.8");
        assertThat(and.filter().test(attribute("domain|ip", "evil.example|198.51.100.8", List.of(), List.of(),
                NOW))).isTrue();
        assertThat(and.filter().test(attribute("domain", "evil.example", List.of(), List.of(), NOW))).isFalse();
    }

    @Test
    void typesAndCategories() {
        MispSearchRequest r = parse("{\"value\":\"198.51.100.7\",\"type\":[\"ip-dst\",\"!ip-src\"],"
                + "\"category\":{\"OR\":\"network activity\"}}");
        assertThat(r.query().types()).containsExactly("ip-dst");
        assertThat(r.query().categories()).containsExactly("Network activity");
        assertThat(r.filter().test(ip())).isTrue();
        assertThat(parse("{\"value\":\"198.51.100.7\",\"type\":\"ip-src\"}").filter().test(ip())).isFalse();
        assertThat(parse("{\"value\":\"198.51.100.7\",\"type\":{\"AND\":[\"ip-src\",\"ip-dst\"]}}").filter()
                .test(ip())).isFalse();
        refused("{\"value\":\"198.51.100.7\",\"type\":\"ip-everything\"}", "type", "ip-everything");
    }

    @Test
    void tagsInEveryForm() {
        MispSearchRequest r = parse("{\"value\":\"198.51.100.7\",\"tags\":{\"OR\":[\"tlp:green\"],"
                + "\"AND\":[\"osint:%\"],\"NOT\":[\"tlp:red\"]}}");
        assertThat(r.query().includeTags()).containsExactly("tlp:green", "osint:%");
        assertThat(r.query().excludeTags()).containsExactly("tlp:red");
        assertThat(r.filter().test(ip("TLP:GREEN", "osint:source"))).isTrue();
        assertThat(r.filter().test(ip("tlp:green"))).isFalse();
        assertThat(r.filter().test(ip("osint:source"))).isFalse();
        // an event tag counts as the attribute's
        assertThat(r.filter().test(attribute("ip-dst", "198.51.100.7", List.of("osint:x"), List.of("tlp:green"),
                NOW))).isTrue();
        refused("{\"value\":\"198.51.100.7\",\"tags\":[\"12\"]}", "tags", "tag id");
        refused("{\"value\":\"198.51.100.7\",\"tags\":\"!7\"}", "tags", "tag id");
    }

    @Test
    void flagsDatesAndTimes() {
        MispSearchRequest r = parse("{\"value\":\"198.51.100.7\",\"to_ids\":\"1\",\"published\":false,"
                + "\"from\":\"2026-01-01\",\"to\":1798675200,\"last\":\"2d\",\"timestamp\":[\"1d\",null]}");
        assertThat(r.query().toIds()).isTrue();
        assertThat(r.query().published()).isFalse();
        assertThat(r.query().from()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(r.query().to()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(r.filter().publishTime().from()).isEqualTo(NOW.getEpochSecond() - 2 * 86_400);
        assertThat(r.filter().attributeTime().from()).isEqualTo(NOW.getEpochSecond() - 86_400);
        assertThat(r.filter().test(ip())).isTrue();
        assertThat(parse("{\"value\":\"198.51.100.7\",\"timestamp\":\"30m\"}").filter().test(ip())).isFalse();
        assertThat(parse("{\"value\":\"198.51.100.7\",\"event_timestamp\":[1, 2]}").filter().test(ip())).isFalse();
        refused("{\"value\":\"198.51.100.7\",\"to_ids\":\"maybe\"}", "to_ids", "0, 1");
        refused("{\"value\":\"198.51.100.7\",\"last\":\"yesterday\"}", "last", "7d");
        refused("{\"value\":\"198.51.100.7\",\"from\":\"01/02/2026\"}", "from", "YYYY-MM-DD");
    }

    @Test
    void eventIdsAreThePortalsOrUuids() {
        assertThat(parse("{\"value\":\"198.51.100.7\",\"eventid\":\"" + MispIds.of(EVENT) + "\"}").filter()
                .test(ip())).isTrue();
        assertThat(parse("{\"value\":\"198.51.100.7\",\"eventid\":\"" + EVENT.toUpperCase() + "\"}").filter()
                .test(ip())).isTrue();
        assertThat(parse("{\"value\":\"198.51.100.7\",\"eventid\":17}").filter().test(ip())).isFalse();
        assertThat(parse("{\"value\":\"198.51.100.7\",\"uuid\":\"" + EVENT + "\"}").filter().test(ip())).isTrue();
    }

    @Test
    void organisationsByNameLocally() {
        assertThat(parse("{\"value\":\"198.51.100.7\",\"org\":\"org a\"}").filter().test(ip())).isTrue();
        assertThat(parse("{\"value\":\"198.51.100.7\",\"org\":\"!Org A\"}").filter().test(ip())).isFalse();
        refused("{\"value\":\"198.51.100.7\",\"org\":4}", "org", "id");
    }

    @Test
    void refusedIgnoredAndOptions() {
        refused("{\"value\":\"198.51.100.7\",\"searchall\":\"x\"}", "searchall", "searchall");
        refused("{\"value\":\"198.51.100.7\",\"sharinggroup\":[1]}", "sharinggroup", "sharinggroup");
        refused("{\"value\":\"198.51.100.7\",\"returnFormat\":\"stix2\"}", "returnFormat", "json, csv, text");
        refused("{\"value\":\"198.51.100.7\",\"enforceWarninglist\":true}", "enforceWarninglist", "not supported");
        refused("{\"value\":\"198.51.100.7\",\"limit\":-1}", "limit", "whole number");
        MispSearchRequest r = parse("{\"value\":\"198.51.100.7\",\"searchall\":\"\",\"enforceWarninglist\":0,"
                + "\"includeSightings\":1,\"includeCorrelations\":1,\"unknownKey\":{\"a\":1},"
                + "\"returnFormat\":\"csv\",\"requested_attributes\":\"value, event_info\",\"headerless\":\"1\","
                + "\"page\":3,\"deleted\":1}");
        assertThat(r.output().format()).isEqualTo(MispSearchRequest.ReturnFormat.CSV);
        // the answer shows no sightings, whatever the client asks: members are not asked for them
        assertThat(r.query().withSightings()).isFalse();
        assertThat(r.output().requestedAttributes()).containsExactly("value", "event_info");
        assertThat(r.output().headerless()).isTrue();
        assertThat(r.paging()).isEqualTo(MispSearchRequest.Paging.ALL);
        assertThat(r.filter().test(ip())).isTrue();
        assertThat(parse("{\"value\":\"198.51.100.7\",\"deleted\":\"only\"}").filter().test(ip())).isFalse();
        assertThat(MispSearchRequest.KEYS).containsEntry("value", MispSearchRequest.Handling.SENT)
                .containsEntry("eventid", MispSearchRequest.Handling.LOCAL)
                .containsEntry("searchall", MispSearchRequest.Handling.REFUSED)
                .containsEntry("includeSightings", MispSearchRequest.Handling.IGNORED);
    }

    @Test
    void pagingCountsAsMispDoes() {
        MispSearchRequest.Paging p = new MispSearchRequest.Paging(2, 2);
        assertThat(p.apply(List.of(1, 2, 3, 4, 5))).containsExactly(3, 4);
        assertThat(p.resultCount(2)).isEqualTo(3);
        assertThat(new MispSearchRequest.Paging(2, 3).apply(List.of(1, 2, 3, 4, 5))).containsExactly(5);
        assertThat(new MispSearchRequest.Paging(2, 3).resultCount(1)).isEqualTo(1);
        assertThat(new MispSearchRequest.Paging(2, 4).apply(List.of(1, 2, 3, 4, 5))).isEmpty();
    }

    @Test
    void eventScopeReadsTimestampAsTheEvents() {
        ObjectNode body = JSON.createObjectNode().put("value", "198.51.100.7").put("timestamp", "1d");
        MispSearchRequest r = MispSearchRequest.parse(body, Scope.EVENTS, NOW);
        assertThat(r.filter().attributeTime()).isNull();
        assertThat(r.filter().eventTime().from()).isEqualTo(NOW.getEpochSecond() - 86_400);
        assertThatThrownBy(() -> MispSearchRequest.parse(body.put("returnFormat", "csv"), Scope.EVENTS, NOW))
                .isInstanceOf(MispRequestException.class);
    }

    // --- properties

    static final List<String> WORDS = List.of("tlp:green", "tlp:amber", "osint:a", "phishing", "ip-dst", "domain",
            "ip-src");

    @Provide
    Arbitrary<List<String>> elements() {
        return Arbitraries.of(WORDS).flatMap(w -> Arbitraries.of(w, "!" + w)).list().ofMinSize(1).ofMaxSize(4);
    }

    @Property(tries = 300)
    void stringListAndObjectFormsParseToTheSameRequest(@ForAll("elements") List<String> elements) {
        for (String key : List.of("tags", "type")) {
            boolean anyTypeBad = key.equals("type") && elements.stream().map(e -> e.replace("!", ""))
                    .anyMatch(e -> !e.startsWith("ip-") && !e.equals("domain"));
            if (anyTypeBad) {
                continue;
            }
            ObjectNode asString = body().put(key, String.join("&&", elements));
            ObjectNode asList = body();
            ArrayNode list = asList.putArray(key);
            elements.forEach(list::add);
            ObjectNode asObject = body();
            ObjectNode object = asObject.putObject(key);
            ArrayNode or = object.putArray("OR");
            ArrayNode not = object.putArray("NOT");
            for (String e : elements) {
                if (e.startsWith("!")) {
                    not.add(e.substring(1));
                } else {
                    or.add(e);
                }
            }
            MispSearchRequest a = MispSearchRequest.parse(asString, Scope.ATTRIBUTES, NOW);
            assertThat(MispSearchRequest.parse(asList, Scope.ATTRIBUTES, NOW)).isEqualTo(a);
            assertThat(MispSearchRequest.parse(asObject, Scope.ATTRIBUTES, NOW)).isEqualTo(a);
        }
    }

    private static ObjectNode body() {
        return JSON.createObjectNode().put("value", "198.51.100.7");
    }

    @Provide
    Arbitrary<AllianceAttribute> attributes() {
        return net.jqwik.api.Combinators.combine(Arbitraries.of("ip-dst", "ip-src", "domain"),
                Arbitraries.of("tlp:green", "tlp:amber", "osint:a", "phishing").list().ofMaxSize(3),
                Arbitraries.of("tlp:green", "osint:b").list().ofMaxSize(2))
                .as((type, tags, eventTags) -> attribute(type, "198.51.100.7", tags, eventTags, NOW));
    }

    @Property(tries = 400)
    void notNeverWidens(@ForAll("attributes") AllianceAttribute a, @ForAll("elements") List<String> positive,
            @ForAll("elements") List<String> negated) {
        for (String key : List.of("tags", "type", "category", "org", "uuid")) {
            ObjectNode without = body();
            ArrayNode list = without.putArray(key);
            positive.stream().filter(e -> !e.startsWith("!")).forEach(list::add);
            ObjectNode with = without.deepCopy();
            ArrayNode list2 = (ArrayNode) with.get(key);
            negated.forEach(e -> list2.add("!" + e.replace("!", "")));
            MispSearchRequest narrow;
            MispSearchRequest wide;
            try {
                wide = MispSearchRequest.parse(without, Scope.ATTRIBUTES, NOW);
                narrow = MispSearchRequest.parse(with, Scope.ATTRIBUTES, NOW);
            } catch (MispRequestException e) {
                continue; // a type that is not one
            }
            if (narrow.filter().test(a)) {
                assertThat(wide.filter().test(a)).as(key).isTrue();
            }
            // and NOT is never sent as something to include
            assertThat(narrow.query().includeTags()).isEqualTo(wide.query().includeTags());
        }
    }

    @Test
    void everyRefusedKeyIsRefusedWhenGiven() {
        for (var e : MispSearchRequest.KEYS.entrySet()) {
            if (e.getValue() != MispSearchRequest.Handling.REFUSED) {
                continue;
            }
            JsonNode b = body().put(e.getKey(), "x");
            assertThatThrownBy(() -> MispSearchRequest.parse(b, Scope.ATTRIBUTES, NOW)).as(e.getKey())
                    .hasMessageContaining(e.getKey());
        }
        List<String> ignored = new ArrayList<>();
        MispSearchRequest.KEYS.forEach((k, h) -> {
            if (h == MispSearchRequest.Handling.IGNORED) {
                ignored.add(k);
            }
        });
        ObjectNode b = body();
        ignored.forEach(k -> b.put(k, 1));
        assertThat(MispSearchRequest.parse(b, Scope.ATTRIBUTES, NOW)).isEqualTo(MispSearchRequest.parse(body(),
                Scope.ATTRIBUTES, NOW));
    }
}
