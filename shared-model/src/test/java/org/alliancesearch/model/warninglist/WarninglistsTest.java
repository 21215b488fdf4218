package org.alliancesearch.model.warninglist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.alliancesearch.model.indicator.ValueKind;
import org.junit.jupiter.api.Test;

/** Each list type against MISP's own list files, bundled, and the rules MISP applies around them. */
class WarninglistsTest {
    private static final Map<String, Warninglist> BUNDLED = Warninglists.bundled().stream()
            .collect(Collectors.toMap(Warninglist::name, Function.identity()));
    private static final Warninglists ALL = Warninglists.of(Warninglists.bundled());

    private static Warninglists only(String name) {
        assertThat(BUNDLED).containsKey(name);
        return Warninglists.of(List.of(BUNDLED.get(name)));
    }

    private static List<String> names(List<WarninglistMatch> matches) {
        return matches.stream().map(WarninglistMatch::listName).toList();
    }

    @Test
    void everyBundledListIsReadWithItsTypeAndAttributes() {
        assertThat(BUNDLED).hasSize(18);
        assertThat(BUNDLED.values()).extracting(Warninglist::type).contains(WarninglistType.STRING,
                WarninglistType.SUBSTRING, WarninglistType.HOSTNAME, WarninglistType.CIDR);
        Warninglist rfc1918 = BUNDLED.get("List of RFC 1918 CIDR blocks");
        assertThat(rfc1918.type()).isEqualTo(WarninglistType.CIDR);
        assertThat(rfc1918.entries()).containsExactly("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16");
        assertThat(rfc1918.appliesTo("ip-dst")).isTrue();
        assertThat(rfc1918.appliesTo("domain")).isFalse();
    }

    @Test
    void stringListsMatchTheWholeValueExactly() {
        Warninglists empty = only("List of known hashes for empty files");
        assertThat(empty.match("md5", "d41d8cd98f00b204e9800998ecf8427e")).singleElement()
                .satisfies(match -> assertThat(match.entry()).isEqualTo("d41d8cd98f00b204e9800998ecf8427e"));
        assertThat(empty.match("md5", "d41d8cd98f00b204e9800998ecf8427f")).isEmpty();
        // MISP compares strings as given: an upper-case copy is another string.
        assertThat(empty.match("md5", "D41D8CD98F00B204E9800998ECF8427E")).isEmpty();
        // A type outside the list's matching_attributes is not checked at all.
        assertThat(empty.match("text", "d41d8cd98f00b204e9800998ecf8427e")).isEmpty();
    }

    @Test
    void compositeValuesMatchByEitherHalf() {
        Warninglists empty = only("List of known hashes for empty files");
        assertThat(empty.match("filename|md5", "empty.txt|d41d8cd98f00b204e9800998ecf8427e")).singleElement()
                .satisfies(match -> assertThat(match.matchedValue()).isEqualTo("d41d8cd98f00b204e9800998ecf8427e"));
        Warninglists rfc1918 = only("List of RFC 1918 CIDR blocks");
        assertThat(rfc1918.match("domain|ip", "intranet.example|192.168.10.1")).singleElement()
                .satisfies(match -> {
                    assertThat(match.entry()).isEqualTo("192.168.0.0/16");
                    assertThat(match.matchedValue()).isEqualTo("192.168.10.1");
                });
        assertThat(rfc1918.match("ip-dst|port", "10.9.8.7|443")).hasSize(1);
        assertThat(rfc1918.match("ip-dst|port", "11.9.8.7|443")).isEmpty();
        // Not a composite type: the bar is part of the value.
        assertThat(rfc1918.match("ip-dst", "10.9.8.7|443")).isEmpty();
    }

    @Test
    void cidrListsHoldAddressesAndNarrowerNetworks() {
        Warninglists rfc1918 = only("List of RFC 1918 CIDR blocks");
        assertThat(rfc1918.match("ip-src", "10.1.2.3")).hasSize(1);
        assertThat(rfc1918.match("ip-src", "172.31.255.255")).hasSize(1);
        assertThat(rfc1918.match("ip-src", "172.32.0.0")).isEmpty();
        assertThat(rfc1918.match("ip-src", "10.20.0.0/16")).hasSize(1);
        assertThat(rfc1918.match("ip-src", "10.0.0.0/8")).hasSize(1);
        // A network wider than the list's entry is not inside it.
        assertThat(rfc1918.match("ip-src", "10.0.0.0/7")).isEmpty();
        assertThat(rfc1918.match("ip-src", "not-an-ip")).isEmpty();

        Warninglists dns4 = only("List of known IPv4 public DNS resolvers");
        assertThat(dns4.match("ip-dst", "8.8.8.8")).hasSize(1);
        assertThat(dns4.match("ip-dst", "1.1.1.1")).hasSize(1);
        Warninglists dns6 = only("List of known IPv6 public DNS resolvers");
        assertThat(dns6.match("ip-dst", "2001:4860:4860::8888")).hasSize(1);
        assertThat(dns6.match("ip-dst", "2001:4860:4860:0:0:0:0:8888")).hasSize(1);
        assertThat(dns6.match("ip-dst", "2001:db8::1")).isEmpty();
        Warninglists multicast = only("List of RFC 5771 multicast CIDR blocks");
        assertThat(multicast.match("ip-dst", "224.0.0.251")).hasSize(1);
    }

