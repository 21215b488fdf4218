package org.alliancesearch.portal.apikey.security;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.alliancesearch.portal.apikey.service.ApiKeyIdentity;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code misp-key}: a personal API key sent bare, as MISP clients do, in {@code Authorization} or {@code X-MISP-AUTH}.
 * Selected by path only (the MISP-compatible paths, see application.properties), where it is the only mechanism: no
 * session cookie and no bearer token is accepted there, so there is nothing to forge cross-site and nothing redirects
 * to sign-in. Every refusal is a 403 with MISP's own error body (written by {@code HttpFilters}).
 */
@ApplicationScoped
public class MispKeyAuthenticationMechanism implements HttpAuthenticationMechanism {
    /** The header MISP documents next to {@code Authorization}. */
    public static final String MISP_HEADER = "X-MISP-AUTH";

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String key = presented(context);
        if (key == null) {
            return Uni.createFrom().nullItem();
        }
        return identityProviderManager
                .authenticate(HttpSecurityUtils.setRoutingContextAttribute(new MispKeyRequest(key), context));
    }

    /** The key as sent: {@code Authorization} first, then {@code X-MISP-AUTH}; null when neither is set. */
    public static String presented(RoutingContext context) {
        String authorization = context.request().getHeader("Authorization");
        if (authorization != null && !authorization.isBlank()) {
            return authorization.strip();
        }
        String misp = context.request().getHeader(MISP_HEADER);
        return misp == null || misp.isBlank() ? null : misp.strip();
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        // MISP answers a missing or wrong key with 403, not 401; the body is written by the failure handler
        return Uni.createFrom().item(new ChallengeData(403, null, null));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(MispKeyRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom()
                .item(new HttpCredentialTransport(HttpCredentialTransport.Type.OTHER_HEADER, ApiKeyIdentity.MECHANISM));
    }
}
