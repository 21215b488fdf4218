package org.alliancesearch.portal.watch.service;

import java.net.InetAddress;
import java.net.URI;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.alliancesearch.portal.common.net.AddressClass;
import org.alliancesearch.portal.common.net.AddressClassifier;
import org.alliancesearch.portal.member.service.MemberUrlValidator;
import org.alliancesearch.portal.member.service.MembersConfig;

/**
 * The address rules of a watch's webhook URL: those of member URLs ({@link MemberUrlValidator}: http or https, no
 * user:password@, no query, no metadata or loopback names, {@code alliance.members.require-https}), made stricter for
 * the addresses reached, since any watcher (not an admin) chooses this URL: only public addresses, plus loopback where
 * {@code alliance.members.allow-loopback} allows it for members (demo and tests).
 * <p>
 * Checked twice: {@link #check(String)} when the watch is saved (literal addresses only, nothing is resolved), and
 * {@link #refusal(InetAddress)} on every address the host resolves to, just before each delivery, so that a name that
 * later points to an internal address (DNS rebinding) is refused too.
 */
@ApplicationScoped
public class WebhookUrlRule {
    /** The field-error code of an http URL where https is required (the same as for member URLs). */
    public static final String HTTPS_REQUIRED = "url.https-required";

    /** Either the URL (as typed, trimmed: a receiver may need its trailing slash) or the stable code of the reason it was refused ({@code url.loopback}, …). */
    public record Checked(URI url, String code) {
        public boolean ok() {
            return code == null;
        }
    }

    private final boolean allowLoopback;
    private final boolean requireHttps;
    private final MemberUrlValidator members;

    @Inject
    public WebhookUrlRule(MembersConfig config) {
        this(config.allowLoopback(), config.requireHttps());
    }

    public WebhookUrlRule(boolean allowLoopback, boolean requireHttps) {
        this.allowLoopback = allowLoopback;
        this.requireHttps = requireHttps;
        this.members = new MemberUrlValidator(allowLoopback);
    }

    /** Checks a URL as a watcher typed it; the code is a field-error code such as {@code url.private}. */
    public Checked check(String raw) {
        MemberUrlValidator.Result result = members.check(raw);
        if (!result.ok()) {
            return new Checked(null, result.refusal().code());
        }
        URI normalised = URI.create(result.normalised());
        if (requireHttps && !"https".equals(normalised.getScheme())) {
            return new Checked(null, HTTPS_REQUIRED);
        }
        String host = normalised.getHost();
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (bare.contains(":") || bare.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            try {
                Optional<String> refused = refusal(InetAddress.getByName(bare)); // a literal: never looked up
                if (refused.isPresent()) {
                    return new Checked(null, "url." + refused.get());
                }
            } catch (java.net.UnknownHostException e) {
                return new Checked(null, MemberUrlValidator.Refusal.INVALID.code());
            }
        }
        return new Checked(URI.create(raw.trim()), null);
    }

    /** Why the portal may not post to this address ({@link AddressClass#code()}), or empty when it may. */
    public Optional<String> refusal(InetAddress address) {
        AddressClass kind = AddressClassifier.classify(address);
        if (kind == AddressClass.PUBLIC || (kind == AddressClass.LOOPBACK && allowLoopback)) {
            return Optional.empty();
        }
        return Optional.of(kind.code());
    }
}
