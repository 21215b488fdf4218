package org.alliancesearch.model.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.alliancesearch.model.indicator.Normaliser;
import org.alliancesearch.model.indicator.ValueKind;
import org.alliancesearch.model.merge.IndicatorEvent;
import org.alliancesearch.model.merge.MergedIndicator;
import org.alliancesearch.model.merge.MergedResult;
import org.alliancesearch.model.policy.Tlp;
import org.alliancesearch.model.summary.ValueSummary;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * STIX 2.1: a bundle of {@code indicator} objects with STIX patterns for ip (IPv4/IPv6, with CIDR), domain, url,
 * e-mail, file name and file hashes, and the TLP 2.0 marking definitions the indicators reference through
 * {@code object_marking_refs}. Indicators of other types have no pattern mapping: they are left out and counted.
 *
 * <p>
 * Indicator ids are UUIDv5 of the indicator key (family and canonical value) in a fixed namespace, so a re-export of
 * the same indicator keeps its id; {@code created} and {@code valid_from} are its first-seen time and
 * {@code modified} its last-seen time (the export time where those are unknown), so an unchanged indicator is
 * exported identically. The bundle id is random, as a bundle is a transient container.
 */
public final class StixExport implements ResultExport {
    /** Namespace of the indicator ids (UUIDv5). Fixed forever: changing it changes every exported id. */
    public static final UUID INDICATOR_NAMESPACE = UUID.fromString("6f0e4f0c-3b8e-5f5a-9d52-6b1f2a6c0a11");
    /** The TLP 2.0 extension definition of STIX 2.1 (OASIS CTI common objects). */
    public static final String TLP2_EXTENSION = "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d";

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'",
            Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * The result of an export.
     *
     * @param bundle the STIX bundle
     * @param exported indicators written
     * @param skipped indicators left out because their type has no STIX pattern mapping (or the value does not fit
     *        it)
     */
    public record Result(ObjectNode bundle, int exported, int skipped) {
    }

    private final Clock clock;

    public StixExport(Clock clock) {
        this.clock = clock;
    }

    public StixExport() {
        this(Clock.systemUTC());
    }

    @Override
    public String mediaType() {
        return "application/stix+json;version=2.1";
    }

    @Override
    public String fileExtension() {
        return "json";
    }

    @Override
    public void write(MergedResult result, ExportSummary summary, OutputStream out) throws IOException {
        MAPPER.writerWithDefaultPrettyPrinter().writeValue(new NonClosing(out), export(result, summary).bundle());
    }

    /** Builds the bundle. */
    public Result export(MergedResult result) {
        return export(result, ExportSummary.NONE);
    }

    /**
     * Builds the bundle; an indicator that answers a searched value carries that value's score and warninglists as
     * custom properties ({@code x_alliance_score}, {@code x_alliance_warninglists}), so that a consumer can keep
     * known-benign values (a public resolver, a CDN) out of a block list.
     */
    public Result export(MergedResult result, ExportSummary summary) {
        Map<String, ValueSummary> summaries = summary.byValue();
        JsonNodeFactory f = JsonNodeFactory.instance;
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        ArrayNode indicators = f.arrayNode();
        Set<Tlp> used = EnumSet.noneOf(Tlp.class);
        int skipped = 0;
        for (MergedIndicator i : result.indicators()) {
            String pattern = pattern(i.family(), i.types(), i.value());
            if (pattern == null) {
                skipped++;
                continue;
            }
            ObjectNode indicator = indicator(f, i, pattern, now);
            ValueSummary s = summaries.get(i.value());
            if (s != null) {
                indicator.put("x_alliance_score", s.score());
                if (!s.warninglists().isEmpty()) {
                    ArrayNode lists = indicator.putArray("x_alliance_warninglists");
                    s.warninglists().forEach(lists::add);
                }
            }
            indicators.add(indicator);
            if (i.tlp() != null) {
                used.add(i.tlp());
            }
        }
        ObjectNode bundle = f.objectNode();
        bundle.put("type", "bundle");
        bundle.put("id", "bundle--" + UUID.randomUUID());
        ArrayNode objects = bundle.putArray("objects");
        for (Tlp tlp : used) {
            objects.add(marking(f, tlp));
        }
        objects.addAll(indicators);
        return new Result(bundle, indicators.size(), skipped);
    }

