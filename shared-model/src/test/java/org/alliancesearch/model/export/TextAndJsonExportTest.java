package org.alliancesearch.model.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.alliancesearch.model.merge.MergedIndicator;
import org.alliancesearch.model.merge.MergedResult;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class TextAndJsonExportTest {
    final MergedResult result = ExportFixtures.result();

    @Test
    void textIsOneValuePerLineWithoutValuesThatWouldInjectLines() {
        String text = new String(new TextExport().toBytes(result), StandardCharsets.UTF_8);
        List<String> expected = new ArrayList<>();
        for (MergedIndicator i : result.indicators()) {
            if (!i.value().contains("\n")) {
                expected.add(i.value());
            }
        }
        assertThat(text).endsWith("\n");
        assertThat(text.split("\n", -1)).containsExactlyElementsOf(concat(expected, ""));
        assertThat(text).doesNotContain("multi");
        assertThat(expected).hasSize(result.indicators().size() - 1);
    }

    private static List<String> concat(List<String> a, String last) {
        List<String> out = new ArrayList<>(a);
        out.add(last);
        return out;
    }

    @Test
    void jsonHasTheApiShapeAndReadsBack() throws IOException {
        JsonNode root = new ObjectMapper().readTree(new JsonExport().toBytes(result));
        assertThat(root.get("indicators")).hasSize(result.indicators().size());
        for (int n = 0; n < result.indicators().size(); n++) {
            MergedIndicator i = result.indicators().get(n);
            JsonNode j = root.get("indicators").get(n);
            assertThat(j.get("value").asText()).isEqualTo(i.value());
            assertThat(j.get("organisations")).hasSize(i.organisations().size());
            assertThat(j.get("tlp").isNull() ? null : j.get("tlp").asText()).isEqualTo(i.tlp() == null
                    ? null
                    : i.tlp().code());
            assertThat(j.get("events")).hasSize(i.events().size());
            assertThat(j.get("toIds").asBoolean()).isEqualTo(i.toIds());
            assertThat(j.get("firstSeen").isNull() ? null : j.get("firstSeen").asText()).isEqualTo(
                    i.firstSeen() == null ? null : i.firstSeen().toString());
        }
        JsonNode evil = root.get("indicators").get(0);
        assertThat(evil.get("value").asText()).isEqualTo("evil.example");
        assertThat(evil.get("tlp").asText()).isEqualTo("amber");
        assertThat(evil.get("members").get(1).get("name").asText()).isEqualTo("MISP jp");
        assertThat(evil.get("events").get(0).get("url").asText()).isEqualTo("https://misp.jp.example/events/view/"
                + ExportFixtures.E2);
        assertThat(evil.get("events").get(0).get("date").asText()).isEqualTo("2024-04-01");
        JsonNode totals = root.get("totals");
        assertThat(totals.get("indicators").asInt()).isEqualTo(result.totals().indicators());
        assertThat(totals.get("attributes").asInt()).isEqualTo(14);
        assertThat(totals.get("duplicates").asInt()).isZero();
        // what the policy removed is never part of an export
        assertThat(totals.fieldNames()).toIterable().containsExactly("indicators", "attributes", "duplicates");
    }

    @Test
    void formatsAreFoundByName() {
        assertThat(ExportFormat.parse("CSV").exporter()).isInstanceOf(CsvExport.class);
        assertThat(ExportFormat.parse("stix").exporter().mediaType()).startsWith("application/stix+json");
        assertThat(ExportFormat.parse("text")).isEqualTo(ExportFormat.TXT);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ExportFormat.parse("xml")).hasMessageContaining(
                "csv, json, txt or stix");
    }
}
