package org.alliancesearch.model.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.alliancesearch.model.merge.MergedIndicator;
import org.alliancesearch.model.merge.MergedResult;
import org.alliancesearch.model.policy.Tlp;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

class StixExportTest {
    static final Pattern UUID_FORM = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z");
    static final Map<Tlp, String> OFFICIAL_TLP2 = Map.of(Tlp.CLEAR,
            "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487", Tlp.GREEN,
            "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb", Tlp.AMBER,
            "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421", Tlp.AMBER_STRICT,
            "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003", Tlp.RED,
            "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1");

    final MergedResult result = ExportFixtures.result();
    final StixExport export = new StixExport(Clock.fixed(Instant.parse("2025-06-01T12:00:00.123456Z"),
            ZoneOffset.UTC));

    JsonNode bundle() throws IOException {
        return new ObjectMapper().readTree(export.toBytes(result));
    }

    @Test
    void theBundleIsWellFormed() throws IOException {
        JsonNode bundle = bundle();
        assertThat(bundle.get("type").asText()).isEqualTo("bundle");
        assertId(bundle, "bundle");
        assertThat(bundle.has("spec_version")).isFalse(); // STIX 2.1 bundles carry none
        Set<String> markingIds = new HashSet<>();
        for (JsonNode o : bundle.get("objects")) {
            String type = o.get("type").asText();
            assertId(o, type);
            assertThat(o.get("spec_version").asText()).isEqualTo("2.1");
            assertTimestamp(o, "created");
            if (type.equals("marking-definition")) {
                markingIds.add(o.get("id").asText());
                assertThat(o.get("extensions").get(StixExport.TLP2_EXTENSION).get("extension_type").asText())
                        .isEqualTo("property-extension");
                Tlp level = Tlp.parse(o.get("extensions").get(StixExport.TLP2_EXTENSION).get("tlp_2_0").asText());
                assertThat(o.get("id").asText()).isEqualTo(OFFICIAL_TLP2.get(level));
                assertThat(o.get("name").asText()).isEqualTo(level.label());
            } else {
                assertThat(type).isEqualTo("indicator");
                assertTimestamp(o, "modified");
                assertTimestamp(o, "valid_from");
                assertThat(o.get("modified").asText()).isGreaterThanOrEqualTo(o.get("created").asText());
                assertThat(o.get("pattern_type").asText()).isEqualTo("stix");
                assertThat(o.get("pattern_version").asText()).isEqualTo("2.1");
                assertThat(o.get("pattern").asText()).isNotBlank();
                assertThat(o.get("name").asText()).isNotBlank();
            }
        }
        // Every marking reference resolves inside the bundle, and every marking is used.
        Set<String> referenced = new HashSet<>();
        for (JsonNode o : bundle.get("objects")) {
            if (o.has("object_marking_refs")) {
                o.get("object_marking_refs").forEach(r -> referenced.add(r.asText()));
            }
        }
        assertThat(referenced).isEqualTo(markingIds).isNotEmpty();
    }

    @Test
    void everyPatternValidatesAndSaysWhatTheIndicatorIs() throws IOException {
        Map<String, MergedIndicator> byValue = new HashMap<>();
        result.indicators().forEach(i -> byValue.put(i.value(), i));
        Map<String, String> expectedType = Map.of("ip", "ipv4-addr", "domain", "domain-name", "url", "url", "email",
                "email-addr", "sha256", "file", "md5", "file", "sha1", "file", "filename", "file");
        int indicators = 0;
        for (JsonNode o : bundle().get("objects")) {
            if (!o.get("type").asText().equals("indicator")) {
                continue;
            }
            indicators++;
            MergedIndicator i = byValue.get(o.get("name").asText());
            List<StixPatternValidator.Comparison> comparisons = StixPatternValidator.validate(o.get("pattern")
                    .asText());
            assertThat(comparisons).hasSize(1);
            StixPatternValidator.Comparison c = comparisons.get(0);
            assertThat(c.operator()).isEqualTo("=");
            assertThat(c.literal()).isEqualTo(i.value());
            String type = i.value().contains(":") && i.family().equals("ip")
                    ? "ipv6-addr"
                    : expectedType.get(i.family());
            assertThat(c.objectType()).isEqualTo(type);
            assertThat(o.get("id").asText()).isEqualTo(StixExport.indicatorId(i.family(), i.value()));
            if (i.tlp() != null) {
                assertThat(o.get("object_marking_refs").get(0).asText()).isEqualTo(OFFICIAL_TLP2.get(i.tlp()));
            }
        }
        StixExport.Result r = export.export(result);
        assertThat(indicators).isEqualTo(r.exported()).isEqualTo(result.indicators().size() - 2);
        assertThat(r.skipped()).isEqualTo(2); // the text and the AS number have no pattern
    }

