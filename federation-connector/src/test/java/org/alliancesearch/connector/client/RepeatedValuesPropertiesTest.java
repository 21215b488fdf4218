package org.alliancesearch.connector.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

import org.alliancesearch.connector.support.MispFixtures;

import io.vertx.core.buffer.Buffer;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Passing over an event context, a tag list or a run of scalar fields that repeats the last record's byte for byte
 * must give exactly what reading every byte gives: for answers whose records repeat, nearly repeat (one byte apart,
 * a longer number, other spacing, other key order, a field added, removed or moved, the bytes a passing over leaves
 * behind), repeat keys, or put other values where the event, the tags and the scalars belong, in any cutting into
 * pieces, plain or gzip, with and without caps on the strings.
 */
class RepeatedValuesPropertiesTest {

    private static final String[] EVENTS = {
            "{\"id\":\"9\",\"orgc_id\":\"1\",\"info\":\"Planted A\",\"date\":\"2026-12-05\",\"threat_level_id\":\"2\","
                    + "\"published\":true,\"uuid\":\"70797b90-2abc-327f-b952-6a300421db19\",\"timestamp\":\"1796511600\","
                    + "\"distribution\":\"1\",\"Orgc\":{\"id\":\"1\",\"name\":\"org-a\","
                    + "\"uuid\":\"2833c244-50e2-38b4-887a-f9a82778a788\"},\"Tag\":[{\"id\":\"1\",\"name\":\"tlp:green\"}]}",
            // One byte apart from the first.
            "{\"id\":\"9\",\"orgc_id\":\"1\",\"info\":\"Planted B\",\"date\":\"2026-12-05\",\"threat_level_id\":\"2\","
                    + "\"published\":true,\"uuid\":\"70797b90-2abc-327f-b952-6a300421db19\",\"timestamp\":\"1796511600\","
                    + "\"distribution\":\"1\",\"Orgc\":{\"id\":\"1\",\"name\":\"org-a\","
                    + "\"uuid\":\"2833c244-50e2-38b4-887a-f9a82778a788\"},\"Tag\":[{\"id\":\"1\",\"name\":\"tlp:green\"}]}",
            // Another organisation claimed, a long info (cut by the caps), an Org, tags as strings and numbers.
            "{\"id\":\"10\",\"info\":\"" + "x".repeat(300) + "\",\"uuid\":\"0c9a7a3e-54ce-4c8b-9a56-9b0b8a1c2d3e\","
                    + "\"Orgc\":{\"name\":\"org-b-with-a-long-name-" + "y".repeat(80)
                    + "\",\"uuid\":\"11111111-2222-3333"
                    + "-4444-555555555555\"},\"Org\":{\"name\":\"org-c\"},\"Tag\":[\"tlp:amber\",7,null,{\"name\":\"pap:red\"},"
                    + "{\"name\":\"" + "w".repeat(50) + "\"}]}",
            // Duplicate keys inside, nested Event and Tag keys (not at the attribute's level), an empty object.
            "{\"id\":\"1\",\"id\":\"2\",\"Orgc\":{\"Event\":{\"x\":1},\"name\":\"o\"},\"Tag\":[],\"Tag\":[{\"name\":\"t\"}]}",
            "{}",
            // Only one string cut each: an event tag, the owner organisation's name.
            "{\"id\":\"11\",\"Tag\":[{\"name\":\"" + "w".repeat(50) + "\"}]}",
            "{\"id\":\"12\",\"Org\":{\"name\":\"" + "o".repeat(60) + "\"}}",
            "{ \"id\" : \"9\" , \"info\" : \"spaced\\u0041\\n\" }",
    };
    private static final String[] NOT_OBJECTS = {"null", "[]", "[{\"id\":\"9\"}]", "5", "\"text\"", "true"};
    private static final String[] TAG_LISTS = {
            "[{\"id\":\"1\",\"name\":\"tlp:green\",\"colour\":\"#339900\",\"inherited\":1}]",
            "[{\"id\":\"1\",\"name\":\"tlp:green\",\"colour\":\"#339900\",\"inherited\":0}]",
            "[{\"name\":\"tlp:green\",\"inherited\":1},{\"name\":\"" + "z".repeat(120) + "\"}]",
            "[\"a\",1,null,[],{\"name\":null}]",
            "[]",
            "{\"name\":\"not a list\"}",
            "\"tlp:red\"",
    };

