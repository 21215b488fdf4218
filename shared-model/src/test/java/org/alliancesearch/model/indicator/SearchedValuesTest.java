package org.alliancesearch.model.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;

class SearchedValuesTest {
    private static final String SHA256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    @Provide
    Arbitrary<Tuple2<String, String>> canonicalAndMessy() {
        return IndicatorArbitraries.canonical().flatMap(
                value -> IndicatorArbitraries.messy(value).map(messy -> Tuple.of(value, messy)));
    }

    @Provide
    Arbitrary<Tuple2<String, String>> twoValues() {
        return Arbitraries.oneOf(IndicatorArbitraries.canonical()).tuple2();
    }

    private static String typeOf(String canonical) {
        String type = Normaliser.normalise(canonical).kind().mispType();
        return type == null ? "text" : type;
    }

    @Property
    void anHonestMembersOtherSpellingAnswersTheSearch(@ForAll("canonicalAndMessy") Tuple2<String, String> pair) {
        String type = typeOf(pair.get1());
        assertThat(SearchedValues.of(List.of(pair.get1())).matches(type, pair.get2())).as(pair.get2()).isTrue();
        // and the other way round: the analyst typed the messy spelling, the member stores the canonical one
        assertThat(SearchedValues.of(List.of(pair.get2())).matches(type, pair.get1())).as(pair.get2()).isTrue();
    }

    @Property
    void eitherHalfOfACompositeAnswersTheSearch(@ForAll("canonicalAndMessy") Tuple2<String, String> pair) {
        SearchedValues searched = SearchedValues.of(List.of(pair.get1()));
        String messy = pair.get2().strip();
        assertThat(searched.matches("filename|sha256", messy + "|" + SHA256)).isTrue();
        assertThat(searched.matches("domain|ip", "unrelated.example|" + messy)).isTrue();
    }

    @Property
    void aValueNobodySearchedNeverAnswers(@ForAll("twoValues") Tuple2<String, String> pair) {
        String searched = pair.get1();
        String returned = pair.get2();
        String a = Normaliser.normalise(searched).value();
        String b = Normaliser.normalise(returned).value();
        boolean inside = Normaliser.normalise(searched).kind() == ValueKind.CIDR
                && Indicators.networkContains(a, b);
        if (a.equalsIgnoreCase(b) || inside) {
            return;
        }
        assertThat(SearchedValues.of(List.of(searched)).matches(typeOf(returned), returned))
                .as("%s searched, %s returned", searched, returned).isFalse();
        assertThat(SearchedValues.of(List.of(searched)).matches("domain|ip", "other.example|" + returned))
                .isFalse();
    }

    @Test
    void addedValuesAreRefused() {
        SearchedValues searched = SearchedValues.of(List.of("evil.example", "203.0.113.7"));
        assertThat(searched.matches("domain", "innocent.example")).isFalse();
        assertThat(searched.matches("ip-dst", "203.0.113.8")).isFalse();
        assertThat(searched.matches("domain", "<script>alert(1)</script>evil.example")).isFalse();
        assertThat(searched.matches("domain", "evil.example.attacker.example")).isFalse();
        assertThat(searched.matches("url", "http://evil.example/")).isFalse();
        assertThat(searched.matches("domain|ip", "other.example|198.51.100.1")).isFalse();
        assertThat(searched.matches("domain", null)).isFalse();
    }

    @Test
    void honestSpellingsAnswer() {
        SearchedValues searched = SearchedValues.of(List.of("evil.example", "2001:db8::1", SHA256, "Invoice.PDF"));
        assertThat(searched.matches("domain", "EVIL.example.")).isTrue();
        assertThat(searched.matches("domain", "evil[.]example")).isTrue();
        assertThat(searched.matches("ip-src", "2001:0DB8:0:0:0:0:0:1")).isTrue();
        assertThat(searched.matches("sha256", SHA256.toUpperCase())).isTrue();
        assertThat(searched.matches("filename|sha256", "x.exe|" + SHA256.toUpperCase())).isTrue();
        assertThat(searched.matches("domain|ip", "evil.example|192.0.2.1")).isTrue();
        assertThat(searched.matches("ip-dst|port", "2001:db8::1|443")).isTrue();
        // MISP matches values ignoring case
        assertThat(searched.matches("filename", "invoice.pdf")).isTrue();
        assertThat(searched.matches("filename|md5", "INVOICE.pdf|d41d8cd98f00b204e9800998ecf8427e")).isTrue();
    }

