package org.alliancesearch.portal.member.service;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.alliancesearch.portal.common.net.AddressClassifier;

/**
 * Checks a member MISP base URL and normalises it (lower-case scheme and host, default port and trailing slash
 * dropped).
 * <p>
 * The portal calls this URL with a member's API key, so an admin typo or a malicious entry must not point it at the
 * portal's own host or a cloud metadata service. Only literal addresses and well-known names are checked: the host
 * name is not resolved here, since the answer could change by the time the portal calls it (DNS rebinding); network
 * egress rules must cover that case (see docs/operations.md).
 */
public final class MemberUrlValidator {
    /** Why a URL was refused; {@link #code()} is the stable field-error code. */
    public enum Refusal {
        INVALID("url.invalid"), SCHEME("url.scheme"), USERINFO("url.userinfo"), QUERY("url.query"), LINK_LOCAL(
                "url.link-local"), METADATA("url.metadata"), LOOPBACK("url.loopback"), UNSPECIFIED("url.unspecified");

        private final String code;

        Refusal(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /** Either the normalised URL or the reason it was refused. */
    public record Result(String normalised, Refusal refusal) {
        public boolean ok() {
            return refusal == null;
        }
    }

    private static final Set<String> METADATA_HOSTS = Set.of("metadata.google.internal", "metadata.goog",
            "metadata", "instance-data", "instance-data.ec2.internal", "metadata.azure.internal",
            "metadata.tencentyun.com");
    private static final Pattern DOTTED_QUAD = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    /** Numeric or hex hosts that resolvers may read as an address (2130706433, 0x7f.1, 127.1). */
    private static final Pattern NUMERIC_HOST = Pattern.compile("(0x[0-9a-f]+|[0-9]+)(\\.(0x[0-9a-f]+|[0-9]+))*");

    private final boolean allowLoopback;

    public MemberUrlValidator(boolean allowLoopback) {
        this.allowLoopback = allowLoopback;
    }

    public Result check(String raw) {
        if (raw == null || raw.isBlank()) {
            return refused(Refusal.INVALID);
        }
        URI uri;
        try {
            uri = new URI(raw.trim());
        } catch (URISyntaxException e) {
            return refused(Refusal.INVALID);
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme == null || !(scheme.equals("http") || scheme.equals("https"))) {
            return refused(Refusal.SCHEME);
        }
        if (uri.getRawUserInfo() != null || (uri.getRawAuthority() != null && uri.getRawAuthority().contains("@"))) {
            return refused(Refusal.USERINFO);
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            return refused(Refusal.QUERY);
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            return refused(Refusal.INVALID);
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        Optional<Refusal> hostRefusal = checkHost(host);
        if (hostRefusal.isPresent()) {
            return refused(hostRefusal.get());
        }
        int port = uri.getPort();
        if ((scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443)) {
            port = -1;
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String normalised = scheme + "://" + host + (port == -1 ? "" : ":" + port) + path;
        return new Result(normalised, null);
    }

    private Optional<Refusal> checkHost(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (METADATA_HOSTS.contains(bare)) {
            return Optional.of(Refusal.METADATA);
        }
        if (bare.equals("localhost") || bare.endsWith(".localhost")) {
            return allowLoopback ? Optional.empty() : Optional.of(Refusal.LOOPBACK);
        }
        boolean ipv6 = bare.contains(":");
        boolean ipv4 = DOTTED_QUAD.matcher(bare).matches();
        if (!ipv6 && !ipv4) {
            // A name: refuse the numeric spellings of addresses, accept the rest without resolving it.
            return NUMERIC_HOST.matcher(bare).matches() ? Optional.of(Refusal.INVALID) : Optional.empty();
        }
        InetAddress address;
        try {
            // A literal: parsed, never looked up.
            address = InetAddress.getByName(bare);
        } catch (UnknownHostException | SecurityException e) {
            return Optional.of(Refusal.INVALID);
        }
        // The classes shared with the report fetch; members may be on private networks, so only these are refused.
        return switch (AddressClassifier.classify(address)) {
            case METADATA -> Optional.of(Refusal.METADATA);
            case LINK_LOCAL -> Optional.of(Refusal.LINK_LOCAL);
            case UNSPECIFIED -> Optional.of(Refusal.UNSPECIFIED);
            case LOOPBACK -> allowLoopback ? Optional.empty() : Optional.of(Refusal.LOOPBACK);
            default -> Optional.empty();
        };
    }

    private static Result refused(Refusal refusal) {
        return new Result(null, refusal);
    }
}