    @Property(tries = 1500)
    void passingOverRepeatsReadsWhatReadingEveryByteReads(@ForAll long seed, @ForAll boolean gzip,
            @ForAll boolean capped, @ForAll @IntRange(min = 1, max = 4096) int maxPiece) throws IOException {
        Random random = new Random(seed);
        byte[] answer = answer(random).getBytes(StandardCharsets.UTF_8);
        byte[] sent = gzip ? gzip(answer) : answer;
        List<Integer> cuts = new ArrayList<>();
        for (int at = 0; at < sent.length;) {
            at = Math.min(sent.length, at + 1 + random.nextInt(maxPiece));
            cuts.add(at);
        }
        StringCaps caps = capped ? new StringCaps(40, 20, 100, 30, 40) : StringCaps.none();

        PageResult everyByte = read(sent, cuts, gzip, caps, false).result(0);
        PageResult passed = read(sent, cuts, gzip, caps, true).result(0);

        assertThat(passed.cut()).isEqualTo(everyByte.cut());
        assertThat(passed.records()).isEqualTo(everyByte.records());
        assertThat(passed.skipped()).isEqualTo(everyByte.skipped());
        assertThat(passed.truncated()).isEqualTo(everyByte.truncated());
        assertThat(passed.attributes()).isEqualTo(everyByte.attributes());
    }

    private static AttributeStreamSink read(byte[] sent, List<Integer> cuts, boolean gzip, StringCaps caps,
            boolean passRepeats) {
        AttributeStreamSink sink = new AttributeStreamSink(MispFixtures.MAPPER, Long.MAX_VALUE, Integer.MAX_VALUE,
                ReadBudget.unlimited(), caps, passRepeats);
        if (gzip) {
            sink.gzip();
        }
        int from = 0;
        for (int to : cuts) {
            sink.write(Buffer.buffer(Arrays.copyOfRange(sent, from, to)));
            from = to;
        }
        sink.finish();
        return sink;
    }

    /** An answer whose records mostly repeat the last one's event and tags, and sometimes do not quite. */
    static String answer(Random random) {
        StringBuilder json = new StringBuilder("{\"response\":{\"Attribute\":[");
        int records = random.nextInt(40);
        List<String> scalars = new ArrayList<>();
        List<String> eventFields = new ArrayList<>();
        String event = pick(random, EVENTS);
        String tags = pick(random, TAG_LISTS);
        // The next record's event context as the passing over of this one's runs would leave it (malformed), or null.
        String forgedNext = null;
        for (int i = 0; i < records; i++) {
            String forged = forgedNext;
            forgedNext = null;
            int eventChange = random.nextInt(6);
            if (eventChange == 0) {
                event = random.nextInt(4) == 0 ? pick(random, NOT_OBJECTS) : pick(random, EVENTS);
            } else if (eventChange == 1) {
                // Another event context that shares most of its fields with the last one made so.
                List<String> before = eventFields;
                boolean wasBefore = event.equals("{" + String.join(",", before) + "}");
                eventFields = nextFields(random, eventFields, i, FIRST_EVENT_NAMES, EVENT_NAMES, EVENT_VALUES);
                event = "{" + String.join(",", eventFields) + "}";
                if (wasBefore && random.nextInt(6) == 0) {
                    forgedNext = leftByRuns(before, eventFields);
                }
            }
            if (random.nextInt(6) == 0) {
                tags = pick(random, TAG_LISTS);
            }
            if (i > 0) {
                json.append(',');
            }
            if (random.nextInt(30) == 0) {
                // Not an object: counted, not read.
                json.append(pick(random, NOT_OBJECTS));
                continue;
            }
            json.append("{\"id\":\"").append(i).append("\",\"uuid\":\"").append(new java.util.UUID(seedOf(random), i))
                    .append('"');
            scalars = nextFields(random, scalars, i, FIRST_SCALAR_NAMES, SCALAR_NAMES, SCALAR_VALUES);
            for (String f : scalars) {
                json.append(',').append(f);
            }
            List<String> rest = new ArrayList<>();
            // Now and then (malformed) the bytes a passing over leaves where a value it passed ends.
            rest.add(field(random, "Event", forged != null
                    ? forged
                    : random.nextInt(20) == 0 ? leftByAPassing(random, event) : event));
            rest.add(field(random, "Tag", tags));
            if (random.nextInt(8) == 0) {
                // A repeated key: the last one counts.
                rest.add(field(random, "Event", pick(random, EVENTS)));
            }
            if (random.nextInt(8) == 0) {
                rest.add(field(random, "Tag", pick(random, TAG_LISTS)));
            }
            if (random.nextInt(5) == 0) {
                java.util.Collections.shuffle(rest, random);
            }
            if (random.nextInt(10) == 0) {
                rest.remove(random.nextInt(rest.size()));
            }
            for (String f : rest) {
                json.append(',').append(f);
            }
            json.append(random.nextInt(10) == 0 ? ",\"comment\":\"" + "c".repeat(random.nextInt(40)) + "\"}" : "}");
        }
        json.append("]}}");
        if (random.nextInt(20) == 0) {
            // Cut short: malformed at the end.
            return json.substring(0, random.nextInt(json.length() + 1));
        }
        return json.toString();
    }

