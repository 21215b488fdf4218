package org.alliancesearch.portal.watch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * Keycloak's admin API as the watcher directory reads it, on the test OIDC server's WireMock (realm quarkus): the
 * service account's token, each user and their effective realm roles.
 */
final class KeycloakUsers {
    static final String TOKEN_PATH = "/auth/realms/quarkus/protocol/openid-connect/token";
    static final String USERS = "/auth/admin/realms/quarkus/users/";

    private KeycloakUsers() {
    }

    static void serviceAccount(WireMockServer keycloak) {
        keycloak.stubFor(post(urlEqualTo(TOKEN_PATH)).withRequestBody(containing("grant_type=client_credentials"))
                .atPriority(1).willReturn(okJson(
                        "{\"access_token\":\"watch-directory-token\",\"token_type\":\"Bearer\",\"expires_in\":300}")));
    }

    /** A user as Keycloak answers it now; {@code org} null for a user without the organisation attribute. */
    static void user(WireMockServer keycloak, String subject, String userName, boolean enabled, String org,
            String... roles) {
        String attributes = org == null ? "{}" : "{\"org\":[\"" + org + "\"]}";
        keycloak.stubFor(get(urlEqualTo(USERS + subject)).atPriority(1).willReturn(okJson("{\"id\":\"" + subject
                + "\",\"username\":\"" + userName + "\",\"enabled\":" + enabled + ",\"email\":\"" + userName
                + "@example.org\",\"emailVerified\":true,\"attributes\":" + attributes + "}")));
        StringBuilder list = new StringBuilder("[");
        for (String role : roles) {
            list.append(list.length() > 1 ? "," : "").append("{\"name\":\"").append(role).append("\"}");
        }
        keycloak.stubFor(get(urlEqualTo(USERS + subject + "/role-mappings/realm/composite")).atPriority(1)
                .willReturn(okJson(list.append("]").toString())));
    }

    static void gone(WireMockServer keycloak, String subject) {
        keycloak.stubFor(get(urlEqualTo(USERS + subject)).atPriority(1).willReturn(aResponse().withStatus(404)));
    }

    static void down(WireMockServer keycloak, String subject) {
        keycloak.stubFor(get(urlEqualTo(USERS + subject)).atPriority(1).willReturn(aResponse().withStatus(503)));
    }
}
