package org.alliancesearch.portal.member;

import static org.assertj.core.api.Assertions.assertThat;

import org.alliancesearch.portal.member.service.MemberUrlValidator;
import org.alliancesearch.portal.member.service.MemberUrlValidator.Refusal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which member URLs are accepted, how they are normalised, and why the others are refused. */
class MemberUrlValidatorTest {
    private final MemberUrlValidator strict = new MemberUrlValidator(false);
    private final MemberUrlValidator demo = new MemberUrlValidator(true);

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "https://misp.example.org | https://misp.example.org",
            "HTTPS://MISP.Example.ORG/ | https://misp.example.org",
            "https://misp.example.org:443/misp// | https://misp.example.org/misp",
            "http://misp.example.org:80 | http://misp.example.org",
            "https://misp.example.org:8443/Path | https://misp.example.org:8443/Path",
            "https://10.0.0.5 | https://10.0.0.5",
            "https://[2001:db8::1]:8443 | https://[2001:db8::1]:8443",
            "  https://misp.example.org  | https://misp.example.org"})
    void accepted(String raw, String normalised) {
        MemberUrlValidator.Result result = strict.check(raw);
        assertThat(result.ok()).as(raw).isTrue();
        assertThat(result.normalised()).isEqualTo(normalised);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "ftp://misp.example.org | SCHEME",
            "misp.example.org | SCHEME",
            "javascript:alert(1) | SCHEME",
            "file:///etc/passwd | SCHEME",
            "https://user:pass@misp.example.org | USERINFO",
            "https://user@misp.example.org | USERINFO",
            "https://misp.example.org/?key=1 | QUERY",
            "https://misp.example.org/#x | QUERY",
            "https:// | INVALID",
            "https://exa mple.org | INVALID",
            "https://under_score.example.org | INVALID",
            "http://169.254.169.254/latest/meta-data | METADATA",
            "http://[fd00:ec2::254] | METADATA",
            "http://metadata.google.internal | METADATA",
            "http://METADATA.GOOGLE.INTERNAL. | METADATA",
            "http://100.100.100.200 | METADATA",
            "http://169.254.1.1 | LINK_LOCAL",
            "http://[fe80::1] | LINK_LOCAL",
            "http://127.0.0.1:8080 | LOOPBACK",
            "http://127.8.9.10 | LOOPBACK",
            "http://localhost:8443 | LOOPBACK",
            "http://api.localhost | LOOPBACK",
            "http://[::1] | LOOPBACK",
            "http://[::ffff:127.0.0.1] | LOOPBACK",
            "http://[::ffff:169.254.169.254] | METADATA",
            "http://2130706433 | INVALID",
            "http://0x7f.1 | INVALID",
            "http://127.1 | INVALID",
            "http://0.0.0.0 | UNSPECIFIED",
            "http://[::] | UNSPECIFIED"})
    void refused(String raw, Refusal refusal) {
        MemberUrlValidator.Result result = strict.check(raw);
        assertThat(result.ok()).as(raw).isFalse();
        assertThat(result.refusal()).as(raw).isEqualTo(refusal);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "http://127.0.0.1:8080 | http://127.0.0.1:8080",
            "http://localhost:9441/ | http://localhost:9441",
            "http://[::1]:9441 | http://[::1]:9441"})
    void loopbackOnlyWhenAllowed(String raw, String normalised) {
        assertThat(demo.check(raw).normalised()).isEqualTo(normalised);
        assertThat(strict.check(raw).refusal()).isEqualTo(Refusal.LOOPBACK);
        // metadata stays refused even where loopback is allowed
        assertThat(demo.check("http://169.254.169.254").refusal()).isEqualTo(Refusal.METADATA);
    }
}
