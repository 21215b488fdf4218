package org.alliancesearch.model.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

import org.junit.jupiter.api.Test;

class IocExtractorTest {

    private static List<String> values(String text) {
        return IocExtractor.extract(text).stream().map(ExtractedIndicator::value).toList();
    }

    @Test
    void extractsEveryKindFromAnEnglishReportInOrderOfFirstAppearance() {
        String report = "The dropper (sha256 E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855) "
                + "connects to 203.0.113.7 and to evil-cdn.com, then downloads http://Evil-CDN.com/stage2.bin. "
                + "Replies go to ops@mail.bad-actor.net. It exploits CVE-2021-44228 and cve-2017-0144; the C2 also "
                + "listens on 2001:DB8::7 and 198.51.100.0/24. Sample md5: d41d8cd98f00b204e9800998ecf8427e, "
                + "sha1 da39a3ee5e6b4b0d3255bfef95601890afd80709. Again: 203.0.113.7, EVIL-CDN.COM.";
        assertThat(IocExtractor.extract(report)).extracting(ExtractedIndicator::kind, ExtractedIndicator::value)
                .containsExactly(
                        tuple(ValueKind.SHA256, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
                        tuple(ValueKind.IPV4, "203.0.113.7"), tuple(ValueKind.DOMAIN, "evil-cdn.com"),
                        tuple(ValueKind.URL, "http://evil-cdn.com/stage2.bin"),
                        tuple(ValueKind.EMAIL, "ops@mail.bad-actor.net"), tuple(ValueKind.CVE, "CVE-2021-44228"),
                        tuple(ValueKind.CVE, "CVE-2017-0144"), tuple(ValueKind.IPV6, "2001:db8::7"),
                        tuple(ValueKind.CIDR, "198.51.100.0/24"),
                        tuple(ValueKind.MD5, "d41d8cd98f00b204e9800998ecf8427e"),
                        tuple(ValueKind.SHA1, "da39a3ee5e6b4b0d3255bfef95601890afd80709"));
        assertThat(IocExtractor.extract(report).get(2).mispType()).isEqualTo("domain");
    }

    @Test
    void extractsDefangedIndicators() {
        assertThat(values("C2: hxxps://bad[.]example[.]com/gate[.]php and 192.0.2[.]10, mail admin[at]phish(.)net, "
                + "host update{.}evil[dot]org, v6 2001[:]db8[:][:]42")).containsExactly(
                        "https://bad.example.com/gate.php", "192.0.2.10", "admin@phish.net", "update.evil.org",
                        "2001:db8::42");
    }

    @Test
    void extractsFromJapaneseTextWithoutSpaces() {
        assertThat(values("攻撃者は1.2.3[.]4に接続")).containsExactly("1.2.3.4");
        assertThat(values("攻撃者はevil-site[.]comに接続し、hxxp://evil-site[.]com/a.phpからマルウェアを取得した。"))
                .containsExactly("evil-site.com", "http://evil-site.com/a.php");
        assertThat(values("送信元アドレスはattacker@phish.co.jpです。ハッシュ値はd41d8cd98f00b204e9800998ecf8427eでした"))
                .containsExactly("attacker@phish.co.jp", "d41d8cd98f00b204e9800998ecf8427e");
        assertThat(values("脆弱性CVE-2023-12345を悪用。通信先は198.51.100.23。")).containsExactly("CVE-2023-12345",
                "198.51.100.23");
    }

    @Test
    void foldsFullWidthCharacters() {
        assertThat(values("通信先：１９２．０．２．５５、ｅｖｉｌ．ｃｏｍ、ｈｘｘｐ：／／ｅｖｉｌ．ｃｏｍ／ｘ"))
                .containsExactly("192.0.2.55", "evil.com", "http://evil.com/x");
        assertThat(values("bad［.］com")).containsExactly("bad.com");
    }

    @Test
    void leavesOutFileNamesThatLookLikeDomains() {
        assertThat(values("Open report.pdf, invoice.docx and setup.exe, then run install.sh or README.md"))
                .isEmpty();
        assertThat(values("The archive.zip dropped loader.dll and config.json")).isEmpty();
        // the same names count when they were defanged on purpose
        assertThat(values("C2 at update[.]zip and files[.]sh")).containsExactly("update.zip", "files.sh");
        // a real TLD that is not a file extension is kept
        assertThat(values("visit evil.pl and evil.rs")).containsExactly("evil.pl", "evil.rs");
    }

    @Test
    void leavesOutVersionNumbersThatLookLikeAddresses() {
        assertThat(values("Fixed in v1.2.3.4 and version 2.0.0.1, Ver. 3.1.0.2, build 10.0.19041.1; "
                + "バージョン4.5.6.7で修正、5.6.7.8版も; but C2 was 9.8.7.6")).containsExactly("9.8.7.6");
        // five-part versions are not addresses either
        assertThat(values("release 1.2.3.4.5")).isEmpty();
        assertThat(values("dev 1.2.3.4 server 5.6.7.8")).containsExactly("1.2.3.4", "5.6.7.8");
    }

    @Test
    void leavesOutInvalidAndPartialValues() {
        assertThat(values("999.1.1.1 and 1.2.3 and 12:30:45 and aa:bb:cc:dd:ee:ff and e.g. i.e. Node.js"))
                .isEmpty();
        assertThat(values("a 32-digit number 12345678901234567890123456789012 is no hash")).isEmpty();
    }

    @Test
    void reportsEachIndicatorOnceAndTheUrlNotItsHost() {
        assertThat(values("http://a.evil.com/x http://a.evil.com/x a.evil.com A.EVIL.COM. user@a.evil.com"))
                .containsExactly("http://a.evil.com/x", "a.evil.com", "user@a.evil.com");
    }

    @Test
    void trimsSentencePunctuationAndBracketsFromUrls() {
        assertThat(values("(see https://evil.com/a_(b).html), or \"http://evil.com/q?x=1\".")).containsExactly(
                "https://evil.com/a_(b).html", "http://evil.com/q?x=1");
    }

    @Test
    void emptyTextGivesNothing() {
        assertThat(IocExtractor.extract(null)).isEmpty();
        assertThat(IocExtractor.extract("  \n ")).isEmpty();
        assertThat(IocExtractor.extract("nothing to see here")).isEmpty();
    }
}