    private static ObjectNode indicator(JsonNodeFactory f, MergedIndicator i, String pattern, Instant now) {
        Instant created = i.firstSeen() == null ? now : i.firstSeen().truncatedTo(ChronoUnit.MILLIS);
        Instant modified = i.lastSeen() == null ? created : i.lastSeen().truncatedTo(ChronoUnit.MILLIS);
        if (modified.isBefore(created)) {
            modified = created;
        }
        ObjectNode o = f.objectNode();
        o.put("type", "indicator");
        o.put("spec_version", "2.1");
        o.put("id", indicatorId(i.family(), i.value()));
        o.put("created", TIMESTAMP.format(created));
        o.put("modified", TIMESTAMP.format(modified));
        o.put("name", i.value());
        o.put("description", "Seen by " + i.organisations().size()
                + (i.organisations().size() == 1 ? " organisation" : " organisations") + " ("
                + String.join(", ", i.organisations()) + ") in " + i.events().size()
                + (i.events().size() == 1 ? " event" : " events") + "; MISP types: " + String.join(", ", i.types())
                + (i.unconfirmedOrganisations().isEmpty()
                        ? ""
                        : "; claimed for, unconfirmed: " + String.join(", ", i.unconfirmedOrganisations())));
        o.putArray("indicator_types").add("malicious-activity");
        o.put("pattern", pattern);
        o.put("pattern_type", "stix");
        o.put("pattern_version", "2.1");
        o.put("valid_from", TIMESTAMP.format(created));
        ArrayNode labels = f.arrayNode();
        for (String tag : i.tags()) {
            if (Tlp.fromTag(tag) == null) {
                labels.add(tag);
            }
        }
        if (!labels.isEmpty()) {
            o.set("labels", labels);
        }
        ArrayNode refs = f.arrayNode();
        for (IndicatorEvent e : i.events()) {
            if (e.url() != null) {
                ObjectNode ref = refs.addObject();
                ref.put("source_name", e.memberName());
                ref.put("url", e.url());
                ref.put("external_id", e.uuid());
            }
        }
        if (!refs.isEmpty()) {
            o.set("external_references", refs);
        }
        if (i.tlp() != null) {
            o.putArray("object_marking_refs").add(markingId(i.tlp()));
        }
        return o;
    }

    /** The official TLP 2.0 marking definition of a level (STIX 2.1 TLP 2.0 extension). */
    public static ObjectNode marking(JsonNodeFactory f, Tlp tlp) {
        ObjectNode o = f.objectNode();
        o.put("type", "marking-definition");
        o.put("spec_version", "2.1");
        o.put("id", markingId(tlp));
        o.put("created", "2022-10-01T00:00:00.000Z");
        o.put("name", tlp.label());
        ObjectNode ext = o.putObject("extensions").putObject(TLP2_EXTENSION);
        ext.put("extension_type", "property-extension");
        ext.put("tlp_2_0", tlp.code());
        return o;
    }

    /** The id of the official TLP 2.0 marking definition of a level. */
    public static String markingId(Tlp tlp) {
        return "marking-definition--" + switch (tlp) {
            case CLEAR -> "94868c89-83c2-464b-929b-a1a8aa3c8487";
            case GREEN -> "bab4a63c-aed9-4cf5-a766-dfca5abac2bb";
            case AMBER -> "55d920b0-5e8b-4f79-9ee9-91f868d9b421";
            case AMBER_STRICT -> "939a9414-2ddd-4d32-a0cd-375ea402b003";
            case RED -> "e828b379-4e03-4974-9ac4-e53a884c97c1";
        };
    }

    /** {@code indicator--<UUIDv5 of family and value>}. */
    public static String indicatorId(String family, String value) {
        return "indicator--" + uuidV5(INDICATOR_NAMESPACE, family + ":" + value);
    }

