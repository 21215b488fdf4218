package org.alliancesearch.portal.digest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * Users of the digest e-mail tests: access tokens shaped like Keycloak's (with the {@code email} claim the sign-in
 * gives), and the same users as Keycloak's admin API answers them at send time, on the test OIDC server's WireMock
 * (realm quarkus).
 */
public final class DigestUsers {
    static final String TOKEN_PATH = "/auth/realms/quarkus/protocol/openid-connect/token";
    static final String USERS = "/auth/admin/realms/quarkus/users/";

    private DigestUsers() {
    }

    /** A token with subject {@code id-<user>}; {@code org} and {@code email} may be null. */
    public static String token(String user, String org, String email, List<String> roles) {
        JwtClaimsBuilder claims = Jwt.preferredUserName(user).subject("id-" + user)
                .issuer("https://server.example.com").audience("portal")
                .claim("realm_access", Map.of("roles", roles));
        if (org != null) {
            claims.claim("org", org);
        }
        if (email != null) {
            claims.claim("email", email);
        }
        return claims.sign();
    }

    public static void serviceAccount(WireMockServer keycloak) {
        keycloak.stubFor(post(urlEqualTo(TOKEN_PATH)).withRequestBody(containing("grant_type=client_credentials"))
                .atPriority(1).willReturn(okJson(
                        "{\"access_token\":\"digest-directory-token\",\"token_type\":\"Bearer\",\"expires_in\":300}")));
    }

    /** The user {@code id-<user>} as Keycloak answers now, with a verified address. */
    public static void user(WireMockServer keycloak, String user, boolean enabled, String org, String email,
            String... roles) {
        String subject = "id-" + user;
        String attributes = org == null ? "{}" : "{\"org\":[\"" + org + "\"]}";
        keycloak.stubFor(get(urlEqualTo(USERS + subject)).atPriority(1).willReturn(okJson("{\"id\":\"" + subject
                + "\",\"username\":\"" + user + "\",\"enabled\":" + enabled + ",\"email\":\"" + email
                + "\",\"emailVerified\":true,\"attributes\":" + attributes + "}")));
        StringBuilder list = new StringBuilder("[");
        for (String role : roles) {
            list.append(list.length() > 1 ? "," : "").append("{\"name\":\"").append(role).append("\"}");
        }
        keycloak.stubFor(get(urlEqualTo(USERS + subject + "/role-mappings/realm/composite")).atPriority(1)
                .willReturn(okJson(list.append("]").toString())));
    }

    public static void gone(WireMockServer keycloak, String user) {
        keycloak.stubFor(get(urlEqualTo(USERS + "id-" + user)).atPriority(1).willReturn(aResponse().withStatus(404)));
    }

    public static void down(WireMockServer keycloak, String user) {
        keycloak.stubFor(get(urlEqualTo(USERS + "id-" + user)).atPriority(1).willReturn(aResponse().withStatus(503)));
    }
}
