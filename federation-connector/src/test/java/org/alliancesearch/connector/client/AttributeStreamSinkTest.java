package org.alliancesearch.connector.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.alliancesearch.connector.client.PageResult.Cut;
import org.alliancesearch.connector.support.MispFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vertx.core.buffer.Buffer;

class AttributeStreamSinkTest {

    private static PageResult feed(String json, int chunk, long maxBytes, int maxRecords) {
        AttributeStreamSink sink = new AttributeStreamSink(MispFixtures.MAPPER, maxBytes, maxRecords);
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length && sink.cut() == Cut.NONE; i += chunk) {
            sink.write(Buffer.buffer(java.util.Arrays.copyOfRange(bytes, i, Math.min(bytes.length, i + chunk))));
        }
        sink.finish();
        return sink.result(0);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 4096, 1 << 20})
    void readsRealMispAttributesWhateverTheChunking(int chunk) {
        List<ObjectNode> attributes = MispFixtures.existingEventAttributes();
        PageResult page = feed(MispFixtures.response(attributes), chunk, Long.MAX_VALUE, Integer.MAX_VALUE);

        assertThat(page.cut()).isEqualTo(Cut.NONE);
        assertThat(page.records()).isEqualTo(attributes.size());
        assertThat(page.attributes()).hasSize(attributes.size());
        assertThat(page.attributes().get(attributes.size() - 1).uuid())
                .isEqualTo(attributes.get(attributes.size() - 1).get("uuid").asText());
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void chunksOfChangingSizesReadAsTheWholeAnswer(boolean gzip) throws java.io.IOException {
        // The sink copies each chunk into one array it reuses: a small chunk after a large one must not read the
        // large one's leftover bytes, and a larger one must not be cut to the array it had.
        List<ObjectNode> attributes = MispFixtures.existingEventAttributes();
        byte[] bytes = MispFixtures.response(attributes).getBytes(StandardCharsets.UTF_8);
        PageResult whole = feed(MispFixtures.response(attributes), bytes.length, Long.MAX_VALUE, Integer.MAX_VALUE);
        if (gzip) {
            java.io.ByteArrayOutputStream compressed = new java.io.ByteArrayOutputStream();
            try (java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(compressed)) {
                out.write(bytes);
            }
            bytes = compressed.toByteArray();
        }
        java.util.Random random = new java.util.Random(7);
        for (int round = 0; round < 20; round++) {
            AttributeStreamSink sink = new AttributeStreamSink(MispFixtures.MAPPER, Long.MAX_VALUE, Integer.MAX_VALUE);
            if (gzip) {
                sink.gzip();
            }
            int i = 0;
            while (i < bytes.length) {
                int size = 1 + random.nextInt(random.nextBoolean() ? 16 : 2048);
                int end = Math.min(bytes.length, i + size);
                sink.write(Buffer.buffer(java.util.Arrays.copyOfRange(bytes, i, end)));
                i = end;
            }
            sink.finish();
            PageResult page = sink.result(0);
            assertThat(page.cut()).isEqualTo(Cut.NONE);
            assertThat(page.attributes()).isEqualTo(whole.attributes());
        }
    }

    @Test
    void attributesOfOneEventShareOneEventAndTheirRepeatedParts() {
        List<ObjectNode> records = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            records.add(MispFixtures.attribute("aaaaaaaa", i));
        }
        ObjectNode other = MispFixtures.attribute("bbbbbbbb", 3);
        records.add(other);
        PageResult page = feed(MispFixtures.response(records), 5, Long.MAX_VALUE, Integer.MAX_VALUE);

        List<org.alliancesearch.model.misp.MispAttribute> read = page.attributes();
        assertThat(read).hasSize(4);
        // what was read is unchanged
        assertThat(read.get(1).value()).isEqualTo(records.get(1).get("value").asText());
        assertThat(read.get(1).event().info()).isEqualTo("synthetic event aaaaaaaa");
        assertThat(read.get(3).event().uuid()).isEqualTo(other.get("Event").get("uuid").asText());
        // but equal parts are one instance
        assertThat(read.get(1).event()).isSameAs(read.get(0).event());
        assertThat(read.get(2).event()).isSameAs(read.get(0).event());
        assertThat(read.get(3).event()).isNotSameAs(read.get(0).event()).isNotEqualTo(read.get(0).event());
        assertThat(read.get(3).type()).isSameAs(read.get(0).type());
        assertThat(read.get(3).tags()).isSameAs(read.get(0).tags());
        assertThat(read.get(3).timestamp()).isSameAs(read.get(0).timestamp());
        assertThat(read.get(3).event().id()).isSameAs(read.get(0).event().id());
        assertThat(read.get(2).uuid()).isNotEqualTo(read.get(0).uuid());
        assertThat(read.get(2).value()).isNotEqualTo(read.get(0).value());
    }

    @Test
    void aValueRepeatedInAnAnswerIsOneString() {
        ObjectNode first = MispFixtures.attribute("cccccccc", 1);
        ObjectNode second = MispFixtures.attribute("cccccccc", 2).put("value", first.get("value").asText());
        PageResult page = feed(MispFixtures.response(List.of(first, second)), 3, Long.MAX_VALUE, Integer.MAX_VALUE);
        assertThat(page.attributes().get(1).value()).isSameAs(page.attributes().get(0).value());
    }

    @Test
    void isLenientAndSkipsWhatCannotBeRead() {
        String json = "{\"response\":{\"Attribute\":[" //
                + "{\"id\":12,\"type\":\"domain\",\"value\":\"evil.example\",\"to_ids\":\"1\",\"deleted\":0,"
                + "\"Tag\":[{\"name\":\"tlp:green\",\"user_id\":false}],\"extra\":{\"x\":[1,2]}}," //
                + "{\"id\":\"13\",\"comment\":\"no type\"}," //
                + "42," //
                + "{\"id\":\"14\",\"type\":\"ip-dst\",\"value\":\"203.0.113.5\",\"to_ids\":true}" //
                + "]}}";
        PageResult page = feed(json, 5, Long.MAX_VALUE, Integer.MAX_VALUE);

        assertThat(page.records()).isEqualTo(4);
        assertThat(page.skipped()).isEqualTo(2);
        assertThat(page.attributes()).extracting(a -> a.value()).containsExactly("evil.example", "203.0.113.5");
        assertThat(page.attributes().get(0).toIds()).isTrue();
        assertThat(page.attributes().get(0).tags()).extracting(t -> t.name()).containsExactly("tlp:green");
    }

    @Test
    void onlyReadsAttributesUnderResponse() {
        String json = "{\"other\":{\"Attribute\":[{\"type\":\"domain\",\"value\":\"a.example\"}]},"
                + "\"response\":{\"Attribute\":[{\"type\":\"domain\",\"value\":\"b.example\","
                + "\"Event\":{\"Attribute\":[{\"type\":\"domain\",\"value\":\"c.example\"}]}}]}}";
        PageResult page = feed(json, 3, Long.MAX_VALUE, Integer.MAX_VALUE);

        assertThat(page.attributes()).extracting(a -> a.value()).containsExactly("b.example");
    }

    @Test
    void malformedJsonKeepsTheRecordsBefore() {
        String good = MispFixtures.page("m", 0, 4);
        String broken = good.substring(0, good.length() - 3) + ",{\"type\": x-y} ]}}";
        PageResult page = feed(broken, 64, Long.MAX_VALUE, Integer.MAX_VALUE);

        assertThat(page.cut()).isEqualTo(Cut.MALFORMED);
        assertThat(page.attributes()).hasSize(4);
    }

    @Test
    void aTruncatedAnswerIsMalformed() {
        String good = MispFixtures.page("t", 0, 4);
        PageResult page = feed(good.substring(0, good.length() - 40), 64, Long.MAX_VALUE, Integer.MAX_VALUE);

        assertThat(page.cut()).isEqualTo(Cut.MALFORMED);
        assertThat(page.attributes()).hasSize(3);
    }

    @Test
    void theByteCapStopsTheRead() {
        String json = MispFixtures.page("b", 0, 100);
        PageResult page = feed(json, 1000, json.length() / 2, Integer.MAX_VALUE);

        assertThat(page.cut()).isEqualTo(Cut.BYTE_CAP);
        assertThat(page.attributes()).hasSizeBetween(40, 50);
        assertThat(page.cutMessage()).contains("larger than " + json.length() / 2 + " bytes");
    }

    @Test
    void theRecordCapStopsTheReadOnlyWhenMoreCome() {
        String json = MispFixtures.page("r", 0, 10);
        assertThat(feed(json, 100, Long.MAX_VALUE, 10).cut()).isEqualTo(Cut.NONE);
        PageResult capped = feed(json, 100, Long.MAX_VALUE, 6);
        assertThat(capped.cut()).isEqualTo(Cut.RECORD_CAP);
        assertThat(capped.attributes()).hasSize(6);
    }

    @Test
    void emptyAnswerIsMalformedButAnEmptyListIsNot() {
        assertThat(feed("", 10, 100, 10).cut()).isEqualTo(Cut.MALFORMED);
        PageResult empty = feed("{\"response\":{\"Attribute\":[]}}", 10, 100, 10);
        assertThat(empty.cut()).isEqualTo(Cut.NONE);
        assertThat(empty.records()).isZero();
    }

    private static final String EVENT = "{\"id\":\"9\",\"info\":\"Planted A\",\"uuid\":\"70797b90-2abc-327f-b952-6a300421db19\","
            + "\"Orgc\":{\"name\":\"org-a\",\"uuid\":\"2833c244-50e2-38b4-887a-f9a82778a788\"},\"Tag\":[{\"name\":\"tlp:green\"}]}";
    private static final String TAGS = "[{\"name\":\"tlp:green\",\"inherited\":1},{\"name\":\"pap:white\"}]";
    /** What follows the name {@code uuid} in {@link #EVENT}, up to its closing brace. */
    private static final String FROM_THE_EVENTS_UUID = EVENT.substring(
            EVENT.indexOf("\"uuid\"") + "\"uuid\"".length(), EVENT.length() - 1);
    /** What follows the name of the first field that repeats in every record of {@link #records}. */
    private static final String RUN = ":\"domain\",\"value\":\"same.example\"";

    private static String records(int count, java.util.function.IntFunction<String> event) {
        StringBuilder json = new StringBuilder("{\"response\":{\"Attribute\":[");
        for (int i = 0; i < count; i++) {
            json.append(i == 0 ? "" : ",").append("{\"id\":\"").append(i).append("\",\"type\":\"domain\",")
                    .append("\"value\":\"same.example\",\"Event\":").append(event.apply(i)).append(",\"Tag\":")
                    .append(TAGS).append('}');
        }
        return json.append("]}}").toString();
    }

    private static AttributeStreamSink sink(String json, boolean passRepeats) {
        AttributeStreamSink sink = new AttributeStreamSink(MispFixtures.MAPPER, Long.MAX_VALUE, Integer.MAX_VALUE,
                ReadBudget.unlimited(), StringCaps.none(), passRepeats);
        sink.write(Buffer.buffer(json));
        sink.finish();
        return sink;
    }

    @Test
    void anEventContextAndTagListRepeatedByteForByteArePassedOverAndReadAsBefore() {
        String json = records(50, i -> EVENT);
        AttributeStreamSink passing = sink(json, true);

        // Every record after the first passes over its type, value, event and tags as one run.
        String run = RUN + ",\"Event\":" + EVENT + ",\"Tag\":" + TAGS;
        assertThat(passing.passedBytes()).isEqualTo(49L * run.length());
        List<org.alliancesearch.model.misp.MispAttribute> read = passing.result(0).attributes();
        assertThat(read).isEqualTo(sink(json, false).result(0).attributes()).hasSize(50);
        assertThat(read.get(49).event().info()).isEqualTo("Planted A");
        assertThat(read.get(49).event().orgcName()).isEqualTo("org-a");
        assertThat(read.get(49).tags()).extracting(org.alliancesearch.model.misp.MispTag::name)
                .containsExactly("tlp:green", "pap:white");
    }

    @Test
    void anEventContextOneByteApartFromTheLastIsReadWhereItDiffers() {
        String other = EVENT.replace("Planted A", "Planted B");
        AttributeStreamSink passing = sink(records(10, i -> i % 2 == 0 ? EVENT : other), true);

        // The type and value and the tag lists repeat, and each context from its uuid to its end repeats the last.
        assertThat(passing.passedBytes())
                .isEqualTo(9L * (RUN.length() + 1 + TAGS.length() + FROM_THE_EVENTS_UUID.length()));
        assertThat(passing.result(0).attributes()).extracting(a -> a.event().info())
                .containsExactly("Planted A", "Planted B", "Planted A", "Planted B", "Planted A", "Planted B",
                        "Planted A", "Planted B", "Planted A", "Planted B");
    }

    @Test
    void scalarFieldsThatRepeatTheRecordBeforeArePassedOverAsOneRun() {
        StringBuilder json = new StringBuilder("{\"response\":{\"Attribute\":[");
        for (int i = 0; i < 30; i++) {
            // The id and uuid change; the event changes every ten records; the rest repeats.
            json.append(i == 0 ? "" : ",").append("{\"id\":\"").append(1000 + i).append("\",\"event_id\":\"")
                    .append(i / 10).append("\",\"object_id\":\"0\",\"category\":\"Network activity\",")
                    .append("\"type\":\"domain\",\"to_ids\":true,\"uuid\":\"").append(new java.util.UUID(3, i))
                    .append("\",\"timestamp\":\"1796511600\",\"distribution\":5,\"comment\":\"\",")
                    .append("\"value\":\"same.example\"}");
        }
        String answer = json.append("]}}").toString();
        String first = ":\"0\",\"object_id\":\"0\",\"category\":\"Network activity\",\"type\":\"domain\","
                + "\"to_ids\":true";
        String second = ":\"1796511600\",\"distribution\":5,\"comment\":\"\",\"value\":\"same.example\"";

        AttributeStreamSink passing = sink(answer, true);

        // Within an event, from event_id to to_ids and from timestamp to value; where the event changes, from
        // object_id.
        String fromObjectId = first.substring(first.indexOf(",\"object_id\"") + ",\"object_id\"".length());
        assertThat(passing.passedBytes())
                .isEqualTo(27L * (first.length() + second.length()) + 2L * (fromObjectId.length() + second.length()));
        List<org.alliancesearch.model.misp.MispAttribute> read = passing.result(0).attributes();
        assertThat(read).isEqualTo(sink(answer, false).result(0).attributes()).hasSize(30);
        assertThat(read.get(29).id()).isEqualTo("1029");
        assertThat(read.get(29).eventId()).isEqualTo("2");
        assertThat(read.get(29).category()).isEqualTo("Network activity");
        assertThat(read.get(29).distribution()).isEqualTo(5);
        assertThat(read.get(29).value()).isEqualTo("same.example");
    }

    @Test
    void aNumberThatGoesOnPastTheOneBeforeIsReadInFull() {
        String answer = "{\"response\":{\"Attribute\":[{\"type\":\"domain\",\"value\":\"same.example\","
                + "\"distribution\":5},{\"type\":\"domain\",\"value\":\"same.example\",\"distribution\":55}]}}";

        PageResult read = sink(answer, true).result(0);

        assertThat(read.cut()).isEqualTo(Cut.NONE);
        assertThat(read.attributes()).extracting(org.alliancesearch.model.misp.MispAttribute::distribution)
                .containsExactly(5, 55);
    }

    @Test
    void aRecordWithAFieldTwiceIsNotTheOneTheNextRepeats() {
        // The record before ends with value "bbb"; the next has the same bytes up to its first value only.
        String answer = "{\"response\":{\"Attribute\":[{\"type\":\"domain\",\"value\":\"aaaaaaaaaaaa\","
                + "\"value\":\"bbb\"},{\"type\":\"domain\",\"value\":\"aaaaaaaaaaaa\",\"id\":\"1\"}]}}";

        AttributeStreamSink passing = sink(answer, true);

        assertThat(passing.passedBytes()).isZero();
        assertThat(passing.result(0).attributes()).extracting(org.alliancesearch.model.misp.MispAttribute::value)
                .containsExactly("bbb", "aaaaaaaaaaaa");
    }

    @Test
    void aRecordOfMoreFieldsThanAreNotedIsReadInFullAndNeverRepeated() {
        java.util.function.IntFunction<String> record = fieldCount -> {
            StringBuilder r = new StringBuilder("{\"type\":\"domain\",\"value\":\"same.example\"");
            for (int i = 0; i < fieldCount; i++) {
                r.append(",\"extra_").append(i).append("\":\"the same text\"");
            }
            return r.append('}').toString();
        };
        int noted = JsonStreamSink.RepeatedFields.MAX_FIELDS;
        String within = record.apply(noted - 2);
        String beyond = record.apply(noted - 1);

        AttributeStreamSink few = sink("{\"response\":{\"Attribute\":[" + within + "," + within + "]}}", true);
        AttributeStreamSink many = sink("{\"response\":{\"Attribute\":[" + beyond + "," + beyond + "]}}", true);

        // The second record repeats the first from its first value on, but only the one within the count is passed.
        assertThat(few.passedBytes()).isEqualTo(within.length() - "{\"type\"".length() - "}".length());
        assertThat(many.passedBytes()).isZero();
        assertThat(many.result(0).attributes()).hasSize(2).allSatisfy(a -> assertThat(a.value())
                .isEqualTo("same.example"));
    }

    @Test
    void anEventContextTwiceInARecordIsTheLastOneEvenWhenItRepeatsTheRecordBefore() {
        String other = EVENT.replace("Planted A", "Planted B");
        // The second record has another event, then the first record's again, with the same bytes after it.
        String answer = "{\"response\":{\"Attribute\":[{\"type\":\"domain\",\"value\":\"same.example\",\"Event\":"
                + EVENT + ",\"Tag\":" + TAGS + "},{\"type\":\"domain\",\"value\":\"same.example\",\"Event\":" + other
                + ",\"Event\":" + EVENT + ",\"Tag\":" + TAGS + "}]}}";

        AttributeStreamSink passing = sink(answer, true);

        // The second's type and value; its first event from the uuid on (as the first's); the rest of the record.
        assertThat(passing.passedBytes()).isEqualTo(RUN.length() + FROM_THE_EVENTS_UUID.length() + 1L
                + EVENT.length() + ",\"Tag\":".length() + TAGS.length());
        assertThat(passing.result(0).attributes()).extracting(a -> a.event().info())
                .containsExactly("Planted A", "Planted A");
        assertThat(passing.result(0).attributes()).isEqualTo(sink(answer, false).result(0).attributes());
    }

    @Test
    void aRecordAfterOneWhoseEventWasPassedOnItsOwnComparesWithTheBytesSentNotThoseLeftByThePassing() {
        // The first record has a field twice: the second is not compared with it, and passes over its event and tags
        // on their own, as repeats of those read last (the parser is moved on by writing ":{}" where they end).
        String fields = "\"type\"" + RUN + ",\"Event\":";
        String first = "{\"id\":\"0\",\"id\":\"0\"," + fields + EVENT + ",\"Tag\":" + TAGS + "}";
        String second = "{\"id\":\"1\"," + fields + EVENT + ",\"Tag\":" + TAGS + "}";
        String third = "{\"id\":\"2\"," + fields + EVENT + ",\"Tag\":" + TAGS + "}";
        // Malformed: the event's last bytes as the passing left them in the second record.
        String forged = "{\"id\":\"2\"," + fields + EVENT.substring(0, EVENT.length() - 3) + ":{}" + ",\"Tag\":"
                + TAGS + "}";
        String head = "{\"response\":{\"Attribute\":[";
        String answer = head + String.join(",", first, second, third) + "]}}";
        String forgedAnswer = head + String.join(",", first, second, forged) + "]}}";

        AttributeStreamSink passing = sink(answer, true);
        AttributeStreamSink forging = sink(forgedAnswer, true);

        // The second passes over ":" + event and ":" + tags; the third its type, value, event and tags as one run.
        assertThat(passing.passedBytes()).isEqualTo((1L + EVENT.length() + 1 + TAGS.length())
                + (RUN.length() + ",\"Event\":".length() + EVENT.length() + ",\"Tag\":".length() + TAGS.length()));
        assertThat(passing.result(0).attributes()).isEqualTo(sink(answer, false).result(0).attributes());
        assertThat(forging.result(0).cut()).isEqualTo(Cut.MALFORMED);
        assertThat(forging.result(0).attributes()).hasSize(2);
    }

    /** An event context of org-a as MISP writes it; its id, info and uuid are its own. */
    private static String eventOf(int id) {
        return "{\"id\":\"" + id + "\",\"orgc_id\":\"1\",\"org_id\":\"1\",\"date\":\"2026-12-05\","
                + "\"threat_level_id\":\"2\",\"info\":\"Event " + id + "\",\"published\":true,\"uuid\":\""
                + new java.util.UUID(9, id) + "\",\"analysis\":\"2\",\"timestamp\":\"1796511600\","
                + "\"distribution\":\"1\",\"sharing_group_id\":\"0\",\"Orgc\":{\"id\":\"1\",\"name\":\"org-a\","
                + "\"uuid\":\"2833c244-50e2-38b4-887a-f9a82778a788\"},\"Tag\":[{\"name\":\"tlp:green\"}]}";
    }

    private static String attributeWith(String value, String event) {
        return "{\"id\":\"1\",\"type\":\"domain\",\"value\":\"" + value + "\",\"Event\":" + event + ",\"Tag\":"
                + TAGS + "}";
    }

    @Test
    void theFieldsAnEventContextSharesWithTheLastOneReadArePassedOverAsRuns() {
        StringBuilder json = new StringBuilder("{\"response\":{\"Attribute\":[");
        for (int i = 0; i < 40; i++) {
            json.append(i == 0 ? "" : ",").append(attributeWith("same.example", eventOf(100 + i)));
        }
        String answer = json.append("]}}").toString();
        // In each event context after the first: from orgc_id to threat_level_id, and from analysis to its end.
        String head = ":\"1\",\"org_id\":\"1\",\"date\":\"2026-12-05\",\"threat_level_id\":\"2\"";
        String event = eventOf(100);
        String tail = event.substring(event.indexOf(",\"analysis\"") + ",\"analysis\"".length(), event.length() - 1);

        AttributeStreamSink passing = sink(answer, true);

        // The attribute's own: from its id to its value, and its tag list.
        long attribute = ":\"1\",\"type\"".length() + RUN.length() + 1 + TAGS.length();
        assertThat(passing.passedBytes()).isEqualTo(39L * (attribute + head.length() + tail.length()));
        List<org.alliancesearch.model.misp.MispAttribute> read = passing.result(0).attributes();
        assertThat(read).isEqualTo(sink(answer, false).result(0).attributes()).hasSize(40);
        assertThat(read.get(39).event().info()).isEqualTo("Event 139");
        assertThat(read.get(39).event().orgcName()).isEqualTo("org-a");
        assertThat(read.get(39).event().date()).isEqualTo(java.time.LocalDate.of(2026, 12, 5));
        assertThat(read.get(39).event().tags()).extracting(org.alliancesearch.model.misp.MispTag::name)
                .containsExactly("tlp:green");
    }

    @Test
    void anEventContextWithAFieldTwiceIsNotTheOneTheNextRepeats() {
        // The first context names org-z, then org-a: org-a counts. The second names only org-z, where the first had it.
        String orgc = ",\"Orgc\":{\"id\":\"1\",\"name\":\"org-a\",\"uuid\":\"2833c244-50e2-38b4-887a-f9a82778a788\"}";
        String twice = eventOf(100).replace(orgc, ",\"Orgc\":{\"name\":\"org-z\"}" + orgc);
        String once = eventOf(101).replace(orgc, ",\"Orgc\":{\"name\":\"org-z\"}");
        String answer = "{\"response\":{\"Attribute\":[" + attributeWith("a.example", twice) + ","
                + attributeWith("b.example", once) + "]}}";

        AttributeStreamSink passing = sink(answer, true);

        // Only the attribute's id and type, and its tag list: the second context is read in full.
        assertThat(passing.passedBytes()).isEqualTo(":\"1\",\"type\":\"domain\"".length() + 1L + TAGS.length());
        assertThat(passing.result(0).attributes()).extracting(a -> a.event().orgcName())
                .containsExactly("org-a", "org-z");
    }

    @Test
    void aRecordAfterOneWhoseEventHadRunsPassedComparesWithTheBytesSent() {
        String first = attributeWith("same.example", eventOf(100));
        String second = attributeWith("same.example", eventOf(101));
        // The second's event context with the bytes the passing over of its two runs left where each ended.
        String forgedEvent = eventOf(101).replace("\"threat_level_id\":\"2\"", "\"threat_level_id\"::{}")
                .replace("\"tlp:green\"}]}", "\"tlp:green:{}}");
        String head = "{\"response\":{\"Attribute\":[";
        String again = head + String.join(",", first, second, second) + "]}}";
        // The whole record as the passing left it; then only its event context, after another value.
        String forgedRecord = head + String.join(",", first, second, attributeWith("same.example", forgedEvent))
                + "]}}";
        String forgedContext = head + String.join(",", first, second, attributeWith("other.example", forgedEvent))
                + "]}}";

        AttributeStreamSink passing = sink(again, true);

        // The third repeats the second from its id to its end.
        String third = second.substring(second.indexOf("\"id\"") + "\"id\"".length(), second.length() - 1);
        String event = eventOf(100);
        long secondPassed = ":\"1\",\"type\"".length() + RUN.length() + 1 + TAGS.length()
                + ":\"1\",\"org_id\":\"1\",\"date\":\"2026-12-05\",\"threat_level_id\":\"2\"".length()
                + event.substring(event.indexOf(",\"analysis\"") + ",\"analysis\"".length(), event.length() - 1)
                        .length();
        assertThat(passing.passedBytes()).isEqualTo(secondPassed + third.length());
        assertThat(passing.result(0).attributes()).isEqualTo(sink(again, false).result(0).attributes());
        for (String forged : List.of(forgedRecord, forgedContext)) {
            PageResult read = sink(forged, true).result(0);
            assertThat(read.cut()).isEqualTo(Cut.MALFORMED);
            assertThat(read.attributes()).hasSize(2);
        }
    }
}
