package org.alliancesearch.model.indicator;

import java.util.List;
import java.util.stream.Collectors;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Realistic indicator values, canonical, for property tests. */
final class IndicatorArbitraries {
    private IndicatorArbitraries() {
    }

    static Arbitrary<String> ipv4() {
        Arbitrary<Integer> octet = Arbitraries.integers().between(0, 255);
        return Combinators.combine(octet, octet, octet, octet).as((a, b, c, d) -> a + "." + b + "." + c + "." + d);
    }

    /** Eight groups, often with runs of zeros so that compression is exercised. */
    static Arbitrary<int[]> ipv6Groups() {
        Arbitrary<Integer> group = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.just(0)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(1, 0xff)),
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(0, 0xffff)));
        return group.list().ofSize(8).map(list -> list.stream().mapToInt(Integer::intValue).toArray());
    }

    static Arbitrary<String> label() {
        return Combinators.combine(Arbitraries.strings().withCharRange('a', 'z').ofLength(1),
                Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9').withChars('-').ofMaxLength(12),
                Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9').ofLength(1))
                .as((first, middle, last) -> first + middle + last);
    }

    static Arbitrary<String> domain() {
        Arbitrary<String> tld = Arbitraries.of("com", "net", "org", "jp", "co.jp", "io", "ru", "cn", "info",
                "xn--p1ai", "top", "xyz");
        return Combinators.combine(label().list().ofMinSize(1).ofMaxSize(3), tld)
                .as((labels, suffix) -> String.join(".", labels) + "." + suffix);
    }

    static Arbitrary<String> url() {
        Arbitrary<String> segment = Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z')
                .withCharRange('0', '9').withChars('-', '_', '.').ofMinLength(1).ofMaxLength(10)
                .filter(s -> !s.contains(".."));
        Arbitrary<String> path = segment.list().ofMaxSize(3).map(list -> list.isEmpty()
                ? ""
                : list.stream().collect(Collectors.joining("/", "/", "")));
        Arbitrary<String> port = Arbitraries.oneOf(Arbitraries.just(""),
                Arbitraries.integers().between(1, 65535).map(p -> ":" + p));
        Arbitrary<String> query = Arbitraries.oneOf(Arbitraries.just(""),
                segment.map(s -> "?q=" + s));
        Arbitrary<String> host = Arbitraries.oneOf(domain(), ipv4());
        return Combinators.combine(Arbitraries.of("http://", "https://", "ftp://"), host, port, path, query)
                .as((scheme, h, p, pa, q) -> scheme + h + p + pa + q);
    }

    static Arbitrary<String> email() {
        Arbitrary<String> local = Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z')
                .withCharRange('0', '9').withChars('.', '_', '+', '-').ofMinLength(1).ofMaxLength(16)
                .filter(s -> s.charAt(0) != '.');
        return Combinators.combine(local, domain()).as((l, d) -> l + "@" + d);
    }

    static Arbitrary<String> hash() {
        return Arbitraries.of(32, 40, 64, 128)
                .flatMap(length -> Arbitraries.strings().withChars("0123456789abcdef").ofLength(length))
                .filter(s -> !s.chars().allMatch(Character::isDigit));
    }

    static Arbitrary<String> ipv6() {
        return ipv6Groups().map(IpAddresses::formatIpv6);
    }

    static Arbitrary<String> cidr() {
        return Combinators.combine(ipv4(), Arbitraries.integers().between(0, 31))
                .as((ip, prefix) -> Normaliser.normalise(ip + "/" + prefix).value());
    }

    /** Canonical values of every kind that can be detected from the value alone. */
    static Arbitrary<String> canonical() {
        return Arbitraries.oneOf(ipv4(), ipv6(), cidr(), domain(), url(), email(), hash());
    }

    /** The value as an analyst might paste it: surrounding space, upper case where it does not matter, defanged. */
    static Arbitrary<String> messy(String canonical) {
        NormalisationResult result = Normaliser.normalise(canonical);
        List<Arbitrary<String>> variants = new java.util.ArrayList<>();
        variants.add(Arbitraries.just(canonical));
        variants.add(Arbitraries.of(" ", "\t", "\u3000", "\n").map(space -> space + canonical + space));
        variants.add(Arbitraries.just(Defang.defang(canonical, result.kind())));
        switch (result.kind()) {
            case DOMAIN :
                variants.add(Arbitraries.just(canonical.toUpperCase() + "."));
                break;
            case MD5 :
            case SHA1 :
            case SHA256 :
            case SHA512 :
            case IPV6 :
                variants.add(Arbitraries.just(canonical.toUpperCase()));
                break;
            case IPV4 : {
                String padded = java.util.Arrays.stream(canonical.split("\\."))
                        .map(octet -> String.format("%03d", Integer.parseInt(octet)))
                        .collect(Collectors.joining("."));
                variants.add(Arbitraries.just(padded));
                variants.add(Arbitraries.just(toFullWidth(canonical)));
                break;
            }
            case URL : {
                int hostEnd = canonical.indexOf("://") + 3;
                while (hostEnd < canonical.length() && "/?#".indexOf(canonical.charAt(hostEnd)) < 0) {
                    hostEnd++;
                }
                String head = canonical.substring(0, hostEnd);
                String tail = canonical.substring(hostEnd);
                variants.add(Arbitraries.just(head.toUpperCase() + tail));
                break;
            }
            case EMAIL : {
                int at = canonical.lastIndexOf('@');
                variants.add(Arbitraries.just(canonical.substring(0, at) + "[at]"
                        + canonical.substring(at + 1).toUpperCase()));
                break;
            }
            default :
                break;
        }
        return Arbitraries.oneOf(variants);
    }

    static String toFullWidth(String ascii) {
        StringBuilder out = new StringBuilder();
        for (char c : ascii.toCharArray()) {
            out.append(c > ' ' && c < 0x7f ? (char) (c + 0xFEE0) : c);
        }
        return out.toString();
    }
}
