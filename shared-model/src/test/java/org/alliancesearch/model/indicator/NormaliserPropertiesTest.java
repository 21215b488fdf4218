package org.alliancesearch.model.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;

class NormaliserPropertiesTest {

    @Provide
    Arbitrary<String> canonical() {
        return IndicatorArbitraries.canonical();
    }

    @Provide
    Arbitrary<Tuple2<String, String>> canonicalAndMessy() {
        return IndicatorArbitraries.canonical().flatMap(
                value -> IndicatorArbitraries.messy(value).map(messy -> Tuple.of(value, messy)));
    }

    @Provide
    Arbitrary<String> anything() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(40),
                Arbitraries.strings().withChars("0123456789abcdefABCDEF.:/[]()@%!&|xhtp -").ofMaxLength(40),
                canonicalAndMessy().map(Tuple2::get2));
    }

    @Property
    void generatedValuesAreCanonicalAlready(@ForAll("canonical") String value) {
        NormalisationResult result = Normaliser.normalise(value);
        assertThat(result.isValid()).as("%s: %s", value, result.invalid()).isTrue();
        assertThat(result.value()).isEqualTo(value);
        assertThat(result.kind()).isNotEqualTo(ValueKind.TEXT);
    }

    @Property
    void messySpellingsNormaliseToTheCanonicalValue(@ForAll("canonicalAndMessy") Tuple2<String, String> pair) {
        NormalisationResult result = Normaliser.normalise(pair.get2());
        assertThat(result.value()).as("from %s", pair.get2()).isEqualTo(pair.get1());
        assertThat(result.kind()).isEqualTo(Normaliser.normalise(pair.get1()).kind());
    }

    @Property(tries = 2000)
    void normalisationIsIdempotent(@ForAll("anything") String value) {
        NormalisationResult once = Normaliser.normalise(value);
        if (once.isValid()) {
            NormalisationResult twice = Normaliser.normalise(once.value());
            assertThat(twice.value()).as("from %s", value).isEqualTo(once.value());
            assertThat(twice.kind()).isEqualTo(once.kind());
        } else {
            assertThat(once.invalid().code()).isNotBlank();
        }
    }

    @Property
    void refangUndoesDefang(@ForAll("canonical") String value) {
        String defanged = Defang.defang(value);
        assertThat(Normaliser.refang(defanged)).isEqualTo(value);
        assertThat(Normaliser.normalise(defanged).value()).isEqualTo(value);
    }

    @Property
    void defangedIpAndDomainValuesAreNotClickable(@ForAll("canonical") String value) {
        ValueKind kind = Normaliser.detect(value);
        String defanged = Defang.defang(value);
        if (kind == ValueKind.IPV4 || kind == ValueKind.DOMAIN || kind == ValueKind.EMAIL) {
            assertThat(defanged).contains("[");
        }
        if (kind == ValueKind.URL && value.startsWith("http")) {
            assertThat(defanged).startsWith("hxxp");
        }
    }

    @Property
    void ipv6TextIsRfc5952AndTheSameAddress(@ForAll("groups") int[] groups) throws UnknownHostException {
        StringBuilder full = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            full.append(i == 0 ? "" : ":").append(String.format("%04X", groups[i]));
        }
        String canonical = Normaliser.normalise(full.toString()).value();
        // The JDK parses literals without any lookup; it is the oracle for "same address".
        assertThat(InetAddress.getByName("[" + canonical + "]").getAddress())
                .isEqualTo(InetAddress.getByName("[" + full + "]").getAddress());
        assertThat(canonical).doesNotContain(":::").doesNotMatch(".*[A-F].*")
                .doesNotMatch(".*(^|:)0[0-9a-f].*");
        assertThat(canonical.indexOf("::")).isEqualTo(canonical.lastIndexOf("::"));
    }

    @Provide
    Arbitrary<int[]> groups() {
        return IndicatorArbitraries.ipv6Groups();
    }

    @Property
    void keysOfMessyAndCanonicalSpellingsAgree(@ForAll("typedValues") Tuple2<String, String> typed) {
        String type = typed.get1();
        String value = typed.get2();
        IndicatorKey key = Indicators.key(type, value);
        String canonical = Normaliser.normalise(value).value();
        assertThat(key.value()).isEqualTo(canonical);
        for (int i = 0; i < 3; i++) {
            String messy = IndicatorArbitraries.messy(value).sample();
            assertThat(Indicators.key(type, messy)).as("%s %s", type, messy).isEqualTo(key);
        }
    }

    @Provide
    Arbitrary<Tuple2<String, String>> typedValues() {
        return Arbitraries.oneOf(
                Combinators.combine(Arbitraries.of("ip-src", "ip-dst"),
                        Arbitraries.oneOf(IndicatorArbitraries.ipv4(), IndicatorArbitraries.ipv6())).as(Tuple::of),
                Combinators.combine(Arbitraries.of("domain", "hostname"), IndicatorArbitraries.domain())
                        .as(Tuple::of),
                IndicatorArbitraries.url().map(url -> Tuple.of("url", url)),
                Combinators.combine(Arbitraries.of("email", "email-src", "email-dst"), IndicatorArbitraries.email())
                        .as(Tuple::of),
                IndicatorArbitraries.hash().map(hash -> Tuple.of(hashType(hash), hash)));
    }

    private static String hashType(String hash) {
        return switch (hash.length()) {
            case 32 -> "md5";
            case 40 -> "sha1";
            case 64 -> "sha256";
            default -> "sha512";
        };
    }

    @Property(tries = 2000)
    void keyNeverThrowsAndAgreesWithTheNormaliser(@ForAll("types") String type, @ForAll("anything") String value) {
        IndicatorKey key = Indicators.key(type, value);
        assertThat(key.family()).isEqualTo(MispTypes.family(type));
        if (!type.contains("|")) {
            NormalisationResult result = Normaliser.normaliseForType(type, value);
            assertThat(key.value()).isEqualTo(result.valueOr(value.strip()));
        }
    }

    @Provide
    Arbitrary<String> types() {
        return Arbitraries.of("ip-dst", "ip-src", "domain", "hostname", "url", "uri", "email-src", "md5", "sha1",
                "sha256", "sha512", "filename", "vulnerability", "sha224", "mac-address", "mutex", "domain|ip",
                "ip-dst|port", "filename|sha256");
    }
}
