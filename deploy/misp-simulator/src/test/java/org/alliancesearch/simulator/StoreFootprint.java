package org.alliancesearch.simulator;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.SplittableRandom;

import org.alliancesearch.simulator.data.DataGenerator;
import org.alliancesearch.simulator.search.RestSearchFilter;
import org.alliancesearch.simulator.search.SearchEngine;
import org.alliancesearch.simulator.store.MispStore;
import org.alliancesearch.simulator.store.Organisation;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Benchmark, not a test: heap per attribute and exact-value search time for one instance with N attributes (default
 * 1,000,000). Run as documented in docs/simulator.md.
 */
public final class StoreFootprint {
    private StoreFootprint() {
    }

    public static void main(String[] args) throws Exception {
        int attributes = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        long before = usedHeap();
        MispStore store = new MispStore(new Organisation("org-a", SimulatorCluster.organisationUuid("org-a")));
        long t0 = System.nanoTime();
        DataGenerator.generate(new DataGenerator.Settings(42, attributes / 100, 100, 0.1, 0, 1_790_000_000L),
                List.of(store));
        long genMillis = (System.nanoTime() - t0) / 1_000_000;
        long after = usedHeap();
        System.out.printf("attributes=%d events=%d generate=%d ms heap=%d MB (%.0f bytes/attribute)%n",
                store.attributeCount(), store.eventCount(), genMillis, (after - before) >> 20,
                (after - before) / (double) store.attributeCount());

        SearchEngine engine = new SearchEngine(store);
        SplittableRandom r = new SplittableRandom(3);
        int queries = 20_000;
        for (int round = 1; round <= 2; round++) {
            RestSearchFilter[] requests = new RestSearchFilter[queries];
            for (int i = 0; i < queries; i++) {
                ObjectNode body = Http.MAPPER.createObjectNode().put("value",
                        store.attributeValue(r.nextInt(store.attributeCount())).split("\\|")[0]);
                requests[i] = RestSearchFilter.parse(body, 0);
            }
            long hits = 0;
            t0 = System.nanoTime();
            for (RestSearchFilter request : requests) {
                hits += engine.attributes(request).length;
            }
            System.out.printf("engine exact-value search, round %d: %.1f us/query (%d queries, %d hits)%n", round,
                    (System.nanoTime() - t0) / 1000.0 / queries, queries, hits);
        }

        try (SimulatorCluster cluster = SimulatorCluster.start(SimulatorOptions.builder().instances(1)
                .events(attributes / 100).attributesPerEvent(100).referenceEpochSecond(1_790_000_000L).build())) {
            SimulatedMisp misp = cluster.instances().get(0);
            MispStore s = misp.store();
            int httpQueries = 2000;
            long[] times = new long[httpQueries];
            for (int i = 0; i < httpQueries; i++) {
                String v = s.attributeValue(r.nextInt(s.attributeCount())).split("\\|")[0];
                long q0 = System.nanoTime();
                Http.Reply reply = Http.send(HttpRequest.newBuilder(URI.create(misp.url() + "/attributes/restSearch"))
                        .header("Authorization", misp.apiKey()).POST(HttpRequest.BodyPublishers.ofString(
                                Http.MAPPER.createObjectNode().put("value", v).put("limit", 100).toString())));
                times[i] = System.nanoTime() - q0;
                if (reply.status() != 200) {
                    throw new IllegalStateException("status " + reply.status());
                }
            }
            java.util.Arrays.sort(times);
            System.out.printf("HTTP exact-value search (cluster of %d attributes): p50=%.2f ms p99=%.2f ms%n",
                    s.attributeCount(), times[httpQueries / 2] / 1e6, times[httpQueries * 99 / 100] / 1e6);
        }
    }

    private static long usedHeap() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