    /**
     * The value with the bytes passings over leave in place (malformed): ":{}" over the three bytes before its own end,
     * or before some of its fields' ends (one of them nested) and its own.
     */
    private static String leftByAPassing(Random random, String value) {
        List<Integer> ends = new ArrayList<>();
        for (int at = value.indexOf(",\"", 3); at >= 0; at = value.indexOf(",\"", at + 1)) {
            ends.add(at);
        }
        ends.add(value.length() - 1);
        ends.add(value.length());
        StringBuilder left = new StringBuilder(value);
        // Half of the time only its end, where a passing over of the whole value leaves them.
        boolean onlyTheEnd = random.nextBoolean();
        int first = onlyTheEnd ? ends.size() - 1 : random.nextInt(ends.size());
        for (int i = 0; i < ends.size(); i++) {
            int end = ends.get(i);
            if (end >= 3 && (i == first || !onlyTheEnd && random.nextInt(3) == 0)) {
                left.replace(end - 3, end, ":{}");
            }
        }
        return left.toString();
    }

    /**
     * The event context {@code now} with the bytes a passing over leaves (":{}") over the last three of each run it
     * shares with {@code before}: fields one after another whose bytes from after the name on are those that followed
     * the same name there. Null when it shares none: a member that sends this after {@code now} must be read in full,
     * not taken for a repeat of what the passing over left in {@code now}'s bytes.
     */
    static String leftByRuns(List<String> before, List<String> now) {
        StringBuilder left = new StringBuilder("{");
        boolean any = false;
        for (int i = 0; i < now.size();) {
            int j = indexOfName(before, name(now.get(i)));
            int length = 0;
            while (j >= 0 && i + length < now.size() && j + length < before.size()
                    && now.get(i + length).equals(before.get(j + length))) {
                length++;
            }
            if (length == 0) {
                left.append(i > 0 ? "," : "").append(now.get(i));
                i++;
                continue;
            }
            String run = String.join(",", now.subList(i, i + length));
            String name = "\"" + name(now.get(i)) + "\"";
            if (run.length() - name.length() >= 12) {
                run = run.substring(0, run.length() - 3) + ":{}";
                any = true;
            }
            left.append(i > 0 ? "," : "").append(run);
            i += length;
        }
        return any ? left.append('}').toString() : null;
    }

    private static int indexOfName(List<String> fields, String name) {
        for (int j = 0; j < fields.size(); j++) {
            if (name(fields.get(j)).equals(name)) {
                return j;
            }
        }
        return -1;
    }

