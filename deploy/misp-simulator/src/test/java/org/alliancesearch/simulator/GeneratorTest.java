package org.alliancesearch.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.alliancesearch.simulator.data.DataGenerator;
import org.alliancesearch.simulator.data.WellKnownValue;
import org.alliancesearch.simulator.store.MispStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** The generated data: deterministic, overlapping across organisations, with synchronised copies and demo values. */
class GeneratorTest {
    static final long REFERENCE = 1_790_000_000L;
    static SimulatorCluster cluster;

    @BeforeAll
    static void start() {
        cluster = SimulatorCluster.start(options(42).build());
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    static SimulatorOptions.Builder options(long seed) {
        return SimulatorOptions.builder().instances(3).seed(seed).events(60).attributesPerEvent(15)
                .referenceEpochSecond(REFERENCE).sharedShare(0.2).syncShare(0.1);
    }

    /** Every attribute of a store as text, in storage order. */
    static List<String> dump(MispStore s) {
        List<String> out = new ArrayList<>();
        for (int at = 0; at < s.attributeCount(); at++) {
            int ev = s.attributeEvent(at);
            out.add(s.eventUuid(ev) + " " + s.eventInfo(ev) + " " + s.eventTimestamp(ev) + " "
                    + s.attributeUuid(at) + " " + s.attributeType(at) + " " + s.attributeValue(at) + " "
                    + s.attributeFlag(at, MispStore.TO_IDS) + " " + java.util.Arrays.toString(s.eventTags(ev)));
        }
        return out;
    }

    @Test
    void sameSeedGivesSameDataAndKeys() {
        try (SimulatorCluster again = SimulatorCluster.start(options(42).build())) {
            for (int i = 0; i < 3; i++) {
                assertThat(dump(again.instances().get(i).store())).isEqualTo(dump(cluster.instances().get(i).store()));
                assertThat(again.instances().get(i).apiKey()).isEqualTo(cluster.instances().get(i).apiKey());
            }
            assertThat(again.adminToken()).isEqualTo(cluster.adminToken());
        }
    }

    @Test
    void differentSeedGivesDifferentData() {
        try (SimulatorCluster other = SimulatorCluster.start(options(43).build())) {
            assertThat(dump(other.instances().get(0).store())).isNotEqualTo(dump(cluster.instances().get(0).store()));
            assertThat(other.instances().get(0).apiKey()).isNotEqualTo(cluster.instances().get(0).apiKey());
        }
    }

    @Test
    void organisationsAndKeysAreDistinct() {
        assertThat(cluster.instances()).extracting(SimulatedMisp::name).containsExactly("org-a", "org-b", "org-c");
        assertThat(cluster.instances().stream().map(SimulatedMisp::apiKey).distinct()).hasSize(3);
        assertThat(cluster.instances().stream().map(m -> m.organisation().uuid()).distinct()).hasSize(3);
        assertThat(cluster.instances()).allSatisfy(m -> assertThat(m.apiKey()).matches("[A-Za-z0-9]{40}"));
    }

    @Test
    void sharedValuesAppearAtSeveralOrganisationsWithOwnUuids() {
        MispStore a = cluster.instance("org-a").store();
        MispStore b = cluster.instance("org-b").store();
        Map<String, UUID> aValues = new HashMap<>();
        Set<UUID> aUuids = new HashSet<>();
        for (int at = 0; at < a.attributeCount(); at++) {
            aValues.putIfAbsent(a.attributeValue(at), a.attributeUuid(at));
            aUuids.add(a.attributeUuid(at));
        }
        int sharedWithOwnUuid = 0;
        for (int at = 0; at < b.attributeCount(); at++) {
            if (aValues.containsKey(b.attributeValue(at)) && !aUuids.contains(b.attributeUuid(at))) {
                sharedWithOwnUuid++;
            }
        }
        assertThat(sharedWithOwnUuid).isGreaterThan(10);
    }

    @Test
    void synchronisedCopiesKeepUuidsAndCreator() {
        int copies = 0;
        for (int i = 0; i < 3; i++) {
            MispStore from = cluster.instances().get(i).store();
            MispStore to = cluster.instances().get((i + 1) % 3).store();
            for (int ev = 0; ev < to.eventCount(); ev++) {
                if (to.organisations().get(to.eventOrgc(ev)).equals(from.owner())) {
                    Integer original = from.eventIndexOf(to.eventUuid(ev));
                    assertThat(original).isNotNull();
                    assertThat(to.attributeUuid(to.eventFirstAttribute(ev)))
                            .isEqualTo(from.attributeUuid(from.eventFirstAttribute(original)));
                    assertThat(to.eventInfo(ev)).isEqualTo(from.eventInfo(original));
                    copies++;
                }
            }
        }
        assertThat(copies).isGreaterThan(3);
    }

    @Test
    void dataLooksLikeAllianceMisp() {
        MispStore a = cluster.instance("org-a").store();
        Set<String> tags = new HashSet<>();
        for (int t = 0; t < a.tags().size(); t++) {
            tags.add(a.tags().name(t).toLowerCase());
        }
        assertThat(tags).contains("tlp:red", "tlp:green", "tlp:amber", "pap:red");
        Set<String> types = new HashSet<>();
        boolean japanese = false;
        for (int at = 0; at < a.attributeCount(); at++) {
            types.add(a.attributeType(at));
        }
        for (int ev = 0; ev < a.eventCount(); ev++) {
            japanese |= a.eventInfo(ev).codePoints()
                    .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN
                            || Character.UnicodeScript.of(c) == Character.UnicodeScript.KATAKANA);
        }
        assertThat(japanese).isTrue();
        assertThat(types).contains("ip-src", "ip-dst", "domain", "hostname", "url", "email-src", "md5", "sha1",
                "sha256", "filename");
        assertThat(a.eventCount()).isGreaterThanOrEqualTo(60);
        for (int ev = 0; ev < a.eventCount(); ev++) {
            assertThat(a.eventTimestamp(ev)).isLessThanOrEqualTo(REFERENCE);
        }
    }

