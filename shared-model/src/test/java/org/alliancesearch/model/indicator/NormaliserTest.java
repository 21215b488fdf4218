package org.alliancesearch.model.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NormaliserTest {

    private static NormalisationResult ok(String value) {
        NormalisationResult result = Normaliser.normalise(value);
        assertThat(result.isValid()).as("valid: %s (%s)", value, result.invalid()).isTrue();
        return result;
    }

    private static void invalid(String value, ValueKind kind, String code) {
        NormalisationResult result = kind == null ? Normaliser.normalise(value) : Normaliser.normalise(value, kind);
        assertThat(result.isValid()).as("invalid: %s", value).isFalse();
        assertThat(result.value()).isNull();
        assertThat(result.invalid().code()).isEqualTo(code);
        assertThat(result.invalid().message()).isNotBlank();
        assertThat(result.input()).isEqualTo(value);
    }

    @ParameterizedTest(name = "refang {0}")
    @CsvSource(delimiter = '|', value = {"evil[.]example|evil.example", "evil(.)example|evil.example",
            "evil{.}example|evil.example", "evil[dot]example|evil.example", "evil[DOT]example|evil.example",
            "evil(dot)example|evil.example", "hxxp://evil.example/a|http://evil.example/a",
            "hXXps://evil.example/a|https://evil.example/a", "HXXPS://evil.example|https://evil.example",
            "hxxp[:]//evil.example|http://evil.example", "hxxps[://]evil.example|https://evil.example",
            "fxp://files.example|ftp://files.example", "user[@]evil.example|user@evil.example",
            "user[at]evil.example|user@evil.example", "user(at)evil.example|user@evil.example",
            "2001[:]db8[:][:]1|2001:db8::1", "no change here|no change here", "[not a marker]|[not a marker]",
            "thxxp://x|thxxp://x", "a0fxp[.]com|a0fxp.com", "shop-hxxp[.]example|shop-hxxp.example",
            "fxp[dot]example|fxp.example", "a0fxp://x|a0fxp://x", "web2hxxp://x|web2hxxp://x",
            "svn+hxxp://x|svn+hxxp://x", "x-fxp://x|x-fxp://x", "(hxxp://x)|(http://x)", "<fxp://x>|<ftp://x>"})
    void refangsEveryMarker(String defanged, String expected) {
        assertThat(Normaliser.refang(defanged)).isEqualTo(expected);
    }

    @Test
    void refangOfNullIsNull() {
        assertThat(Normaliser.refang(null)).isNull();
    }

    @ParameterizedTest(name = "{0} -> {1} ({2})")
    @CsvSource(delimiter = '|', value = {
            // IPv4: leading zeros dropped, defanged, full width, surrounding space
            "  1.2.3.4  |1.2.3.4|IPV4", "010.001.000.099|10.1.0.99|IPV4", "1.2.3[.]4|1.2.3.4|IPV4",
            "１．２．３．４|1.2.3.4|IPV4", "192.0.2.7/32|192.0.2.7|IPV4",
            // CIDR: host bits cleared
            "10.1.2.3/8|10.0.0.0/8|CIDR", "192.168.1.0/24|192.168.1.0/24|CIDR", "0.0.0.0/0|0.0.0.0/0|CIDR",
            // IPv6, RFC 5952 section 4
            "2001:0DB8:0000:0000:0000:0000:0002:0001|2001:db8::2:1|IPV6",
            "2001:db8:0:1:1:1:1:1|2001:db8:0:1:1:1:1:1|IPV6", "2001:0:0:1:0:0:0:1|2001:0:0:1::1|IPV6",
            "2001:db8:0:0:1:0:0:1|2001:db8::1:0:0:1|IPV6", "0:0:0:0:0:0:0:1|::1|IPV6", "::|::|IPV6",
            "[2001:db8::1]|2001:db8::1|IPV6", "::FFFF:192.0.2.1|::ffff:192.0.2.1|IPV6",
            "0:0:0:0:0:ffff:c000:0201|::ffff:192.0.2.1|IPV6", "1:0:0:0:0:0:0:0|1::|IPV6",
            "2001:db8::1/128|2001:db8::1|IPV6", "2001:db8:1:2::/32|2001:db8::/32|CIDR",
            // domains: lower case, trailing dot, defanged, IDN, full width
            "EVIL.Example.COM.|evil.example.com|DOMAIN", "evil[.]example[.]com|evil.example.com|DOMAIN",
            "例え.jp|xn--r8jz45g.jp|DOMAIN", "ｅｖｉｌ．ｃｏｍ|evil.com|DOMAIN", "xn--r8jz45g.jp|xn--r8jz45g.jp|DOMAIN",
            "bad.onion|bad.onion|DOMAIN", "ev\u200Bil.com|evil.com|DOMAIN",
            // URLs: scheme and host lower case, path kept as given
            "HTTP://EVIL.Example/Path/A.PHP?Q=X#Frag|http://evil.example/Path/A.PHP?Q=X#Frag|URL",
            "hxxps://evil[.]example:8443/x|https://evil.example:8443/x|URL",
            "http://user:Pw@EVIL.example/|http://user:Pw@evil.example/|URL",
            "http://[2001:DB8::0001]:8080/a|http://[2001:db8::1]:8080/a|URL",
            "http://010.1.1.1/gate|http://10.1.1.1/gate|URL", "EVIL.example.com/Gate.php|evil.example.com/Gate.php|URL",
            "evil.example.net:8080|evil.example.net:8080|URL", "evil.example|evil.example|TEXT",
            "http://例え.jp/パス|http://xn--r8jz45g.jp/パス|URL",
            "ｈｔｔｐ：／／ｅｖｉｌ．ｃｏｍ／ａ|http://evil.com/a|URL",
            // e-mail: domain canonical, local part as given
            "John.Doe@EVIL.Example.|John.Doe@evil.example|EMAIL", "MAILTO:x@Evil.COM|x@evil.com|EMAIL",
            "john[at]evil[.]example|john@evil.example|EMAIL",
            // hashes
            "D41D8CD98F00B204E9800998ECF8427E|d41d8cd98f00b204e9800998ecf8427e|MD5",
            "DA39A3EE5E6B4B0D3255BFEF95601890AFD80709|da39a3ee5e6b4b0d3255bfef95601890afd80709|SHA1",
            "E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855"
                    + "|e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855|SHA256",
            // CVE ids in upper case
            "cve-2021-44228|CVE-2021-44228|CVE", "CVE-2014-0160|CVE-2014-0160|CVE",
            // file names and free text
            "Invoice.PDF|Invoice.PDF|FILENAME", "setup.exe|setup.exe|FILENAME", "archive.zip|archive.zip|FILENAME",
            "  Global\\MyMutex  |Global\\MyMutex|TEXT", "not an indicator|not an indicator|TEXT",
            "server01.corp.internal|server01.corp.internal|TEXT", "1.2.3|1.2.3|TEXT", "12:30:45|12:30:45|TEXT",
            "@evil_actor|@evil_actor|TEXT",
            // a lone TLD with a trailing dot is no host, else "ba./" became "ba/", which reads back as text
            "ba./|ba./|TEXT", "JP.:8080|JP.:8080|TEXT"})
    void detectsAndNormalises(String input, String canonical, ValueKind kind) {
        NormalisationResult result = ok(input);
        assertThat(result.value()).isEqualTo(canonical);
        assertThat(result.kind()).isEqualTo(kind);
        assertThat(Normaliser.detect(input)).isEqualTo(kind);
        assertThat(result.input()).isEqualTo(input);
    }

    @Test
    void sha512IsDetectedByLength() {
        String sha512 = "CF83E1357EEFB8BDF1542850D66D8007D620E4050B5715DC83F4A921D36CE9CE"
                + "47D0D13C5D85F2B0FF8318D2877EEC2F63B931BD47417A81A538327AF927DA3E";
        NormalisationResult result = ok(sha512);
        assertThat(result.kind()).isEqualTo(ValueKind.SHA512);
        assertThat(result.value()).isEqualTo(sha512.toLowerCase());
    }

    @Test
    void everyInvalidReasonHasItsCode() {
        invalid(null, null, InvalidReason.BLANK);
        invalid("   ", null, InvalidReason.BLANK);
        invalid("\u200B", null, InvalidReason.BLANK);
        invalid("a".repeat(Normaliser.MAX_LENGTH + 1), null, InvalidReason.TOO_LONG);
        invalid("1.2.3.256", null, InvalidReason.IPV4_OCTET_RANGE);
    }

    @Test
    void reasonsForIpAddresses() {
        invalid("1.2.3.256", null, InvalidReason.IPV4_OCTET_RANGE);
        invalid("999.1.1.1", null, InvalidReason.IPV4_OCTET_RANGE);
        invalid("1.2..4", ValueKind.IPV4, InvalidReason.IPV4_MALFORMED);
        invalid("1.2.3.4.5", ValueKind.IPV4, InvalidReason.IPV4_MALFORMED);
        invalid("1.2.3.0004", null, InvalidReason.IPV4_MALFORMED);
        invalid("2001:db8:::1", null, InvalidReason.IPV6_MALFORMED);
        invalid("2001:db8::1::2", null, InvalidReason.IPV6_MALFORMED);
        invalid("1:2:3:4:5:6:7:8:9", null, InvalidReason.IPV6_MALFORMED);
        invalid("2001:db8::g", ValueKind.IPV6, InvalidReason.IPV6_MALFORMED);
        invalid("1.2.3.4/33", null, InvalidReason.CIDR_PREFIX_RANGE);
        invalid("2001:db8::/129", null, InvalidReason.CIDR_PREFIX_RANGE);
        invalid("1.2.3.4/", null, InvalidReason.CIDR_PREFIX_RANGE);
    }

    @Test
    void reasonsForNamesUrlsAndAddresses() {
        invalid("evil..example", ValueKind.DOMAIN, InvalidReason.DOMAIN_MALFORMED);
        invalid("-evil.example", ValueKind.DOMAIN, InvalidReason.DOMAIN_MALFORMED);
        invalid("evil!.example", ValueKind.DOMAIN, InvalidReason.DOMAIN_MALFORMED);
        invalid("a." + "b".repeat(64) + ".example", ValueKind.DOMAIN, InvalidReason.DOMAIN_MALFORMED);
        invalid(("abcdefghi.").repeat(26) + "example", ValueKind.DOMAIN, InvalidReason.DOMAIN_TOO_LONG);
        invalid("http://", null, InvalidReason.URL_HOST);
        invalid("http://evil..example/", null, InvalidReason.URL_HOST);
        invalid("http://999.1.1.1/", null, InvalidReason.URL_HOST);
        invalid("http://evil.example:99999/", null, InvalidReason.URL_PORT);
        invalid("http://evil.example/a b", ValueKind.URL, InvalidReason.URL_MALFORMED);
        invalid("john@evil..example", null, InvalidReason.EMAIL_MALFORMED);
        invalid("@evil.example", ValueKind.EMAIL, InvalidReason.EMAIL_MALFORMED);
        invalid("d41d8cd98f00b204e9800998ecf8427", ValueKind.MD5, InvalidReason.HASH_LENGTH);
        invalid("z41d8cd98f00b204e9800998ecf8427e", ValueKind.MD5, InvalidReason.HASH_NOT_HEX);
        invalid("CVE-21-1", null, InvalidReason.CVE_MALFORMED);
        invalid("CVE-2021-123", null, InvalidReason.CVE_MALFORMED);
    }

    @Test
    void explicitKindsAreNormalisedAsThatKind() {
        assertThat(Normaliser.normalise("Server01.Corp.Internal.", ValueKind.DOMAIN).value())
                .isEqualTo("server01.corp.internal");
        assertThat(Normaliser.normalise(" report[.]pdf ", ValueKind.FILENAME).value()).isEqualTo("report.pdf");
        assertThat(Normaliser.normalise(" a[.]b ", ValueKind.TEXT).value()).isEqualTo("a[.]b");
        assertThat(Normaliser.normalise("1.2.3.4", (ValueKind) null).kind()).isEqualTo(ValueKind.IPV4);
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', value = {"ip-dst|1.2.3.004|1.2.3.4", "ip-src|2001:DB8::0:1|2001:db8::1",
            "ip-dst|port|1.2.3.4|443", "domain|ip|EVIL.example.|010.0.0.1",
            "hostname|WWW.Evil.Example|www.evil.example",
            "url|HXXP://Evil[.]Example/A|http://evil.example/A", "uri|/Gate.php|/Gate.php",
            "email-src|Bob@Evil.Example|Bob@evil.example", "vulnerability|cve-2021-44228|CVE-2021-44228",
            "vulnerability|GHSA-xxxx-yyyy|GHSA-xxxx-yyyy", "sha224|ABCDEF|abcdef",
            "mac-address|AA:BB:CC:00:11:22|aa:bb:cc:00:11:22",
            "text| Some Text |Some Text", "AS|AS64496|AS64496"})
    void normalisesByMispType(String type, String value, String canonical) {
        // CsvSource splits "ip-dst|port" too: rebuild composite types and values
        String mispType = type;
        String raw = value;
        String expected = canonical;
        if (type.equals("ip-dst") && value.equals("port")) {
            mispType = "ip-dst|port";
            raw = canonical;
            expected = null;
        }
        if (type.equals("domain") && value.equals("ip")) {
            mispType = "domain|ip";
            raw = canonical;
            expected = null;
        }
        NormalisationResult result = Normaliser.normaliseForType(mispType, raw);
        assertThat(result.isValid()).isTrue();
        if (expected != null) {
            assertThat(result.value()).isEqualTo(expected);
        }
    }

    @Test
    void compositeTypesNormaliseBothHalves() {
        assertThat(Normaliser.normaliseForType("ip-dst|port", " 001.2.3.4|443 ").value()).isEqualTo("1.2.3.4|443");
        NormalisationResult domainIp = Normaliser.normaliseForType("domain|ip", "EVIL.example.|010.0.0.1");
        assertThat(domainIp.value()).isEqualTo("evil.example|10.0.0.1");
        assertThat(domainIp.kind()).isEqualTo(ValueKind.DOMAIN);
        assertThat(Normaliser.normaliseForType("filename|sha256",
                "Invoice.exe|E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855").value())
                .isEqualTo("Invoice.exe|e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(Normaliser.normaliseForType("domain|ip", "evil.example|1.2.3.999").invalid().code())
                .isEqualTo(InvalidReason.IPV4_OCTET_RANGE);
        assertThat(Normaliser.normaliseForType("filename|md5", "a.exe|xyz").invalid().code())
                .isEqualTo(InvalidReason.HASH_NOT_HEX);
        assertThat(Normaliser.normaliseForType("ip-dst", "").invalid().code()).isEqualTo(InvalidReason.BLANK);
        assertThat(Normaliser.normaliseForType("no-such-type", " x ").value()).isEqualTo("x");
    }

    @Test
    void foldsFullWidthAsciiOnly() {
        assertThat(Normaliser.foldWidth("ＡＢＣ１２３：／．\u3000ｶ")).isEqualTo("ABC123:/. ｶ");
        String plain = "plain";
        assertThat(Normaliser.foldWidth(plain)).isSameAs(plain);
        assertThat(Normaliser.foldWidth(null)).isNull();
    }
}
