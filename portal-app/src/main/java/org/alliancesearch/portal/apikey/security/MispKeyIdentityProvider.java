package org.alliancesearch.portal.apikey.security;

import jakarta.enterprise.context.ApplicationScoped;

import org.alliancesearch.portal.apikey.service.ApiKeyIdentity;
import org.alliancesearch.portal.apikey.service.KeyAuthenticator;
import org.alliancesearch.portal.apikey.service.KeyOwner;
import org.alliancesearch.portal.apikey.service.KeyRefusedException;
import org.alliancesearch.portal.common.web.MispErrors;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/** Turns a presented key into its owner's identity (see {@link ApiKeyIdentity} for the contract). */
@ApplicationScoped
public class MispKeyIdentityProvider implements IdentityProvider<MispKeyRequest> {
    private final KeyAuthenticator keys;

    public MispKeyIdentityProvider(KeyAuthenticator keys) {
        this.keys = keys;
    }

    @Override
    public Class<MispKeyRequest> getRequestType() {
        return MispKeyRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(MispKeyRequest request, AuthenticationRequestContext context) {
        return keys.authenticate(request.key()).map(MispKeyIdentityProvider::identity)
                .onFailure().transform(e -> {
                    if (e instanceof KeyRefusedException refused
                            && refused.reason() == KeyRefusedException.Reason.OWNER_UNCONFIRMED) {
                        RoutingContext rc = HttpSecurityUtils.getRoutingContextAttribute(request);
                        if (rc != null) {
                            rc.put(MispErrors.OWNER_UNCONFIRMED_FLAG, Boolean.TRUE);
                        }
                    }
                    // the message is generic: the failure handler writes MISP's body, and no detail reaches logs
                    return e instanceof KeyRefusedException
                            ? new AuthenticationFailedException("API key refused")
                            : new AuthenticationFailedException("API key could not be checked", e);
                });
    }

    static SecurityIdentity identity(KeyOwner owner) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(owner.username()))
                .addRoles(owner.roles())
                .addAttribute(ApiKeyIdentity.SUBJECT, owner.subject())
                .addAttribute(ApiKeyIdentity.ORGANISATION, owner.organisation())
                .addAttribute(ApiKeyIdentity.EMAIL, owner.email() == null ? "" : owner.email())
                .addAttribute(ApiKeyIdentity.KEY_ID, owner.keyId())
                .build();
    }
}
