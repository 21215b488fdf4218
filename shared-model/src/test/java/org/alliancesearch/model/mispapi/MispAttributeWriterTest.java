package org.alliancesearch.model.mispapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.AbstractList;
import java.util.List;

import org.alliancesearch.model.misp.MispAttribute;
import org.alliancesearch.model.misp.MispEvent;
import org.alliancesearch.model.misp.MispTag;
import org.alliancesearch.model.result.MemberRef;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class MispAttributeWriterTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final MemberRef A = new MemberRef("a", "Member A", "Org A", null);
    static final MemberRef B = new MemberRef("b", "Member B", "Org B", null);

    static AllianceAttribute row(int i) {
        String uuid = String.format("5f0c7b1e-0c6a-4b8e-9d5b-%012d", i);
        MispEvent e = new MispEvent("9", "6a1d8c2f-1d7b-4c9f-8e6c-2b3c4d5e6f01", "Campaign \"A\"",
                LocalDate.of(2026, 10, 1), "Org A", "11111111-2222-4333-8444-555555555555", 2, true,
                Instant.ofEpochSecond(1764000000), 1, List.of(new MispTag("tlp:green", true)));
        MispAttribute a = new MispAttribute("51", uuid, "9", "12", "ip", "Network activity", "ip-dst",
                "198.51.100." + (i % 250), true, Instant.ofEpochSecond(1764000001), null, null, 5, "a, \"b\"", false,
                List.of(MispTag.of("osint:a"), MispTag.of("=cmd")), e);
        return new AllianceAttribute(a, a.tags(), e.tags(), List.of(A, B), "Org A", e.orgcUuid(), A);
    }

    static MispSearchRequest.Output output(MispSearchRequest.ReturnFormat f, boolean context, boolean eventTags,
            List<String> columns, boolean headerless) {
        return new MispSearchRequest.Output(f, eventTags, context, false, columns, headerless);
    }

    @Test
    void jsonIsMispsAttributeShape() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MispAttributeWriter.json(List.of(row(1)), output(MispSearchRequest.ReturnFormat.JSON, true, true, List.of(),
                false), out);
        JsonNode a = JSON.readTree(out.toByteArray()).get("response").get("Attribute").get(0);

        assertThat(a.get("id").asText()).isEqualTo(MispIds.of(row(1).attribute().uuid()));
        assertThat(a.get("object_id").asText()).isNotEqualTo("0").matches("\\d+");
        assertThat(a.get("object_relation").asText()).isEqualTo("ip");
        assertThat(a.get("to_ids").isBoolean()).isTrue();
        assertThat(a.get("timestamp").asText()).isEqualTo("1764000001");
        assertThat(a.get("distribution").asText()).isEqualTo("5");
        assertThat(a.get("sharing_group_id").asText()).isEqualTo("0");
        assertThat(a.get("first_seen").isNull()).isTrue();
        assertThat(a.get("Event").get("Orgc").get("name").asText()).isEqualTo("Org A");
        assertThat(a.get("Event").get("Orgc").get("id").asText()).isEqualTo(a.get("Event").get("orgc_id").asText());
        assertThat(a.get("Event").get("publish_timestamp")).isNull();
        assertThat(a.get("Tag").size()).isEqualTo(3);
        assertThat(a.get("Tag").get(2).get("name").asText()).isEqualTo("tlp:green");
        assertThat(a.get("Tag").get(2).get("inherited").asInt()).isEqualTo(1);
        assertThat(a.get("Tag").get(0).get("inherited").asInt()).isZero();
        assertThat(a.get("Tag").get(0).get("id").asText()).isEqualTo(MispIds.of("tag:osint:a"));
        assertThat(a.get("alliance_holders").toString()).isEqualTo("[\"Member A\",\"Member B\"]");
    }

    @Test
    void csvQuotesEveryFieldAndKeepsValuesAsGiven() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MispAttributeWriter.csv(List.of(row(1)), output(MispSearchRequest.ReturnFormat.CSV, false, false, List.of(),
                false), out);
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines[0]).isEqualTo(String.join(",", MispAttributeWriter.CSV_COLUMNS));
        assertThat(lines[1]).isEqualTo("\"" + row(1).attribute().uuid() + "\",\""
                + MispIds.of("6a1d8c2f-1d7b-4c9f-8e6c-2b3c4d5e6f01")
                + "\",\"Network activity\",\"ip-dst\",\"198.51.100.1\",\"a, \"\"b\"\"\",\"1\",\"1764000001\",\"ip\","
                + "\"osint:a,=cmd\"");

        ByteArrayOutputStream ctx = new ByteArrayOutputStream();
        MispAttributeWriter.csv(List.of(row(1)), output(MispSearchRequest.ReturnFormat.CSV, true, false, List.of(),
                true), ctx);
        assertThat(ctx.toString(StandardCharsets.UTF_8)).doesNotStartWith("uuid").contains("\"Campaign \"\"A\"\"\"")
                .contains("\"2026-10-01\"");
    }

    @Test
    void aLargeAnswerIsWrittenWhileItIsReadNotAfter() throws IOException {
        int size = 100_000;
        int[] generated = {0};
        List<AllianceAttribute> rows = new AbstractList<>() {
            @Override
            public AllianceAttribute get(int index) {
                generated[0] = Math.max(generated[0], index + 1);
                return row(index);
            }

            @Override
            public int size() {
                return size;
            }
        };
        int[] generatedAtFirstWrite = {-1};
        long[] bytes = {0};
        OutputStream sink = new OutputStream() {
            @Override
            public void write(int b) {
                write(new byte[]{(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                if (generatedAtFirstWrite[0] < 0) {
                    generatedAtFirstWrite[0] = generated[0];
                }
                bytes[0] += len;
            }
        };
        MispAttributeWriter.json(rows, output(MispSearchRequest.ReturnFormat.JSON, true, true, List.of(), false),
                sink);
        assertThat(generatedAtFirstWrite[0]).isBetween(1, 100);
        assertThat(bytes[0]).isGreaterThan(100_000L * 500);
    }
}