    @Test
    void wellKnownValuesAreWhereTheySayOverHttp() {
        List<WellKnownValue> known = cluster.wellKnownValues();
        assertThat(known).extracting(WellKnownValue::label).containsExactly("shared-ip", "shared-domain",
                "shared-sha256", "red-only");
        for (WellKnownValue v : known) {
            List<String> holders = new ArrayList<>();
            for (SimulatedMisp misp : cluster.instances()) {
                if (!Http.post(misp, "/attributes/restSearch", Http.MAPPER.createObjectNode().put("value", v.value()))
                        .attributes().isEmpty()) {
                    holders.add(misp.name());
                }
            }
            assertThat(holders).as(v.label()).containsExactlyElementsOf(v.organisations());
        }
        assertThat(known.get(1).organisations()).hasSize(3);
        assertThat(known.get(0).organisations()).containsExactly("org-a", "org-b");
    }

    @Test
    void sharedDomainAtOrgCIsASynchronisedCopyOfOrgA() {
        String body = "{\"value\":\"" + DataGenerator.SHARED_DOMAIN + "\",\"includeContext\":1}";
        JsonNode atA = Http.post(cluster.instance("org-a"), "/attributes/restSearch", body).attributes().get(0);
        JsonNode atB = Http.post(cluster.instance("org-b"), "/attributes/restSearch", body).attributes().get(0);
        JsonNode atC = Http.post(cluster.instance("org-c"), "/attributes/restSearch", body).attributes().get(0);
        assertThat(atC.get("uuid").asText()).isEqualTo(atA.get("uuid").asText());
        assertThat(atC.get("Event").get("uuid").asText()).isEqualTo(atA.get("Event").get("uuid").asText());
        assertThat(atC.get("Event").get("Orgc").get("name").asText()).isEqualTo("org-a");
        assertThat(atB.get("uuid").asText()).isNotEqualTo(atA.get("uuid").asText());
        assertThat(atB.get("Event").get("Orgc").get("name").asText()).isEqualTo("org-b");
    }

    @Test
    void redOnlyValueSitsInATlpRedEvent() {
        JsonNode a = Http.post(cluster.instance("org-a"), "/attributes/restSearch",
                "{\"value\":\"" + DataGenerator.RED_ONLY_IP + "\",\"includeEventTags\":1}").attributes().get(0);
        List<String> tagNames = new ArrayList<>();
        a.get("Tag").forEach(t -> tagNames.add(t.get("name").asText()));
        assertThat(tagNames).contains("tlp:red", "PAP:RED");
    }
}
