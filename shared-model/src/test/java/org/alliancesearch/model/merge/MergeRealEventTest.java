package org.alliancesearch.model.merge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.alliancesearch.model.misp.MispAttribute;
import org.alliancesearch.model.misp.MispEvent;
import org.alliancesearch.model.misp.MispJson;
import org.alliancesearch.model.misp.MispTag;
import org.alliancesearch.model.policy.AlliancePolicy;
import org.alliancesearch.model.policy.TagFilter;
import org.alliancesearch.model.policy.Tlp;
import org.alliancesearch.model.result.MemberHit;
import org.alliancesearch.model.result.MemberRef;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Merges a real CIRCL OSINT event (PyMISP test file) as three members would return it: CIRCL's own MISP with every
 * attribute, a member with a synchronised copy of every other attribute, and a member that reported the event's
 * network indicators again in its own event (new uuids, other spelling). Expected numbers are derived here from the
 * raw JSON by other means than the merger uses.
 */
class MergeRealEventTest {
    static final MemberRef CIRCL = new MemberRef("m1-circl", "CIRCL MISP", "CIRCL", "https://misp.circl.example");
    static final MemberRef SYNC = new MemberRef("m2-sync", "Sync partner", "Partner CERT",
            "https://misp.partner.example");
    static final MemberRef OWN = new MemberRef("m3-own", "JP CSIRT", "JP CSIRT", "https://misp.jp.example");
    static final String OWN_EVENT = "9b0b7a52-4d4e-4c1e-9a55-3f6f1d1f0001";