    @Test
    void patternsAndNetworksAnswerAsOnMisp() {
        SearchedValues searched = SearchedValues.of(List.of("%.evil.example", "192.0.2.0/24", "2001:db8::/32"));
        assertThat(searched.matches("domain", "a.b.EVIL.example")).isTrue();
        assertThat(searched.matches("domain", "evil.example.org")).isFalse();
        assertThat(searched.matches("ip-dst", "192.0.2.200")).isTrue();
        assertThat(searched.matches("ip-dst", "192.0.3.1")).isFalse();
        assertThat(searched.matches("ip-src", "2001:db8:ffff::1")).isTrue();
        assertThat(searched.matches("ip-src", "2001:db9::1")).isFalse();
        assertThat(searched.matches("domain|ip", "x.example|192.0.2.9")).isTrue();
    }

    @Test
    void networkContainment() {
        assertThat(Indicators.networkContains("10.0.0.0/8", "10.255.1.2")).isTrue();
        assertThat(Indicators.networkContains("10.0.0.0/8", "10.1.0.0/16")).isTrue();
        assertThat(Indicators.networkContains("10.0.0.0/16", "10.0.0.0/8")).isFalse();
        assertThat(Indicators.networkContains("10.0.0.0/8", "11.0.0.1")).isFalse();
        assertThat(Indicators.networkContains("10.0.0.0/8", "::1")).isFalse();
        assertThat(Indicators.networkContains("10.0.0.0", "10.0.0.0")).isFalse();
        assertThat(Indicators.networkContains("0.0.0.0/0", "198.51.100.1")).isTrue();
    }

    @Test
    void matchedHalvesTellWhichHalfOfACompositeWasSearched() {
        String record = "Evil.Example.|203.0.113.5";
        assertThat(SearchedValues.of(List.of("203.0.113.5")).matchedHalves("domain|ip", record))
                .containsExactly(CompositeHalf.RIGHT);
        assertThat(SearchedValues.of(List.of("EVIL.Example.")).matchedHalves("domain|ip", record))
                .containsExactly(CompositeHalf.LEFT);
        assertThat(SearchedValues.of(List.of("EVIL.example", "203.0.113.0/24")).matchedHalves("domain|ip", record))
                .containsExactly(CompositeHalf.LEFT, CompositeHalf.RIGHT);
        assertThat(
                SearchedValues.of(List.of("%.evil.example")).matchedHalves("domain|ip", "a.Evil.Example|203.0.113.5"))
                .containsExactly(CompositeHalf.LEFT);
        assertThat(SearchedValues.of(List.of("192.0.2.1")).matchedHalves("domain|ip", record)).isEmpty();
        assertThat(SearchedValues.of(List.of(SHA256.toUpperCase())).matchedHalves("filename|sha256",
                "a|b.exe|" + SHA256)).containsExactly(CompositeHalf.RIGHT);
        assertThat(SearchedValues.of(List.of("8443")).matchedHalves("ip-dst|port", "198.51.100.7|8443"))
                .containsExactly(CompositeHalf.RIGHT);
        // not a composite: a plain record, or a composite type without its bar
        assertThat(SearchedValues.of(List.of("203.0.113.5")).matchedHalves("ip-dst", "203.0.113.5")).isEmpty();
        assertThat(SearchedValues.of(List.of("evil.example")).matchedHalves("domain|ip", "evil.example")).isEmpty();
    }

    @Test
    void eachHalfKeysAsAPlainRecordOfItWould() {
        assertThat(Indicators.halfKey("domain|ip", "Evil.Example.|203.0.113.5", CompositeHalf.RIGHT))
                .isEqualTo(Indicators.key("ip-dst", "203.0.113.5"));
        assertThat(Indicators.halfKey("domain|ip", "Evil.Example.|203.0.113.5", CompositeHalf.LEFT))
                .isEqualTo(Indicators.key("domain", "evil.example"));
        assertThat(Indicators.halfKey("filename|sha256", "a|b.exe|" + SHA256.toUpperCase(), CompositeHalf.LEFT))
                .isEqualTo(Indicators.key("filename", "a|b.exe"));
        assertThat(Indicators.halfKey("ip-dst|port", "198.51.100.7| 8443", CompositeHalf.RIGHT))
                .isEqualTo(new IndicatorKey("port", "8443"));
        assertThat(Indicators.compositeValue("domain|ip", "Evil.Example.|203.0.113.5"))
                .isEqualTo("evil.example|203.0.113.5");
        assertThat(Indicators.halfKey("ip-dst", "203.0.113.5", CompositeHalf.LEFT)).isNull();
    }
}
