package org.alliancesearch.portal.common.security;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.JwtContext;
import org.jose4j.jwt.consumer.Validator;

import io.quarkus.arc.Unremovable;

/**
 * Accepts only tokens meant for the portal: its client id in {@code aud}, or as the authorised party ({@code azp}).
 * Without it, any token the realm issues to another client (a script's, another application's) would open the portal
 * with the user's roles. quarkus-oidc runs this for every JWT it verifies: bearer access tokens, and the ID and access
 * tokens of the code flow (Keycloak names the portal in {@code azp} of both, and the realms add it to {@code aud}).
 */
@Unremovable
@ApplicationScoped
public class PortalAudienceValidator implements Validator {
    private final String clientId;

    public PortalAudienceValidator(@ConfigProperty(name = "quarkus.oidc.client-id") String clientId) {
        this.clientId = clientId;
    }

    @Override
    public String validate(JwtContext context) throws MalformedClaimException {
        return isForClient(context.getJwtClaims().getAudience(),
                context.getJwtClaims().getClaimValueAsString("azp"), clientId)
                        ? null
                        : "the token was not issued for this application (aud/azp)";
    }

    static boolean isForClient(List<String> audience, String authorisedParty, String clientId) {
        return (audience != null && audience.contains(clientId)) || clientId.equals(authorisedParty);
    }
}