    static JsonNode root;
    static MispEvent event;
    static List<MispAttribute> attributes;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = MergeRealEventTest.class.getResourceAsStream("/misp/pymisp/existing_event.json")) {
            root = new ObjectMapper().readTree(in);
        }
        event = MispJson.event(root);
        attributes = new ArrayList<>();
        List<JsonNode> nodes = new ArrayList<>();
        root.get("Attribute").forEach(nodes::add);
        root.get("Object").forEach(o -> o.get("Attribute").forEach(nodes::add));
        for (JsonNode n : nodes) {
            attributes.add(asSearchResult(MispJson.attribute(n), event));
        }
    }

    /** An attribute as {@code attributes/restSearch} returns it with includeContext and includeEventTags. */
    static MispAttribute asSearchResult(MispAttribute a, MispEvent e) {
        List<MispTag> tags = new ArrayList<>(a.tags());
        tags.addAll(e.tags());
        return new MispAttribute(a.id(), a.uuid(), a.eventId(), a.objectId(), a.objectRelation(), a.category(),
                a.type(), a.value(), a.toIds(), a.timestamp(), a.firstSeen(), a.lastSeen(), a.distribution(),
                a.comment(), a.deleted(), tags, e);
    }

    /** CIRCL: everything. Sync partner: every other attribute, same uuids. JP CSIRT: the network ones again. */
    static List<MemberHit> threeMembers(MispEvent ownEvent) {
        List<MemberHit> hits = new ArrayList<>();
        for (int i = 0; i < attributes.size(); i++) {
            MispAttribute a = attributes.get(i);
            hits.add(new MemberHit(CIRCL, a));
            if (i % 2 == 0) {
                hits.add(new MemberHit(SYNC, a));
            }
            if (a.type().equals("domain") || a.type().equals("ip-dst")) {
                String v = a.type().equals("domain") ? a.value().toUpperCase(Locale.ROOT) + "." : a.value();
                String type = a.type().equals("ip-dst") ? "ip-src" : "hostname";
                hits.add(new MemberHit(OWN, new MispAttribute("9" + i, "own-" + i, "77", "0", null,
                        "Network activity", type, v, true, a.timestamp(), null, null, 1, "", false, ownEvent.tags(),
                        ownEvent)));
            }
        }
        return hits;
    }

    static MispEvent ownEvent(String... tags) {
        List<MispTag> t = new ArrayList<>();
        for (String s : tags) {
            t.add(new MispTag(s, true));
        }
        return new MispEvent("77", OWN_EVENT, "Sednit infrastructure seen in JP", event.date(), "JP CSIRT", null, 2,
                true, event.timestamp(), 1, t);
    }

    /**
     * Our own idea of identity for the types in this event whose grouping the merge rules define (ip, domain, hash);
     * other types (file names, text, links) are keyed on their value alone, whatever family they belong to.
     */
    static String expectedKey(String type, String value) {
        return switch (type) {
            case "ip-src", "ip-dst" -> "ip " + value.strip();
            case "domain", "hostname" -> {
                String d = value.strip().toLowerCase(Locale.ROOT);
                yield "domain " + (d.endsWith(".") ? d.substring(0, d.length() - 1) : d);
            }
            case "sha1" -> "sha1 " + value.strip().toLowerCase(Locale.ROOT);
            default -> "other " + value.strip();
        };
    }

    static String key(MergedIndicator i) {
        return Set.of("ip", "domain", "sha1").contains(i.family())
                ? i.family() + " " + i.value()
                : "other " + i
                        .value();
    }

    @Test
    void theRawEventIsWhatTheTestExpects() {
        int objectAttributes = 0;
        for (JsonNode o : root.get("Object")) {
            objectAttributes += o.get("Attribute").size();
        }
        assertThat(attributes).hasSize(root.get("Attribute").size() + objectAttributes);
        assertThat(root.get("attribute_count").asInt()).isEqualTo(attributes.size());
        assertThat(event.tags()).extracting(MispTag::name).contains("tlp:white");
    }

    @Test
    void threeMembersWithSynchronisedCopiesAndReReports() {
        List<MemberHit> hits = threeMembers(ownEvent("tlp:green"));
        MergedResult r = new IndicatorMerger().merge(hits, AlliancePolicy.defaults());

        Set<String> uuids = new HashSet<>();
        Set<String> keys = new HashSet<>();
        Set<String> ownKeys = new HashSet<>();
        for (MemberHit h : hits) {
            uuids.add(h.member().id().equals(OWN.id()) ? "own:" + h.attribute().uuid() : h.attribute().uuid());
            String k = expectedKey(h.attribute().type(), h.attribute().value());
            keys.add(k);
            if (h.member() == OWN) {
                ownKeys.add(k);
            }
        }
        int syncCopies = (attributes.size() + 1) / 2;

        assertThat(r.totals().attributes()).isEqualTo(hits.size());
        assertThat(r.totals().duplicates()).isEqualTo(syncCopies).isEqualTo(hits.size() - uuids.size());
        assertThat(r.totals().removedByPolicy()).isZero();
        assertThat(r.totals().indicators()).isEqualTo(keys.size()).isEqualTo(r.indicators().size());
        Set<String> actualKeys = new TreeSet<>();
        for (MergedIndicator i : r.indicators()) {
            actualKeys.add(key(i));
        }
        assertThat(actualKeys).isEqualTo(new TreeSet<>(keys));

        int distinctAttributes = 0;
        for (MergedIndicator i : r.indicators()) {
            distinctAttributes += i.attributeCount();
            // The event is tlp:white, JP CSIRT's green: the most restrictive wins, white shows as clear.
            assertThat(i.tlp()).isEqualTo(ownKeys.contains(key(i)) ? Tlp.GREEN : Tlp.CLEAR);
            assertThat(i.tags()).doesNotContain("tlp:white").contains("tlp:clear");
            assertThat(i.events()).extracting(IndicatorEvent::url).allMatch(u -> u.startsWith("https://misp."));
        }
        assertThat(distinctAttributes).isEqualTo(uuids.size());

        // Every re-reported network indicator is seen by two organisations and so sorts first.
        List<MergedIndicator> top = r.indicators().subList(0, ownKeys.size());
        assertThat(top).allSatisfy(i -> {
            assertThat(i.organisations()).containsExactly("CIRCL", "JP CSIRT");
            assertThat(i.events()).extracting(IndicatorEvent::uuid).containsExactlyInAnyOrder(event.uuid(),
                    OWN_EVENT);
        });
        assertThat(r.indicators().get(ownKeys.size()).organisations()).containsExactly("CIRCL");

        // The members an indicator lists are those that returned one of its attributes.
        Map<String, Set<String>> membersByKey = new HashMap<>();
        for (MemberHit h : hits) {
            membersByKey.computeIfAbsent(expectedKey(h.attribute().type(), h.attribute().value()),
                    k -> new TreeSet<>()).add(h.member().id());
        }
        for (MergedIndicator i : r.indicators()) {
            assertThat(i.members()).extracting(IndicatorMember::id).containsExactlyElementsOf(membersByKey.get(key(i)));
        }
    }

    @Test
    void aDroppingTagOnOneMembersCopyOfTheEventRemovesTheWholeEventEverywhere() {
        MispEvent redCopy = new MispEvent(event.id(), event.uuid(), event.info(), event.date(), event.orgcName(),
                event.orgcUuid(), event.threatLevelId(), event.published(), event.timestamp(), event.distribution(),
                List.of(new MispTag("PAP:RED", true)));
        List<MemberHit> hits = new ArrayList<>();
        for (MemberHit h : threeMembers(ownEvent("tlp:green"))) {
            if (h.member() == SYNC) {
                MispAttribute a = h.attribute();
                h = new MemberHit(SYNC, new MispAttribute(a.id(), a.uuid(), a.eventId(), a.objectId(), a
                        .objectRelation(), a.category(), a.type(), a.value(), a.toIds(), a.timestamp(), a.firstSeen(),
                        a.lastSeen(), a.distribution(), a.comment(), a.deleted(), a.tags(), redCopy));
            }
            hits.add(h);
        }
        MergedResult r = new IndicatorMerger().merge(hits, AlliancePolicy.defaults());

        Set<String> ownKeys = new HashSet<>();
        int ownAttributes = 0;
        for (MemberHit h : hits) {
            if (h.member() == OWN) {
                ownKeys.add(expectedKey(h.attribute().type(), h.attribute().value()));
                ownAttributes++;
            }
        }
        assertThat(r.totals().removedBy().droppingTag()).isEqualTo(attributes.size());
        assertThat(r.indicators()).hasSize(ownKeys.size());
        assertThat(r.indicators()).allSatisfy(i -> {
            assertThat(i.organisations()).containsExactly("JP CSIRT");
            assertThat(i.members()).extracting(IndicatorMember::id).containsExactly(OWN.id());
            assertThat(i.events()).extracting(IndicatorEvent::uuid).containsExactly(OWN_EVENT);
            assertThat(i.tags()).containsExactly("tlp:green");
        });
        assertThat(r.indicators().stream().mapToInt(MergedIndicator::attributeCount).sum()).isEqualTo(
                ownAttributes);
    }

    @Test
    void theQueryFilterSelectsByEventAndAttributeTags() {
        List<MemberHit> hits = threeMembers(ownEvent("tlp:green"));
        // Only two attributes carry osint tags themselves; the galaxy tags sit on the CIRCL event.
        int osintTagged = 0;
        for (MispAttribute a : attributes) {
            if (a.tags().stream().anyMatch(t -> !t.inherited() && t.name().startsWith("osint:"))) {
                osintTagged++;
            }
        }
        MergedResult osint = new IndicatorMerger().merge(hits, AlliancePolicy.defaults(),
                new TagFilter(List.of("OSINT:*"), List.of()));
        assertThat(osint.indicators().stream().mapToInt(MergedIndicator::attributeCount).sum()).isEqualTo(
                osintTagged);

        MergedResult notSofacy = new IndicatorMerger().merge(hits, AlliancePolicy.defaults(),
                new TagFilter(List.of(), List.of("misp-galaxy:threat-actor=\"sofacy\"")));
        assertThat(notSofacy.indicators()).allSatisfy(i -> assertThat(i.organisations()).containsExactly(
                "JP CSIRT"));
        assertThat(notSofacy.totals().removedBy().excludedByFilter()).isEqualTo(attributes.size());
    }
}
