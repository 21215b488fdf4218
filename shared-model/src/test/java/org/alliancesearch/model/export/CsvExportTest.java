package org.alliancesearch.model.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.alliancesearch.model.merge.MergedIndicator;
import org.alliancesearch.model.merge.MergedResult;
import org.junit.jupiter.api.Test;

class CsvExportTest {
    final MergedResult result = ExportFixtures.result();

    static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Test
    void everyIndicatorIsARowThatReadsBack() {
        byte[] bytes = new CsvExport(new CsvExport.Options(false, false)).toBytes(result);
        assertThat(bytes[0]).isNotEqualTo((byte) 0xEF);
        List<List<String>> rows = Rfc4180Reader.read(text(bytes));

        assertThat(rows.get(0)).isEqualTo(CsvExport.HEADER);
        assertThat(rows).hasSize(result.indicators().size() + 1);
        int col = CsvExport.HEADER.indexOf("value");
        for (int r = 1; r < rows.size(); r++) {
            MergedIndicator i = result.indicators().get(r - 1);
            List<String> row = rows.get(r);
            assertThat(row).hasSize(CsvExport.HEADER.size());
            assertThat(row.get(col)).isEqualTo(i.value());
            assertThat(row.get(CsvExport.HEADER.indexOf("tlp"))).isEqualTo(i.tlp() == null ? "" : i.tlp().code());
            assertThat(row.get(CsvExport.HEADER.indexOf("organisations"))).isEqualTo(String.join("; ", i
                    .organisations()));
            assertThat(row.get(CsvExport.HEADER.indexOf("organisation_count"))).isEqualTo(String.valueOf(i
                    .organisations().size()));
        }
        Map<String, List<String>> byValue = rows.subList(1, rows.size()).stream().collect(Collectors.toMap(
                row -> row.get(col), Function.identity()));
        assertThat(byValue).containsKeys(ExportFixtures.TRICKY_URL, "multi\nline, \"quoted\"",
                ExportFixtures.FORMULA);
        List<String> evil = byValue.get("evil.example");
        assertThat(evil.get(CsvExport.HEADER.indexOf("organisations"))).isEqualTo("CIRCL; 日本 CSIRT");
        assertThat(evil.get(CsvExport.HEADER.indexOf("event_urls"))).isEqualTo("https://misp.jp.example/events/view/"
                + ExportFixtures.E2 + "; https://misp.a.example/events/view/" + ExportFixtures.E1);
        assertThat(evil.get(CsvExport.HEADER.indexOf("first_seen"))).isEqualTo("2024-03-01T10:00:00Z");
    }

    @Test
    void theGuardNeutralisesFormulasAndTheBomIsOptional() {
        byte[] bytes = new CsvExport(CsvExport.Options.excel()).toBytes(result);
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        String text = text(bytes).substring(1);
        List<List<String>> rows = Rfc4180Reader.read(text);
        List<String> values = rows.stream().skip(1).map(r -> r.get(0)).toList();
        assertThat(values).contains("'" + ExportFixtures.FORMULA, "'-x.exe").doesNotContain(ExportFixtures.FORMULA,
                "-x.exe");
        for (List<String> row : rows) {
            for (String cell : row) {
                assertThat(cell).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("-").doesNotStartWith(
                        "@");
            }
        }
        assertThat(text).endsWith("\r\n");
    }

    @Test
    void cellsAreQuotedOnlyWhenNeeded() {
        assertThat(CsvExport.cell("plain", true)).isEqualTo("plain");
        assertThat(CsvExport.cell("a,b", true)).isEqualTo("\"a,b\"");
        assertThat(CsvExport.cell("say \"hi\"", true)).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CsvExport.cell("=1+2,3", true)).isEqualTo("\"'=1+2,3\"");
        assertThat(CsvExport.cell("@SUM(A1)", false)).isEqualTo("@SUM(A1)");
        assertThat(CsvExport.cell(null, true)).isEmpty();
    }
}
