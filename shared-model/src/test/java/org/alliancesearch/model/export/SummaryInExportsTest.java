package org.alliancesearch.model.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.alliancesearch.model.merge.MergedResult;
import org.alliancesearch.model.summary.ScoreReason;
import org.alliancesearch.model.summary.ValueSummary;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Every export that has room for it carries the summary of the searched values; a block list stays values only. */
class SummaryInExportsTest {
    final MergedResult result = ExportFixtures.result();

    static final ValueSummary EVIL = new ValueSummary("evil.example", "domain", true, List.of("CIRCL", "日本 CSIRT"),
            0, true, Instant.parse("2024-03-01T10:00:00Z"), Instant.parse("2024-04-01T09:30:00Z"), List.of(), 72,
            List.of(new ScoreReason(ScoreReason.Code.FOUND, 30, null),
                    new ScoreReason(ScoreReason.Code.ORGANISATIONS, 20, "2")),
            null);
    static final ValueSummary RESOLVER = new ValueSummary("1.2.3.4", "ip-dst", true, List.of("CIRCL"), 0, false,
            null, null, List.of("List of known public DNS resolvers"), 5,
            List.of(new ScoreReason(ScoreReason.Code.FOUND, 30, null),
                    new ScoreReason(ScoreReason.Code.WARNINGLIST_KNOWN, -25, "List of known public DNS resolvers")),
            null);
    static final ValueSummary NOBODY = new ValueSummary("nobody.example", "domain", false, List.of(), 0, false, null,
            null, List.of(), 0, List.of(new ScoreReason(ScoreReason.Code.NOT_FOUND, 0, null)), null);
    static final ExportSummary SUMMARY = new ExportSummary(List.of(EVIL, NOBODY, RESOLVER),
            r -> "reason " + r.code().name().toLowerCase(java.util.Locale.ROOT));

    @Test
    void jsonStartsWithTheSummaryInSearchOrderWithReasonsInWords() throws IOException {
        JsonNode root = new ObjectMapper().readTree(new JsonExport().toBytes(result, SUMMARY));
        assertThat(root.fieldNames()).toIterable().containsExactly("summary", "indicators", "totals");
        JsonNode summary = root.get("summary");
        assertThat(summary).hasSize(3);
        assertThat(summary.get(0).get("value").asText()).isEqualTo("evil.example");
        assertThat(summary.get(0).get("score").asInt()).isEqualTo(72);
        assertThat(summary.get(0).get("heldBy").toString()).isEqualTo("[\"CIRCL\",\"日本 CSIRT\"]");
        assertThat(summary.get(0).get("firstSeen").asText()).isEqualTo("2024-03-01T10:00:00Z");
        assertThat(summary.get(0).at("/reasons/1/code").asText()).isEqualTo("ORGANISATIONS");
        assertThat(summary.get(0).at("/reasons/1/detail").asText()).isEqualTo("2");
        assertThat(summary.get(0).at("/reasons/1/text").asText()).isEqualTo("reason organisations");
        assertThat(summary.get(1).get("found").asBoolean()).isFalse();
        assertThat(summary.get(1).get("firstSeen").isNull()).isTrue();
        assertThat(summary.get(2).get("warninglists").get(0).asText()).isEqualTo("List of known public DNS resolvers");
        assertThat(summary.get(2).at("/reasons/1/weight").asInt()).isEqualTo(-25);

        // without a summary the shape is as before, and without words the codes stay
        JsonNode plain = new ObjectMapper().readTree(new JsonExport().toBytes(result));
        assertThat(plain.has("summary")).isFalse();
        JsonNode codesOnly = new ObjectMapper()
                .readTree(new JsonExport().toBytes(result, new ExportSummary(List.of(EVIL), null)));
        assertThat(codesOnly.at("/summary/0/reasons/0").has("text")).isFalse();
        assertThat(codesOnly.at("/summary/0/reasons/0/code").asText()).isEqualTo("FOUND");
    }

    @Test
    void csvRowsCarryTheScoreAndListsOfTheValueTheyAnswer() {
        String csv = new String(new CsvExport().toBytes(result, SUMMARY), StandardCharsets.UTF_8);
        List<List<String>> rows = Rfc4180Reader.read(csv);
        int value = CsvExport.HEADER.indexOf("value");
        int score = CsvExport.HEADER.indexOf("score");
        int lists = CsvExport.HEADER.indexOf("warninglists");
        assertThat(score).isPositive();
        List<String> evil = rows.stream().filter(r -> r.get(value).equals("evil.example")).findFirst().orElseThrow();
        assertThat(evil.get(score)).isEqualTo("72");
        assertThat(evil.get(lists)).isEmpty();
        List<String> resolver = rows.stream().filter(r -> r.get(value).equals("1.2.3.4")).findFirst().orElseThrow();
        assertThat(resolver.get(score)).isEqualTo("5");
        assertThat(resolver.get(lists)).isEqualTo("List of known public DNS resolvers");
        // a record of no searched value has empty cells, never another value's score
        List<String> other = rows.stream().filter(r -> r.get(value).equals("2001:db8::1")).findFirst().orElseThrow();
        assertThat(other.get(score)).isEmpty();
        assertThat(rows).allSatisfy(r -> assertThat(r).hasSize(CsvExport.HEADER.size()));
    }

    @Test
    void stixIndicatorsCarryScoreAndWarninglistsAsCustomProperties() throws IOException {
        JsonNode bundle = new ObjectMapper().readTree(new StixExport().toBytes(result, SUMMARY));
        JsonNode evil = indicatorNamed(bundle, "evil.example");
        assertThat(evil.get("x_alliance_score").asInt()).isEqualTo(72);
        assertThat(evil.has("x_alliance_warninglists")).isFalse();
        JsonNode resolver = indicatorNamed(bundle, "1.2.3.4");
        assertThat(resolver.get("x_alliance_score").asInt()).isEqualTo(5);
        assertThat(resolver.get("x_alliance_warninglists").get(0).asText())
                .isEqualTo("List of known public DNS resolvers");
        assertThat(indicatorNamed(bundle, "2001:db8::1").has("x_alliance_score")).isFalse();
        // custom property names as STIX 2.1 requires them
        bundle.get("objects").forEach(o -> o.fieldNames().forEachRemaining(name -> {
            if (name.startsWith("x_")) {
                assertThat(name).matches("[a-z0-9_]{3,250}");
            }
        }));
    }

    @Test
    void aBlockListStaysValuesOnly() {
        assertThat(new TextExport().toBytes(result, SUMMARY)).isEqualTo(new TextExport().toBytes(result));
    }

    private static JsonNode indicatorNamed(JsonNode bundle, String name) {
        for (JsonNode o : bundle.get("objects")) {
            if (name.equals(o.path("name").asText())) {
                return o;
            }
        }
        throw new AssertionError("no indicator " + name);
    }
}