    @Test
    void patternsMapTypesAndEscapeQuotesAndBackslashes() {
        assertThat(StixExport.pattern("url", List.of("url"), ExportFixtures.TRICKY_URL)).isEqualTo(
                "[url:value = 'http://x.example/a\\'b\\\\c?q=1,2&r=\"3\"']");
        assertThat(StixExport.pattern("ip", List.of("ip-src"), "10.0.0.0/8")).isEqualTo(
                "[ipv4-addr:value = '10.0.0.0/8']");
        assertThat(StixExport.pattern("ip", List.of("ip-dst"), "2001:db8::/32")).isEqualTo(
                "[ipv6-addr:value = '2001:db8::/32']");
        assertThat(StixExport.pattern("ip", List.of("ip-dst|port"), "1.2.3.4|443")).isEqualTo(
                "[ipv4-addr:value = '1.2.3.4']");
        assertThat(StixExport.pattern("ip", List.of("ip-dst"), "1.2.3.400")).isNull();
        assertThat(StixExport.pattern("ip", List.of("ip-dst"), "1.2.3.4/33")).isNull();
        assertThat(StixExport.pattern("sha256", List.of("sha256"), "abc")).isNull();
        assertThat(StixExport.pattern("sha1", List.of("sha1"), "68064fc152e23d56e541714af52651cb4ba81aaf"))
                .isEqualTo("[file:hashes.'SHA-1' = '68064fc152e23d56e541714af52651cb4ba81aaf']");
        assertThat(StixExport.pattern("md5", List.of("md5"), "cead3f77f6cda6ec00f57d76c9a6879f")).isEqualTo(
                "[file:hashes.MD5 = 'cead3f77f6cda6ec00f57d76c9a6879f']");
        // An unknown family still maps through its MISP types.
        assertThat(StixExport.pattern("network", List.of("hostname"), "a.example")).isEqualTo(
                "[domain-name:value = 'a.example']");
        assertThat(StixExport.pattern("text", List.of("text"), "hello")).isNull();
        for (String hostile : List.of("a' OR 1=1 --", "\\", "'']", "x\\'y", "日本語.example")) {
            String p = StixExport.pattern("domain", List.of("domain"), hostile);
            assertThat(StixPatternValidator.validate(p).get(0).literal()).isEqualTo(hostile);
        }
    }

    @Test
    void idsAreStableUuidV5AcrossExports() throws IOException {
        JsonNode first = bundle();
        JsonNode second = new ObjectMapper().readTree(new StixExport().toBytes(result));
        assertThat(first.get("id").asText()).isNotEqualTo(second.get("id").asText());
        for (int n = 0; n < first.get("objects").size(); n++) {
            JsonNode a = first.get("objects").get(n);
            JsonNode b = second.get("objects").get(n);
            assertThat(a.get("id")).isEqualTo(b.get("id"));
            if (a.get("type").asText().equals("indicator")) {
                assertThat(UUID.fromString(a.get("id").asText().substring("indicator--".length())).version())
                        .isEqualTo(5);
                assertThat(a.get("created")).isEqualTo(b.get("created"));
            }
        }
        assertThat(StixExport.uuidV5(UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8"), "www.example.com"))
                .hasToString("2ed6657d-e927-568b-95e1-2665a8aea6a2");
        assertThat(StixExport.indicatorId("domain", "evil.example")).isEqualTo(
                "indicator--44db461f-e9c5-5fa9-ac9c-e2f4601c0e6d");
    }

    @Test
    void everyTlpLevelHasItsOfficialMarking() {
        for (Tlp tlp : Tlp.values()) {
            JsonNode m = StixExport.marking(JsonNodeFactory.instance, tlp);
            assertThat(m.get("id").asText()).isEqualTo(OFFICIAL_TLP2.get(tlp));
            assertThat(m.get("extensions").get(StixExport.TLP2_EXTENSION).get("tlp_2_0").asText()).isEqualTo(tlp
                    .code());
        }
    }

    private static void assertId(JsonNode o, String type) {
        String id = o.get("id").asText();
        assertThat(id).startsWith(type + "--");
        assertThat(id.substring(type.length() + 2)).matches(UUID_FORM);
    }

    private static void assertTimestamp(JsonNode o, String field) {
        assertThat(o.get(field).asText()).matches(TIMESTAMP);
    }
}
