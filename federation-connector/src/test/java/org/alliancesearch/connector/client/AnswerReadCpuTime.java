package org.alliancesearch.connector.client;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.alliancesearch.model.misp.MispAttribute;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.buffer.Buffer;

/**
 * CPU time of the reading thread for one member's answer read by {@link AttributeStreamSink}, with and without passing
 * over what repeats from record to record (event contexts, tag lists, runs of scalar fields). The answer has the shape
 * MISP gives with {@code includeContext} and {@code includeEventTags} (the bench's records: 1,110 bytes each), a new
 * event every {@code read.run} attributes (default 50), and is fed in the 16 KB pieces the connector's inflater hands
 * over. The two ways run alternately; prints the median CPU time and allocated bytes per attribute after warm-up
 * ({@code read.warmups}, default 20; {@code read.runs}, default 30), and the load average before and after.
 *
 * <p>
 * Run: {@code mvn -o -B -pl federation-connector test-compile exec:exec@answer-read-cputime}.
 */
public final class AnswerReadCpuTime {
    private static final int ATTRIBUTES = 20_000;

    private AnswerReadCpuTime() {
    }

    public static void main(String[] args) {
        int warmups = Integer.getInteger("read.warmups", 20);
        int runs = Integer.getInteger("read.runs", 30);
        int run = Integer.getInteger("read.run", 50);
        // Only the way that passes over repeats (for a profile of it alone).
        boolean passedOnly = Boolean.getBoolean("read.passed-only");
        byte[] answer = answer(run).getBytes(StandardCharsets.UTF_8);
        ObjectMapper mapper = new ObjectMapper();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        // The same build reads slower in some periods of the machine than in others (docs/benchmarks.md, tenth round):
        // the load average at least shows what else ran.
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        long[][] cpu = new long[2][runs];
        long[][] allocated = new long[2][runs];
        com.sun.management.ThreadMXBean allocation = (com.sun.management.ThreadMXBean) threads;
        long passed = 0;
        // The last page each way read: both must be the same records, or the figures compare different work.
        List<MispAttribute> everyByte = null;
        List<MispAttribute> passing = null;
        for (int i = -warmups; i < runs; i++) {
            for (int way = passedOnly ? 1 : 0; way < 2; way++) {
                long bytes0 = allocation.getCurrentThreadAllocatedBytes();
                long cpu0 = threads.getCurrentThreadCpuTime();
                AttributeStreamSink sink = new AttributeStreamSink(mapper, Long.MAX_VALUE, Integer.MAX_VALUE,
                        ReadBudget.unlimited(), StringCaps.none(), way == 1);
                for (int at = 0; at < answer.length; at += Gunzip.STEP) {
                    sink.write(
                            Buffer.buffer(Arrays.copyOfRange(answer, at, Math.min(answer.length, at + Gunzip.STEP))));
                }
                sink.finish();
                List<MispAttribute> read = sink.result(0).attributes();
                if (read.size() != ATTRIBUTES) {
                    throw new IllegalStateException("not every attribute was read");
                }
                long cpu1 = threads.getCurrentThreadCpuTime();
                long bytes1 = allocation.getCurrentThreadAllocatedBytes();
                if (i >= 0) {
                    cpu[way][i] = cpu1 - cpu0;
                    allocated[way][i] = bytes1 - bytes0;
                }
                if (way == 1) {
                    passed = sink.passedBytes();
                    passing = read;
                } else {
                    everyByte = read;
                }
            }
        }
        if (everyByte != null && !everyByte.equals(passing)) {
            throw new IllegalStateException("passing over repeats read other records than reading every byte");
        }
        System.out.printf("%d attributes, %d bytes, a new event every %d; passed over: %d bytes%n", ATTRIBUTES,
                answer.length, run, passed);
        System.out.printf("load average %.2f before, %.2f after (%d processors)%n", loadBefore,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
        if (!passedOnly) {
            System.out.printf("every byte read:   median reading-thread CPU %5d ns/attribute%n",
                    median(cpu[0]) / ATTRIBUTES);
            System.out.printf("every byte read:   median allocated %5d bytes/attribute%n",
                    median(allocated[0]) / ATTRIBUTES);
        }
        System.out.printf("repeats passed:    median reading-thread CPU %5d ns/attribute%n",
                median(cpu[1]) / ATTRIBUTES);
        System.out.printf("repeats passed:    median allocated %5d bytes/attribute%n",
                median(allocated[1]) / ATTRIBUTES);
    }

    private static String answer(int run) {
        StringBuilder json = new StringBuilder("{\"response\":{\"Attribute\":[");
        for (int i = 0; i < ATTRIBUTES; i++) {
            int event = i / run;
            json.append(i == 0 ? "" : ",").append("{\"id\":\"").append(i + 1).append("\",\"event_id\":\"")
                    .append(event + 1).append("\",\"object_id\":\"0\",\"object_relation\":null,")
                    .append("\"category\":\"Network activity\",\"type\":\"domain\",\"to_ids\":true,\"uuid\":\"")
                    .append(new UUID(7, i)).append("\",\"timestamp\":\"1796511600\",\"distribution\":\"5\",")
                    .append("\"sharing_group_id\":\"0\",\"comment\":\"\",\"deleted\":false,")
                    .append("\"disable_correlation\":false,\"first_seen\":null,\"last_seen\":null,")
                    .append("\"value\":\"bulk.bench.example\",\"Event\":{\"id\":\"").append(event + 1)
                    .append("\",\"orgc_id\":\"1\",\"org_id\":\"1\",\"date\":\"2026-12-05\",\"threat_level_id\":\"2\",")
                    .append("\"info\":\"Planted domain bulk.bench.example (").append(event + 1)
                    .append(")\",\"published\":true,\"uuid\":\"").append(new UUID(9, event))
                    .append("\",\"attribute_count\":\"1000\",\"analysis\":\"2\",\"timestamp\":\"1796511600\",")
                    .append("\"distribution\":\"1\",\"proposal_email_lock\":false,\"locked\":false,")
                    .append("\"publish_timestamp\":\"1796511600\",\"sharing_group_id\":\"0\",")
                    .append("\"disable_correlation\":false,\"extends_uuid\":\"\",\"Orgc\":{\"id\":\"1\",")
                    .append("\"name\":\"org-a\",\"uuid\":\"2833c244-50e2-38b4-887a-f9a82778a788\",\"local\":true},")
                    .append("\"Tag\":[{\"id\":\"1\",\"name\":\"tlp:green\",\"colour\":\"#339900\",")
                    .append("\"numerical_value\":null,\"is_galaxy\":false,\"local\":0}]},\"Tag\":[{\"id\":\"1\",")
                    .append("\"name\":\"tlp:green\",\"colour\":\"#339900\",\"numerical_value\":null,")
                    .append("\"is_galaxy\":false,\"local\":0,\"inherited\":1}]}");
        }
        return json.append("]}}").toString();
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
