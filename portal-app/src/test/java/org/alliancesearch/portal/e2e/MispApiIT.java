package org.alliancesearch.portal.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.alliancesearch.demo.AllianceDemo;
import org.alliancesearch.demo.MemberSeeder;
import org.alliancesearch.simulator.client.PymispException;
import org.alliancesearch.simulator.client.PymispLikeClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The MISP-compatible API against the real alliance (real Keycloak, packaged portal, simulated members): a personal
 * key made with a Keycloak token works in a MISP client, and stops working once Keycloak disables its owner or takes
 * the member role away, within the owner-check interval (shortened for this stack, see {@link E2eStack}).
 */
class MispApiIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    static AllianceDemo demo;
    static String portal;
    static String realmUrl;

    @BeforeAll
    static void startStack() throws Exception {
        demo = E2eStack.get();
        portal = demo.portal().url();
        realmUrl = demo.keycloak().realmUrl("alliance");
    }

    @Test
    void aKeyWorksInAMispClientUntilKeycloakDisablesItsOwner() throws Exception {
        String admin = adminToken();
        String name = unique("keyholder-disabled");
        String userId = createUser(admin, name);
        String key = newKey(name);

        PymispLikeClient misp = PymispLikeClient.connect(portal, key);
        assertThat(misp.user().path("email").asText()).isEqualTo(name + "@org-b.example");
        JsonNode found = misp.searchAttributes(Map.of("value", PortalFlowsIT.SHARED_DOMAIN, "includeContext", 1));
        assertThat(found.path("Attribute")).as("the shared demo value").isNotEmpty();
        assertThat(misp.searchEvents(Map.of("value", PortalFlowsIT.SHARED_DOMAIN))).isNotEmpty();
        assertThat(misp.searchCsv(Map.of("value", PortalFlowsIT.SHARED_DOMAIN))).startsWith("uuid,event_id,");

        admin("PUT", "/users/" + userId, "{\"enabled\": false}", adminToken());
        assertRefusedWithin(key, Duration.ofSeconds(30));
    }

    @Test
    void aKeyStopsWorkingWhenItsOwnerLosesTheMemberRole() throws Exception {
        String admin = adminToken();
        String name = unique("keyholder-demoted");
        String userId = createUser(admin, name);
        String key = newKey(name);
        PymispLikeClient.connect(portal, key);

        String role = admin("GET", "/roles/member", null, admin);
        admin("DELETE", "/users/" + userId + "/role-mappings/realm", "[" + role + "]", adminToken());
        assertRefusedWithin(key, Duration.ofSeconds(30));
    }

    @Test
    void aWrongKeyIsRefusedAsMispRefusesIt() {
        PymispException e = catchThrowableOfType(PymispException.class,
                () -> PymispLikeClient.connect(portal, "0123456789abcdefghij0123456789ABCDEFGHIJ"));
        assertThat(e).isNotNull();
        assertThat(e.status()).isEqualTo(403);
    }

    /** A user name not taken yet: Keycloak's database of the cached installation outlives a test run. */
    private static String unique(String prefix) {
        return prefix + "-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    }

    private static void assertRefusedWithin(String key, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            try {
                PymispLikeClient.connect(portal, key);
            } catch (PymispException e) {
                assertThat(e.status()).isEqualTo(403);
                return;
            }
            assertThat(System.nanoTime()).as("the key is refused within " + within).isLessThan(deadline);
            Thread.sleep(1000);
        }
    }

    private static String newKey(String user) throws IOException, InterruptedException {
        String token = MemberSeeder.accessToken(realmUrl, AllianceDemo.CLIENT_ID, AllianceDemo.CLIENT_SECRET, user,
                "pw-" + user);
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(portal + "/api/v1/me/api-keys"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"siem\", \"expiresInDays\": 30}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return JSON.readTree(r.body()).path("key").asText();
    }

    /** A member of org-b, made through Keycloak's admin API; returns its id. */
    private static String createUser(String admin, String name) throws IOException, InterruptedException {
        String user = JSON.writeValueAsString(Map.of("username", name, "enabled", true, "email",
                name + "@org-b.example", "emailVerified", true, "firstName", "Key", "lastName", "Holder",
                "attributes", Map.of("org", List.of("org-b")), "credentials",
                List.of(Map.of("type", "password", "value", "pw-" + name, "temporary", false))));
        admin("POST", "/users", user, admin);
        JsonNode found = JSON.readTree(admin("GET", "/users?exact=true&username=" + name, null, admin));
        String id = found.get(0).path("id").asText();
        String role = admin("GET", "/roles/member", null, admin);
        admin("POST", "/users/" + id + "/role-mappings/realm", "[" + role + "]", admin);
        return id;
    }

    private static String adminToken() throws IOException, InterruptedException {
        String form = "grant_type=password&client_id=admin-cli&username=kcadmin&password="
                + URLEncoder.encode("kcadmin", StandardCharsets.UTF_8);
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(demo.keycloak().baseUrl()
                + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body()).path("access_token").asText();
    }

    private static String admin(String method, String path, String body, String token)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(demo.keycloak().baseUrl()
                + "/admin/realms/alliance" + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json");
        b.method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(method + " " + path + ": " + r.body()).isBetween(200, 299);
        return r.body();
    }
}
