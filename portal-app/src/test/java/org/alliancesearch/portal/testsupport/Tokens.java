package org.alliancesearch.portal.testsupport;

import java.util.List;
import java.util.Map;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/** Access tokens shaped like Keycloak's for the alliance realm, signed with the test OIDC server's key. */
public final class Tokens {
    private Tokens() {
    }

    public static String token(String user, String org, List<String> roles) {
        return token(user, "id-" + user, org, roles);
    }

    /** A token with its own subject ({@code sub}), e.g. a user renamed, or a new user given a freed user name. */
    public static String token(String user, String subject, String org, List<String> roles) {
        JwtClaimsBuilder claims = Jwt.preferredUserName(user)
                .subject(subject)
                .issuer("https://server.example.com")
                .audience("portal")
                .claim("realm_access", Map.of("roles", roles));
        if (org != null) {
            claims.claim("org", org);
        }
        return claims.sign();
    }

    /**
     * A token of the same realm issued to another client ({@code aud} and {@code azp} name that client, not the portal),
     * for an admin with an organisation: everything the portal would accept but the audience.
     */
    public static String ofOtherClient(String clientId) {
        return Jwt.preferredUserName("admin")
                .subject("id-admin")
                .issuer("https://server.example.com")
                .audience(clientId)
                .claim("azp", clientId)
                .claim("org", "secretariat")
                .claim("realm_access", Map.of("roles", List.of("member", "admin")))
                .sign();
    }

    /** Shaped like Keycloak's access token without an audience mapper: {@code aud} is "account", {@code azp} the portal. */
    public static String authorisedPartyPortal() {
        return Jwt.preferredUserName("alice")
                .subject("id-alice")
                .issuer("https://server.example.com")
                .audience("account")
                .claim("azp", "portal")
                .claim("org", "org-a")
                .claim("realm_access", Map.of("roles", List.of("member")))
                .sign();
    }

    public static String alice() {
        return token("alice", "org-a", List.of("member"));
    }

    public static String bob() {
        return token("bob", "org-b", List.of("member"));
    }

    /** A member without an organisation. */
    public static String erin() {
        return token("erin", null, List.of("member"));
    }

    public static String admin() {
        return token("admin", "secretariat", List.of("member", "admin"));
    }
}
