package org.alliancesearch.model.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The validator must accept what the STIX 2.1 specification shows and refuse what its grammar forbids. */
class StixPatternValidatorTest {
    @ParameterizedTest
    @ValueSource(strings = {
            "[file:hashes.'SHA-256' = 'aec070645fe53ee3b3763059376134f058cc337247c978add178b6ccdfb0019f']",
            "[file:hashes.MD5 = 'cead3f77f6cda6ec00f57d76c9a6879f']",
            "[ipv4-addr:value = '198.51.100.1/32' OR ipv4-addr:value = '203.0.113.33/32']",
            "[domain-name:value = 'www.5z8.info' AND domain-name:value = 'x.example']",
            "[url:value = 'http://example.com/foo' OR url:value = 'http://example.com/bar']",
            "[email-addr:value = 'bad\\'guy@example.com']", "[file:name = 'C:\\\\Windows\\\\a.exe']",
            "[ipv6-addr:value = '2001:db8::/32']",
            "([ipv4-addr:value = '1.2.3.4'] AND [domain-name:value = 'a.example']) WITHIN 300 SECONDS",
            "[file:name = 'a'] FOLLOWEDBY [file:name = 'b'] REPEATS 5 TIMES",
            "[network-traffic:dst_ref.type = 'ipv4-addr' AND network-traffic:dst_port IN (80, 443)]",
            "[x-custom:extensions.'x-ext'.list[*] LIKE 'a%'] START t'2016-06-01T00:00:00Z' STOP t'2016-07-01T00:00:00Z'",
            "[artifact:payload_bin MATCHES '^abc' AND artifact:hashes.'SHA-256' != h'0a1b']",
            "[process:pid > 4 AND process:is_hidden = true AND EXISTS process:cwd]",
            "[(file:name = 'a' OR file:name = 'b') AND file:size <= 1024]"})
    void acceptsValidPatterns(String pattern) {
        assertThat(StixPatternValidator.validate(pattern)).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"file:name = 'a'", "[file:name = 'a'", "[file:name = a]", "[file:name = 'it's']",
            "[file:name = 'a\\nb']", "[file:name = 'a\\']", "[file:name 'a']", "[file name = 'a']",
            "[File:name = 'a']", "[:name = 'a']", "[file:name = 'a'] AND", "[file:name = 'a'] and [file:name = 'b']",
            "[file:name = 'a' AND]", "[ipv4-addr:address = '1.2.3.4']", "[file:hashes.'SHA256' = 'ab']",
            "[file:hashes = 'ab']", "[domain-name:value.x = 'a']", "[file:name = 'a'] START '2016' STOP '2017'",
            "[file:name == 'a' 'b']", "[file:name = h'abc']", "[file:name IN ('a', )]", "[]", ""})
    void refusesInvalidPatterns(String pattern) {
        assertThatThrownBy(() -> StixPatternValidator.validate(pattern)).isInstanceOf(
                StixPatternValidator.InvalidPattern.class);
    }

    @Test
    void returnsComparisonsWithUnescapedLiterals() {
        List<StixPatternValidator.Comparison> c = StixPatternValidator.validate(
                "[url:value = 'http://x.example/a\\'b\\\\c' OR file:hashes.'SHA-1' = 'ab']");
        assertThat(c).containsExactly(new StixPatternValidator.Comparison("url", List.of("value"), "=",
                "http://x.example/a'b\\c"),
                new StixPatternValidator.Comparison("file", List.of("hashes", "SHA-1"),
                        "=", "ab"));
    }
}
