package org.alliancesearch.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.alliancesearch.simulator.data.DataGenerator;
import org.alliancesearch.simulator.search.RestSearchFilter;
import org.alliancesearch.simulator.search.SearchEngine;
import org.alliancesearch.simulator.store.Ipv6;
import org.alliancesearch.simulator.store.MispStore;
import org.alliancesearch.simulator.store.Organisation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The value index over 200,000 generated attributes agrees with a plain scan. */
class ValueIndexTest {
    static MispStore store;

    @BeforeAll
    static void fill() {
        store = new MispStore(new Organisation("org-a", SimulatorCluster.organisationUuid("org-a")));
        DataGenerator.generate(new DataGenerator.Settings(7, 2000, 100, 0.1, 0, 1_790_000_000L), List.of(store));
    }

    /** What MISP would match: whole value, or either half of a composite value, ignoring case. */
    static List<Integer> scan(String key) {
        List<Integer> out = new ArrayList<>();
        for (int at = 0; at < store.attributeCount(); at++) {
            String v = store.attributeValue(at);
            boolean hit = v.equalsIgnoreCase(key);
            if (!hit && store.attributeType(at).contains("|")) {
                String[] halves = v.split("\\|", 2);
                hit = halves[0].equalsIgnoreCase(key) || halves.length > 1 && halves[1].equalsIgnoreCase(key);
            }
            if (hit && !store.attributeFlag(at, MispStore.DELETED)) {
                out.add(at);
            }
        }
        return out;
    }

    @Test
    void indexedSearchEqualsFullScan() {
        assertThat(store.attributeCount()).isGreaterThanOrEqualTo(200_000);
        SearchEngine engine = new SearchEngine(store);
        SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < 150; i++) {
            int at = r.nextInt(store.attributeCount());
            String v = store.attributeValue(at);
            String key = store.attributeType(at).contains("|") ? v.split("\\|", 2)[r.nextInt(2)] : v;
            key = i % 3 == 0 ? key.toUpperCase(Locale.ROOT) : key;
            ObjectNode body = Http.MAPPER.createObjectNode().put("value", key);
            int[] found = engine.attributes(RestSearchFilter.parse(body, 0));
            assertThat(java.util.Arrays.stream(found).boxed().toList()).as(key).containsExactlyElementsOf(scan(key));
        }
    }

    @Test
    void indexHoldsBothHalvesOfCompositeValues() {
        int composite = 0;
        for (int at = 0; at < store.attributeCount(); at++) {
            if (store.attributeComposite(at)) {
                composite++;
            }
        }
        assertThat(composite).isPositive();
        assertThat(store.valueIndex().size()).isEqualTo(store.attributeCount() + composite);
        List<Integer> hits = new ArrayList<>();
        store.valueIndex().lookup(store, DataGenerator.SHARED_IP, hits::add);
        assertThat(hits).isNotEmpty().allSatisfy(at -> assertThat(store.attributeValue(at)).contains(
                DataGenerator.SHARED_IP));
        List<Integer> none = new ArrayList<>();
        store.valueIndex().lookup(store, "no-such-value.invalid", none::add);
        assertThat(none).isEmpty();
    }

    @Test
    void ipv6Compression() {
        assertThat(Ipv6.compress("2001:0db8:0000:0000:0000:0000:0000:0001")).isEqualTo("2001:db8::1");
        assertThat(Ipv6.compress("2001:DB8:0:0:1:0:0:1")).isEqualTo("2001:db8::1:0:0:1");
        assertThat(Ipv6.compress("fe80:0:0:0:0:0:0:0/64")).isEqualTo("fe80::/64");
        assertThat(Ipv6.compress("10.0.0.1")).isEqualTo("10.0.0.1");
        assertThat(Ipv6.compress("not:an:address")).isEqualTo("not:an:address");
    }
}
