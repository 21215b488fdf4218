package org.alliancesearch.portal.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;

import org.alliancesearch.portal.watch.service.WebhookUrlRule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The webhook URL rules when a watch is saved, and for each address at send time. */
class WebhookUrlRuleTest {
    private final WebhookUrlRule production = new WebhookUrlRule(false, true);
    private final WebhookUrlRule demo = new WebhookUrlRule(true, false);

    @ParameterizedTest
    @CsvSource({"https://hooks.example.org/alliance/,", "https://hooks.example.org:8443/a,",
            "http://hooks.example.org/a,url.https-required", "https://10.0.0.8/hook,url.private",
            "https://192.168.0.1/hook,url.private", "https://172.16.5.5/hook,url.private",
            "https://100.64.0.1/hook,url.shared", "https://127.0.0.1/hook,url.loopback",
            "https://localhost/hook,url.loopback", "https://[::1]/hook,url.loopback",
            "https://[::ffff:10.0.0.1]/hook,url.private", "https://[fd00::1]/hook,url.unique-local",
            "https://169.254.169.254/latest,url.metadata", "https://metadata.google.internal/x,url.metadata",
            "https://169.254.10.10/x,url.link-local", "https://0.0.0.0/x,url.unspecified",
            "https://2130706433/x,url.invalid", "ftp://hooks.example.org/x,url.scheme",
            "https://user:pw@hooks.example.org/x,url.userinfo", "https://hooks.example.org/x?token=1,url.query",
            "'',url.invalid"})
    void productionRules(String url, String code) {
        WebhookUrlRule.Checked checked = production.check(url);
        assertThat(checked.code()).as(url).isEqualTo(code);
        if (code == null) {
            assertThat(checked.url().toString()).isEqualTo(url);
        }
    }

    @ParameterizedTest
    @CsvSource({"http://127.0.0.1:9000/hook,", "http://localhost:9000/hook,", "http://10.0.0.8/hook,url.private",
            "http://169.254.169.254/x,url.metadata"})
    void theMemberLoopbackSettingAllowsLoopbackOnly(String url, String code) {
        assertThat(demo.check(url).code()).as(url).isEqualTo(code);
    }

    @ParameterizedTest
    @CsvSource({"93.184.216.34,", "2606:4700::1111,", "127.0.0.1,loopback", "10.0.0.1,private",
            "192.0.2.1,reserved", "169.254.169.254,metadata", "::ffff:127.0.0.1,loopback"})
    void addressesAtSendTime(String address, String code) throws Exception {
        assertThat(production.refusal(InetAddress.getByName(address)).orElse(null)).as(address).isEqualTo(code);
    }
}
