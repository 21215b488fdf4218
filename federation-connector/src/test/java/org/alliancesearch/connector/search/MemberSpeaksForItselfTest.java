package org.alliancesearch.connector.search;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.alliancesearch.connector.FederatedResult;
import org.alliancesearch.connector.MemberOutcome;
import org.alliancesearch.connector.MemberStatus;
import org.alliancesearch.connector.support.MemberServersSupport;
import org.alliancesearch.connector.support.MispFixtures;
import org.alliancesearch.model.merge.MergedIndicator;
import org.alliancesearch.model.query.SearchQuery;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;

/** A member answers only with what was searched: a value nobody asked for is dropped and counted as skipped. */
@QuarkusTest
class MemberSpeaksForItselfTest extends MemberServersSupport {
    private static final String SHA256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private static ObjectNode attribute(int i, String type, String value) {
        ObjectNode a = MispFixtures.attribute("5eed", i);
        a.put("type", type);
        a.put("value", value);
        return a;
    }

    private void answers(int server, ObjectNode... attributes) {
        servers[server].stubFor(post(urlEqualTo("/attributes/restSearch")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody(MispFixtures.response(List.of(
                        attributes)))));
    }

    private static List<String> values(FederatedResult r) {
        List<String> values = new ArrayList<>();
        r.merged().indicators().stream().map(MergedIndicator::value).forEach(values::add);
        return values;
    }

    @Test
    void aValueNobodySearchedIsDroppedAndCountedAsSkipped() {
        answers(0, attribute(1, "domain", "evil.example"), attribute(2, "domain", "innocent.example"),
                attribute(3, "ip-dst", "198.51.100.99"), attribute(4, "domain|ip", "planted.example|192.0.2.1"));
        member("liar", 0);

        FederatedResult r = run(SearchQuery.ofValues(List.of("evil.example")));

        MemberOutcome o = of(r, "liar");
        assertThat(o.status()).isEqualTo(MemberStatus.OK);
        assertThat(o.hitCount()).isEqualTo(1);
        assertThat(o.skipped()).isEqualTo(3);
        assertThat(o.hits()).extracting(h -> h.attribute().value()).containsExactly("evil.example");
        assertThat(values(r)).containsExactly("evil.example");
    }

    @Test
    void anHonestMembersOtherSpellingsAreKept() {
        answers(0, attribute(1, "sha256", SHA256.toUpperCase()), attribute(2, "domain", "EVIL.example."),
                attribute(3, "ip-src", "2001:0DB8:0000:0000:0000:0000:0000:0001"),
                attribute(4, "url", "HXXP://Evil[.]Example/Kit"), attribute(5, "domain", "evil[.]example"));
        member("honest", 0);

        FederatedResult r = run(
                SearchQuery.ofValues(List.of(SHA256, "evil.example", "2001:db8::1", "http://evil.example/Kit")));

        MemberOutcome o = of(r, "honest");
        assertThat(o.skipped()).isZero();
        assertThat(o.hitCount()).isEqualTo(5);
        assertThat(values(r)).containsExactlyInAnyOrder(SHA256, "evil.example", "2001:db8::1",
                "http://evil.example/Kit");
    }

    @Test
    void eitherHalfOfACompositeValueAnswers() {
        answers(0, attribute(1, "filename|sha256", "invoice.pdf.exe|" + SHA256),
                attribute(2, "domain|ip", "cdn.example|203.0.113.77"), attribute(3, "ip-dst|port", "203.0.113.77|443"),
                attribute(4, "filename|sha256", "invoice.pdf.exe|" + SHA256.replace('9', '8')));
        member("composite", 0);

        FederatedResult r = run(SearchQuery.ofValues(List.of(SHA256, "203.0.113.77")));

        MemberOutcome o = of(r, "composite");
        assertThat(o.hitCount()).isEqualTo(3);
        assertThat(o.skipped()).isEqualTo(1);
        // each composite is filed under the half that was searched: the domain|ip under its IP, not its name
        assertThat(values(r)).containsExactlyInAnyOrder(SHA256, "203.0.113.77");
    }

    @Test
    void aRecordRepeatingTheLastRecordsValueIsJudgedAsThatOne() {
        // Equal values are the same string after reading, and the check reuses the last verdict for them: the
        // verdict must follow each value, whatever came before it.
        answers(0, attribute(1, "domain", "innocent.example"), attribute(2, "domain", "innocent.example"),
                attribute(3, "domain", "evil.example"), attribute(4, "domain", "evil.example"),
                attribute(5, "domain", "innocent.example"), attribute(6, "domain", "evil.example"),
                attribute(7, "domain", "evil.example"), attribute(8, "domain", "innocent.example"));
        member("repeating", 0);

        FederatedResult r = run(SearchQuery.ofValues(List.of("evil.example")));

        MemberOutcome o = of(r, "repeating");
        assertThat(o.hitCount()).isEqualTo(4);
        assertThat(o.skipped()).isEqualTo(4);
        assertThat(o.hits()).extracting(h -> h.attribute().value()).containsOnly("evil.example");
    }
}
