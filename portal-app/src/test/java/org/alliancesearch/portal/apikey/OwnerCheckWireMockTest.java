package org.alliancesearch.portal.apikey;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.restassured.response.Response;

/**
 * The owner check against Keycloak's admin API (WireMock stands in for Keycloak, at the admin base and realm derived
 * from quarkus.oidc.auth-server-url): a disabled owner is refused once the interval has passed, an owner without the
 * member and admin roles at once; while Keycloak is down the last good answer counts until it is too old, then keys
 * are refused (fail closed); within the interval Keycloak is not asked again.
 */
@QuarkusTest
@TestProfile(OwnerCheckWireMockTest.CheckOn.class)
class OwnerCheckWireMockTest {
    /** The check on, with short times so that the test can wait them out. */
    public static class CheckOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("alliance.api-keys.owner-check.enabled", "true",
                    "alliance.api-keys.owner-check.interval", "PT2S",
                    "alliance.api-keys.owner-check.max-stale", "PT5S",
                    "alliance.api-keys.owner-check.timeout", "PT1S");
        }
    }

    private static final String TOKEN_PATH = "/auth/realms/quarkus/protocol/openid-connect/token";
    private static final String USERS = "/auth/admin/realms/quarkus/users/";
    private static final String ADMIN_TOKEN = "service-account-token-1";

    @OidcWireMock
    WireMockServer keycloak;

    @BeforeEach
    void serviceAccountToken() {
        keycloak.stubFor(post(urlEqualTo(TOKEN_PATH)).withRequestBody(containing("grant_type=client_credentials"))
                .withRequestBody(containing("client_id=portal")).withRequestBody(containing("client_secret=secret"))
                .atPriority(1).willReturn(okJson("{\"access_token\":\"" + ADMIN_TOKEN
                        + "\",\"token_type\":\"Bearer\",\"expires_in\":300}")));
    }

    private void user(String subject, boolean enabled, String... roles) {
        keycloak.stubFor(get(urlEqualTo(USERS + subject)).withHeader("Authorization", equalTo("Bearer " + ADMIN_TOKEN))
                .atPriority(1).willReturn(okJson("{\"id\":\"" + subject + "\",\"enabled\":" + enabled + "}")));
        StringBuilder list = new StringBuilder("[");
        for (String role : roles) {
            list.append(list.length() > 1 ? "," : "").append("{\"name\":\"").append(role).append("\"}");
        }
        keycloak.stubFor(get(urlEqualTo(USERS + subject + "/role-mappings/realm/composite"))
                .withHeader("Authorization", equalTo("Bearer " + ADMIN_TOKEN)).atPriority(1)
                .willReturn(okJson(list.append("]").toString())));
    }

    private void keycloakDown(String subject) {
        keycloak.stubFor(get(urlEqualTo(USERS + subject)).atPriority(1)
                .willReturn(aResponse().withStatus(503)));
    }

    private int userLookups(String subject) {
        return keycloak.findAll(getRequestedFor(urlEqualTo(USERS + subject))).size();
    }

    private static Response me(String key) {
        return given().redirects().follow(false).header("Authorization", key).get("/users/view/me");
    }

    @Test
    void aDisabledOwnerIsRefusedAfterTheIntervalAndKeycloakIsAskedOncePerInterval() throws Exception {
        ApiKeyUsers tom = ApiKeyUsers.member("tom");
        user(tom.subject(), true, "default-roles-quarkus", "member");
        String key = tom.newKey("checked");

        me(key).then().statusCode(200);
        assertThat(userLookups(tom.subject())).isEqualTo(1);
        // (d) within the interval: no second question
        me(key).then().statusCode(200);
        me(key).then().statusCode(200);
        assertThat(userLookups(tom.subject())).isEqualTo(1);
        assertThat(keycloak.findAll(postRequestedFor(urlEqualTo(TOKEN_PATH))
                .withRequestBody(containing("grant_type=client_credentials")))).isNotEmpty();

        // (a) disabled in Keycloak: still accepted within the interval, refused after it
        user(tom.subject(), false, "member");
        me(key).then().statusCode(200);
        Thread.sleep(2300);
        Response refused = me(key);
        MispKeyAuthenticationTest.refusedAsMisp(refused, "/users/view/me");
        assertThat(userLookups(tom.subject())).isEqualTo(2);
        assertThat(refused.jsonPath().getString("message")).isEqualTo(MispKeyAuthenticationTest.MISP_AUTH_FAILED);

        // enabled again: accepted after the next question
        user(tom.subject(), true, "member");
        Thread.sleep(2300);
        me(key).then().statusCode(200);
    }

    @Test
    void anOwnerWithoutMemberOrAdminRoleIsRefused() {
        ApiKeyUsers una = ApiKeyUsers.member("una");
        user(una.subject(), true, "default-roles-quarkus", "offline_access");
        String key = una.newKey("no role in Keycloak");
        MispKeyAuthenticationTest.refusedAsMisp(me(key), "/users/view/me");
        assertThat(userLookups(una.subject())).isEqualTo(1);

        // an admin (without member) in Keycloak is fine
        ApiKeyUsers vic = ApiKeyUsers.fresh("vic", "secretariat", "member", "admin");
        user(vic.subject(), true, "admin");
        String adminKey = vic.newKey("admin in Keycloak");
        me(adminKey).then().statusCode(200);
    }

    @Test
    void keycloakDownWithAStaleVerdictIsRefused() throws Exception {
        ApiKeyUsers wes = ApiKeyUsers.member("wes");
        user(wes.subject(), true, "member");
        String key = wes.newKey("fail closed");
        me(key).then().statusCode(200);
        long confirmedAt = System.currentTimeMillis();

        keycloakDown(wes.subject());
        // past the interval Keycloak is asked again and fails: the last good answer (younger than 5 s) still counts
        Thread.sleep(2300);
        me(key).then().statusCode(200);
        assertThat(userLookups(wes.subject())).isGreaterThanOrEqualTo(2);
        // once it is older than max-stale: refused, saying the owner cannot be confirmed
        Thread.sleep(Math.max(0, 5300 - (System.currentTimeMillis() - confirmedAt)));
        Response refused = me(key);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/json");
        assertThat(refused.jsonPath().getString("name")).isEqualTo(MispKeyAuthenticationTest.MISP_AUTH_FAILED);
        assertThat(refused.jsonPath().getString("message")).contains("cannot be confirmed");
        assertThat(refused.jsonPath().getString("url")).isEqualTo("/users/view/me");

        // an owner Keycloak never confirmed is refused at once while it is down
        ApiKeyUsers xia = ApiKeyUsers.member("xia");
        keycloakDown(xia.subject());
        String other = xia.newKey("never confirmed");
        assertThat(me(other).jsonPath().getString("message")).contains("cannot be confirmed");

        // Keycloak back: accepted again
        user(wes.subject(), true, "member");
        me(key).then().statusCode(200);
    }
}
