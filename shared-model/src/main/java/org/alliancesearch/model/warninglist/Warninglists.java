package org.alliancesearch.model.warninglist;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.alliancesearch.model.indicator.ValueKind;

/**
 * A set of warninglists ready to match values, as MISP matches an attribute: a list applies to the attribute's type
 * when its {@code matching_attributes} name it (or are empty), and matches by its own rule. Immutable; build a new set
 * when lists are enabled, disabled or replaced.
 */
public final class Warninglists {
    /** The MISP types a searched value of each kind stands for; a list applies when it applies to any of them. */
    private static final Map<ValueKind, List<String>> TYPES_OF_KIND = Map.ofEntries(
            Map.entry(ValueKind.IPV4, List.of("ip-dst", "ip-src")),
            Map.entry(ValueKind.IPV6, List.of("ip-dst", "ip-src")),
            Map.entry(ValueKind.CIDR, List.of("ip-dst", "ip-src")),
            Map.entry(ValueKind.DOMAIN, List.of("domain", "hostname")),
            Map.entry(ValueKind.URL, List.of("url", "uri")),
            Map.entry(ValueKind.EMAIL, List.of("email", "email-src", "email-dst")),
            Map.entry(ValueKind.MD5, List.of("md5")), Map.entry(ValueKind.SHA1, List.of("sha1")),
            Map.entry(ValueKind.SHA256, List.of("sha256")), Map.entry(ValueKind.SHA512, List.of("sha512")),
            Map.entry(ValueKind.CVE, List.of("vulnerability")), Map.entry(ValueKind.FILENAME, List.of("filename")),
            Map.entry(ValueKind.TEXT, List.of("text")));

    private static final String BUNDLE = "/warninglists/";

    private final List<CompiledWarninglist> lists;

    private Warninglists(List<CompiledWarninglist> lists) {
        this.lists = List.copyOf(lists);
    }

    /** A set of these lists, in this order (matches are reported in it). */
    public static Warninglists of(List<Warninglist> lists) {
        List<CompiledWarninglist> compiled = new ArrayList<>(lists.size());
        for (Warninglist list : lists) {
            compiled.add(new CompiledWarninglist(list));
        }
        return new Warninglists(compiled);
    }

    /** No list: nothing matches. */
    public static Warninglists none() {
        return new Warninglists(List.of());
    }

    /** The lists in this set. */
    public List<Warninglist> lists() {
        return lists.stream().map(CompiledWarninglist::list).toList();
    }

    /** The matches of an attribute of this MISP type, one per list at most. */
    public List<WarninglistMatch> match(String mispType, String value) {
        return matches(list -> list.appliesTo(mispType) ? mispType : null, value);
    }

    /**
     * The matches of a searched value, canonical, of this kind: a list counts when it applies to any MISP type the
     * kind stands for (an IP address is both {@code ip-src} and {@code ip-dst}).
     */
    public List<WarninglistMatch> matchSearched(ValueKind kind, String canonicalValue) {
        List<String> types = TYPES_OF_KIND.getOrDefault(kind, List.of("text"));
        return matches(list -> types.stream().filter(list::appliesTo).findFirst().orElse(null), canonicalValue);
    }

    /** One match per list that applies (to the type {@code typeFor} names, null when none) and matches the value. */
    private List<WarninglistMatch> matches(Function<Warninglist, String> typeFor, String value) {
        List<WarninglistMatch> matches = List.of();
        for (CompiledWarninglist list : lists) {
            String type = typeFor.apply(list.list());
            WarninglistMatch match = type == null ? null : list.match(type, value);
            if (match != null) {
                if (matches.isEmpty()) {
                    matches = new ArrayList<>(2);
                }
                matches.add(match);
            }
        }
        return matches;
    }

    /** The MISP warninglists bundled with the portal (see {@code warninglists/LICENCE.md}), by name order. */
    public static List<Warninglist> bundled() {
        List<Warninglist> lists = new ArrayList<>();
        for (String file : resource("index.txt").lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
            try {
                lists.add(WarninglistReader.read(resource(file).getBytes(StandardCharsets.UTF_8)));
            } catch (InvalidWarninglistException e) {
                throw new IllegalStateException("bundled warninglist " + file + " is invalid: " + e.getMessage(), e);
            }
        }
        lists.sort((a, b) -> a.name().compareToIgnoreCase(b.name()));
        return List.copyOf(lists);
    }

    private static String resource(String name) {
        try (InputStream in = Warninglists.class.getResourceAsStream(BUNDLE + name)) {
            if (in == null) {
                throw new IllegalStateException(BUNDLE + name + " missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