    @Test
    void hostnameListsMatchTheHostAndItsSubDomainsOnly() {
        Warninglists tranco = only("Top 10K most-used sites from Tranco");
        assertThat(tranco.match("domain", "google.com")).singleElement()
                .satisfies(match -> assertThat(match.entry()).isEqualTo("google.com"));
        assertThat(tranco.match("hostname", "mail.google.com")).hasSize(1);
        assertThat(tranco.match("domain", "google.com.")).hasSize(1);
        // Label boundaries count: another name that ends in the same letters is not a sub-domain.
        assertThat(tranco.match("domain", "notgoogle.com")).isEmpty();
        assertThat(tranco.match("url", "https://mail.google.com/mail/u/0")).hasSize(1);
        assertThat(tranco.match("url", "google.com/search?q=x")).hasSize(1);
        assertThat(tranco.match("url", "https://evil.example/google.com")).isEmpty();
        // tranco10k does not apply to e-mail addresses.
        assertThat(tranco.match("email-src", "someone@google.com")).isEmpty();
    }

    @Test
    void substringListsMatchAnywhereInTheValue() {
        Warninglists sandboxes = only(
                "List of known domains used by automated malware analysis services & security vendors");
        assertThat(sandboxes.match("url", "https://app.any.run/tasks/1234")).singleElement()
                .satisfies(match -> assertThat(match.entry()).isEqualTo("app.any.run"));
        assertThat(sandboxes.match("url", "https://evil.example/x")).isEmpty();
    }

    @Test
    void regexListsUsePcreDelimitersAndModifiers() throws Exception {
        Warninglist list = WarninglistReader.read("""
                {"name": "Lab hosts", "description": "our lab", "type": "regex", "version": 2,
                 "matching_attributes": ["domain", "url"],
                 "list": ["/^lab[0-9]+\\\\.corp\\\\.example$/i", "#/internal/#"]}
                """.getBytes(StandardCharsets.UTF_8));
        Warninglists lab = Warninglists.of(List.of(list));
        assertThat(lab.match("domain", "LAB42.corp.example")).hasSize(1);
        assertThat(lab.match("domain", "lab42.corp.example.evil")).isEmpty();
        assertThat(lab.match("url", "https://x.example/internal/page")).singleElement()
                .satisfies(match -> assertThat(match.entry()).isEqualTo("/internal/"));
        assertThat(lab.match("ip-dst", "lab1.corp.example")).isEmpty();
    }

    @Test
    void aRegexThatBacktracksWithoutEndCountsAsNoMatchAndReturnsQuickly() throws Exception {
        Warninglist list = WarninglistReader.read("""
                {"name": "Backtracking", "description": "d", "type": "regex", "list": ["/^(a+)+$/"]}
                """.getBytes(StandardCharsets.UTF_8));
        Warninglists lists = Warninglists.of(List.of(list));
        long start = System.nanoTime();
        assertThat(lists.match("text", "a".repeat(40) + "b")).isEmpty();
        // Unbounded, this takes 2^40 steps; bounded it ends at once. Generous so that a busy machine does not fail.
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(lists.match("text", "aaaa")).hasSize(1);
    }

    @Test
    void listsWithoutMatchingAttributesApplyToEveryType() throws Exception {
        Warninglist list = WarninglistReader.read("""
                {"name": "Everything", "description": "d", "type": "string", "matching_attributes": ["ALL"],
                 "list": {"needle": "a comment", "other": ""}}
                """.getBytes(StandardCharsets.UTF_8));
        assertThat(list.matchingAttributes()).isEmpty();
        assertThat(list.entries()).containsExactly("needle", "other");
        assertThat(Warninglists.of(List.of(list)).match("mutex", "needle")).hasSize(1);
    }

    @Test
    void searchedValuesMatchByTheTypesTheirKindStandsFor() {
        assertThat(names(ALL.matchSearched(ValueKind.IPV4, "8.8.8.8")))
                .contains("List of known IPv4 public DNS resolvers");
        assertThat(names(ALL.matchSearched(ValueKind.IPV4, "192.168.1.1"))).contains("List of RFC 1918 CIDR blocks");
        assertThat(names(ALL.matchSearched(ValueKind.DOMAIN, "www.google.com")))
                .contains("Top 10K most-used sites from Tranco");
        assertThat(names(ALL.matchSearched(ValueKind.MD5, "d41d8cd98f00b204e9800998ecf8427e")))
                .contains("List of known hashes for empty files");
        assertThat(ALL.matchSearched(ValueKind.IPV4, "203.0.113.77")).extracting(WarninglistMatch::listName)
                .doesNotContain("List of known IPv4 public DNS resolvers", "List of RFC 1918 CIDR blocks");
        assertThat(ALL.matchSearched(ValueKind.DOMAIN, "c2.evil-example-4f1a.xyz")).isEmpty();
        assertThat(Warninglists.none().matchSearched(ValueKind.IPV4, "8.8.8.8")).isEmpty();
    }
}