    /** RFC 4122 name-based UUID, version 5 (SHA-1). */
    static UUID uuidV5(UUID namespace, String name) {
        MessageDigest sha1;
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required of every Java runtime", e);
        }
        ByteBuffer ns = ByteBuffer.allocate(16);
        ns.putLong(namespace.getMostSignificantBits());
        ns.putLong(namespace.getLeastSignificantBits());
        sha1.update(ns.array());
        byte[] h = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
        h[6] = (byte) ((h[6] & 0x0f) | 0x50);
        h[8] = (byte) ((h[8] & 0x3f) | 0x80);
        ByteBuffer b = ByteBuffer.wrap(h, 0, 16);
        return new UUID(b.getLong(), b.getLong());
    }

    /**
     * The STIX pattern of an indicator, or null when its type has no mapping or the value does not fit it (an
     * {@code ip} that is not an address, a hash of the wrong length).
     */
    public static String pattern(String family, List<String> types, String value) {
        String kind = kind(family);
        if (kind == null) {
            for (String type : types) {
                kind = kind(type);
                if (kind != null) {
                    break;
                }
            }
        }
        if (kind == null || value == null || value.isBlank()) {
            return null;
        }
        switch (kind) {
            case "ip" -> {
                int bar = value.indexOf('|');
                String ip = (bar >= 0 ? value.substring(0, bar) : value).strip();
                if (isIpv4(ip)) {
                    return comparison("ipv4-addr:value", ip);
                }
                return isIpv6(ip) ? comparison("ipv6-addr:value", ip) : null;
            }
            case "domain" -> {
                int bar = value.indexOf('|');
                return comparison("domain-name:value", bar >= 0 ? value.substring(0, bar) : value);
            }
            case "url" -> {
                return comparison("url:value", value);
            }
            case "email" -> {
                return value.indexOf('@') > 0 ? comparison("email-addr:value", value) : null;
            }
            case "filename" -> {
                return comparison("file:name", value);
            }
            case "md5" -> {
                return hex(value, 32) ? comparison("file:hashes.MD5", value) : null;
            }
            case "sha1" -> {
                return hex(value, 40) ? comparison("file:hashes.'SHA-1'", value) : null;
            }
            case "sha256" -> {
                return hex(value, 64) ? comparison("file:hashes.'SHA-256'", value) : null;
            }
            case "sha512" -> {
                return hex(value, 128) ? comparison("file:hashes.'SHA-512'", value) : null;
            }
            case "sha3-256" -> {
                return hex(value, 64) ? comparison("file:hashes.'SHA3-256'", value) : null;
            }
            case "sha3-512" -> {
                return hex(value, 128) ? comparison("file:hashes.'SHA3-512'", value) : null;
            }
            case "ssdeep" -> {
                return comparison("file:hashes.SSDEEP", value);
            }
            case "tlsh" -> {
                return comparison("file:hashes.TLSH", value);
            }
            default -> {
                return null;
            }
        }
    }

    /** Which pattern a family or MISP type maps to, or null. */
    private static String kind(String familyOrType) {
        if (familyOrType == null) {
            return null;
        }
        return switch (familyOrType.toLowerCase(Locale.ROOT)) {
            case "ip", "ip-src", "ip-dst", "ip-src|port", "ip-dst|port" -> "ip";
            case "domain", "hostname", "domain|ip", "hostname|port" -> "domain";
            case "url", "link", "uri" -> "url";
            case "email", "email-src", "email-dst", "target-email", "whois-registrant-email" -> "email";
            case "filename" -> "filename";
            case "md5", "sha1", "sha256", "sha512", "sha3-256", "sha3-512", "ssdeep", "tlsh" -> familyOrType
                    .toLowerCase(Locale.ROOT);
            default -> null;
        };
    }

    /** {@code [path = 'value']} with the value escaped as a STIX string literal. */
    static String comparison(String path, String value) {
        return "[" + path + " = '" + escape(value) + "']";
    }

    /** STIX 2.1 pattern string literal body: backslash and single quote are escaped with a backslash. */
    public static String escape(String value) {
        StringBuilder b = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' || c == '\'') {
                b.append('\\');
            }
            b.append(c);
        }
        return b.toString();
    }

    private static boolean hex(String s, int length) {
        if (s.length() != length) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    static boolean isIpv4(String s) {
        int slash = s.indexOf('/');
        String addr = slash >= 0 ? s.substring(0, slash) : s;
        if (slash >= 0 && !prefix(s.substring(slash + 1), 32)) {
            return false;
        }
        String[] parts = addr.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')
                    || Integer.parseInt(p) > 255) {
                return false;
            }
        }
        return true;
    }

    static boolean isIpv6(String s) {
        int slash = s.indexOf('/');
        String addr = slash >= 0 ? s.substring(0, slash) : s;
        if (slash >= 0 && !prefix(s.substring(slash + 1), 128)) {
            return false;
        }
        if (addr.indexOf(':') < 0 || addr.length() > 45) {
            return false;
        }
        for (int i = 0; i < addr.length(); i++) {
            char c = addr.charAt(i);
            if (!(c == ':' || c == '.' || Character.digit(c, 16) >= 0)) {
                return false;
            }
        }
        // Parsed by the model's own IPv6 reader: java.net.InetAddress could fall back to a name look-up.
        return Normaliser.detect(addr) == ValueKind.IPV6;
    }

    private static boolean prefix(String s, int max) {
        if (s.isEmpty() || s.length() > 3 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        return Integer.parseInt(s) <= max;
    }

    /** Lets Jackson close its generator without closing the caller's stream. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