    private static final String[] FIRST_SCALAR_NAMES = {"type", "value", "to_ids", "timestamp", "distribution",
            "comment"};
    private static final String[] FIRST_EVENT_NAMES = {"id", "orgc_id", "date", "info", "uuid", "timestamp",
            "distribution", "Orgc", "Tag"};
    private static final String[] EVENT_NAMES = {"id", "orgc_id", "info", "date", "threat_level_id", "published",
            "uuid", "timestamp", "distribution", "Orgc", "Org", "Tag", "unknown_field", "Event", "\\u0069nfo"};
    private static final String[] EVENT_VALUES = {"\"9\"", "\"10\"", "\"Planted A\"", "\"2026-12-05\"", "\"2\"", "true",
            "1", "5.5", "null", "\"1796511600\"", "\"70797b90-2abc-327f-b952-6a300421db19\"", "7 ", "\"\"",
            "{\"id\":\"1\",\"name\":\"org-a\",\"uuid\":\"2833c244-50e2-38b4-887a-f9a82778a788\"}",
            "{\"name\":\"org-b\"}",
            "{\"name\":\"" + "o".repeat(60) + "\",\"name\":\"org-c\"}", "[{\"name\":\"tlp:green\"}]",
            "[{\"name\":\"tlp:amber\"},\"pap:red\"]", "[]", "{}", "[1]"};

    /**
     * The fields of the next record (or event context): mostly the last one's, byte for byte, with now and then one
     * changed, added, removed, moved, written twice or spaced otherwise, a number made longer, or a structure or one of
     * the reader's structures' names in a scalar's place.
     */
    private static List<String> nextFields(Random random, List<String> last, int record, String[] first,
            String[] names, String[] values) {
        List<String> next = new ArrayList<>(last);
        if (next.isEmpty()) {
            for (String name : first) {
                next.add(field(random, name, pick(random, values)));
            }
        }
        int changes = random.nextInt(4) == 0 ? 1 + random.nextInt(3) : 0;
        for (int c = 0; c < changes; c++) {
            int at = random.nextInt(next.size());
            switch (random.nextInt(7)) {
                case 0 -> next.set(at, field(random, name(next.get(at)), pick(random, values)));
                case 1 -> next.add(at, field(random, pick(random, names), pick(random, values)));
                case 2 -> next.remove(at);
                case 3 -> next.add(random.nextInt(next.size() + 1), next.get(at));
                case 4 -> next.set(at, field(random, name(next.get(at)), "\"v" + record + "\""));
                case 5 -> next.set(at, next.get(at).replaceFirst("([0-9])", "$1$1"));
                default -> java.util.Collections.swap(next, at, random.nextInt(next.size()));
            }
            if (next.isEmpty()) {
                next.add(field(random, "value", "\"same.example\""));
            }
        }
        return next;
    }

    private static String name(String field) {
        return field.substring(1, field.indexOf('"', 1));
    }

    private static final String[] SCALAR_NAMES = {"id", "event_id", "object_id", "object_relation", "category", "type",
            "value", "to_ids", "uuid", "timestamp", "first_seen", "last_seen", "distribution", "sharing_group_id",
            "comment", "deleted", "unknown_field", "Tag", "Event", "Sighting", "\\u0074ype"};
    private static final String[] SCALAR_VALUES = {"\"domain\"", "\"ip-dst\"", "\"Network activity\"",
            "\"same.example\"", "\"same.example.\"", "\"0\"", "\"5\"", "5", "55", "5.5", "-1", "1e3",
            "12345678901234567890",
            "true", "false", "null", "5.5e3 ", "7 ", "true\n", "\"\"", "\"1796511600\"", "\"2026-12-05T10:00:00Z\"",
            "\"\\u0041bc\\n\"",
            "{}", "[1]", "{\"a\":\"b\"}", "\"" + "long".repeat(30) + "\""};

    private static String field(Random random, String name, String value) {
        return switch (random.nextInt(12)) {
            case 0 -> "\"" + name + "\" :" + value;
            case 1 -> "\"" + name + "\": " + value;
            default -> "\"" + name + "\":" + value;
        };
    }

    private static long seedOf(Random random) {
        return random.nextInt(2);
    }

    private static String pick(Random random, String[] from) {
        return from[random.nextInt(from.length)];
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(bytes);
        }
        return out.toByteArray();
    }
}
