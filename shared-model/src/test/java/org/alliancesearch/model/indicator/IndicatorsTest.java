package org.alliancesearch.model.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IndicatorsTest {

    @Test
    void sourceAndDestinationAddressesAreOneIndicator() {
        assertThat(Indicators.key("ip-src", "1.2.3.4")).isEqualTo(Indicators.key("ip-dst", "1.2.3.4"))
                .isEqualTo(new IndicatorKey("ip", "1.2.3.4"));
        assertThat(Indicators.key("ip-dst|port", "1.2.3.4|443")).isEqualTo(new IndicatorKey("ip", "1.2.3.4"));
        assertThat(Indicators.key("ip-src", "001.002.003.004")).isEqualTo(new IndicatorKey("ip", "1.2.3.4"));
        assertThat(Indicators.key("ip-dst", "2001:DB8:0::1")).isEqualTo(new IndicatorKey("ip", "2001:db8::1"));
    }

    @Test
    void domainSpellingsAreOneIndicator() {
        IndicatorKey expected = new IndicatorKey("domain", "evil.example");
        assertThat(Indicators.key("domain", "EVIL.example.")).isEqualTo(expected);
        assertThat(Indicators.key("hostname", "evil.example")).isEqualTo(expected);
        assertThat(Indicators.key("domain|ip", "evil.example|1.2.3.4")).isEqualTo(expected);
        assertThat(Indicators.key("hostname|port", "Evil.Example|8080")).isEqualTo(expected);
        assertThat(Indicators.key("domain", " evil[.]example ")).isEqualTo(expected);
    }

    @Test
    void hashesKeyOnTheHashHalf() {
        String sha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
        IndicatorKey expected = new IndicatorKey("sha256", sha256);
        assertThat(Indicators.key("sha256", sha256.toUpperCase())).isEqualTo(expected);
        assertThat(Indicators.key("filename|sha256", "in|voice.exe|" + sha256)).isEqualTo(expected);
        assertThat(Indicators.key("malware-sample", "a.exe|D41D8CD98F00B204E9800998ECF8427E"))
                .isEqualTo(new IndicatorKey("md5", "d41d8cd98f00b204e9800998ecf8427e"));
        assertThat(Indicators.key("filename|imphash", "a.dll|ABCDEF0123")).isEqualTo(
                Indicators.key("imphash", "abcdef0123"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = ';', value = {"url;HTTP://Evil.Example/A;url;http://evil.example/A",
            "email-src;Bob@EVIL.example;email;Bob@evil.example", "email-dst;Bob@evil.example;email;Bob@evil.example",
            "vulnerability;cve-2021-44228;cve;CVE-2021-44228", "filename; report.pdf ;filename;report.pdf",
            "mutex; Global\\M ;mutex;Global\\M", "AS;AS64496;AS;AS64496",
            "no-such-type; x ;no-such-type;x", "ip-dst;not an address;ip;not an address",
            "domain;bad..name;domain;bad..name"})
    void keysByFamilyAndCanonicalValue(String type, String value, String family, String canonical) {
        assertThat(Indicators.key(type, value)).isEqualTo(new IndicatorKey(family, canonical));
    }

    @Test
    void neverThrows() {
        assertThat(Indicators.key(null, null)).isEqualTo(new IndicatorKey("", ""));
        assertThat(Indicators.key("ip-dst", null)).isEqualTo(new IndicatorKey("ip", ""));
        assertThat(Indicators.key("domain|ip", "|")).isEqualTo(new IndicatorKey("domain", ""));
        assertThat(Indicators.key("url", "\u0000\uFFFF[")).isNotNull();
        assertThat(Indicators.key("domain", "x".repeat(100_000)).value()).hasSize(100_000);
    }

    @Test
    void canonicalValuesAreKeptAsTheyAre() {
        String value = "1.2.3.4";
        assertThat(Indicators.key("ip-dst", value).value()).isSameAs(value);
        String domain = "evil.example";
        assertThat(Indicators.key("domain", domain).value()).isSameAs(domain);
    }
}
