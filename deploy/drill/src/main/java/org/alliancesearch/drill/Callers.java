package org.alliancesearch.drill;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.alliancesearch.demo.AllianceDemo;
import org.alliancesearch.demo.MemberSeeder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Who calls the portal: demo users' bearer tokens from the real Keycloak (renewed before they expire), a token that
 * Keycloak issued to another client, and an expired token of the portal's own client.
 */
final class Callers {
    static final String ANONYMOUS = "anonymous";
    static final String ORG_A = "member org-a";
    static final String ORG_B = "member org-b";
    static final String ADMIN = "admin";
    static final String OTHER_CLIENT = "token of another client";
    static final String EXPIRED = "expired token";
    static final List<String> ALL = List.of(ANONYMOUS, ORG_A, ORG_B, ADMIN, OTHER_CLIENT, EXPIRED);
    static final String OTHER_CLIENT_ID = "drill-other-client";
    private static final String OTHER_SECRET = "drill-other-secret";
    private static final long RENEW_NANOS = Duration.ofSeconds(200).toNanos();

    private record Held(String token, long at) {
    }

    private final String realmUrl;
    private final String keycloakUrl;
    private final Map<String, Held> held = new ConcurrentHashMap<>();
    private String otherClient;
    private String expired;

    Callers(String realmUrl, String keycloakUrl) {
        this.realmUrl = realmUrl;
        this.keycloakUrl = keycloakUrl;
    }

    /**
     * Token of a demo user (renewed after 200 s; the demo realm's tokens live 300 s). One sign-in at a time: the
     * writers and load clients that find the token old at once share one new token instead of signing in together,
     * which the realm's brute-force protection can take for an attack.
     */
    synchronized String user(String username) {
        Held h = held.get(username);
        if (h != null && System.nanoTime() - h.at() < RENEW_NANOS) {
            return h.token();
        }
        try {
            String t = MemberSeeder.accessToken(realmUrl, AllianceDemo.CLIENT_ID, AllianceDemo.CLIENT_SECRET,
                    username, username);
            held.put(username, new Held(t, System.nanoTime()));
            return t;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The bearer token a caller sends, or null for the anonymous one. */
    String token(String caller) {
        return switch (caller) {
            case ANONYMOUS -> null;
            case ORG_A -> user("alice");
            case ORG_B -> user("bob");
            case ADMIN -> user("admin");
            case OTHER_CLIENT -> otherClient;
            case EXPIRED -> expired;
            default -> throw new IllegalArgumentException(caller);
        };
    }

    private String adminToken() {
        return form(keycloakUrl + "/realms/master/protocol/openid-connect/token",
                Map.of("grant_type", "password", "client_id", "admin-cli", "username", "kcadmin", "password",
                        "kcadmin"))
                .path("access_token").asText();
    }

    /**
     * Sets the lifespan of the portal client's access tokens, in seconds; the realm's own lifespan when
     * {@code seconds} is null. Keycloak merges client attributes, so the restore names the value instead of leaving it
     * out; Keycloak keeps its data between runs.
     */
    private void portalTokenLifespan(String admin, Integer seconds) {
        String clients = keycloakUrl + "/admin/realms/alliance/clients";
        JsonNode portal = Http.get(clients + "?clientId=" + AllianceDemo.CLIENT_ID, admin).json().get(0);
        int lifespan = seconds != null
                ? seconds
                : Http.get(keycloakUrl + "/admin/realms/alliance", admin).json().path("accessTokenLifespan")
                        .asInt(300);
        ObjectNode changed = portal.deepCopy();
        ((ObjectNode) changed.with("attributes")).put("access.token.lifespan", Integer.toString(lifespan));
        requireOk(Http.json("PUT", clients + "/" + portal.path("id").asText(), admin, changed),
                "set the portal client's token lifespan");
    }

    /** Undoes what an interrupted earlier run may have left: the portal client's short token lifespan. */
    void resetKeycloak() {
        portalTokenLifespan(adminToken(), null);
        held.clear();
    }

    /**
     * Through Keycloak's admin API: registers (once) a second confidential client of the realm and takes alice's
     * token from it; makes the portal client's tokens live 2 s for one token of dave, then restores the lifespan and
     * waits until that token has expired.
     */
    void prepareForeignTokens() throws IOException, InterruptedException {
        String admin = adminToken();
        String clients = keycloakUrl + "/admin/realms/alliance/clients";
        JsonNode found = Http.get(clients + "?clientId=" + OTHER_CLIENT_ID, admin).json();
        if (found.isEmpty()) {
            ObjectNode c = Http.JSON.createObjectNode().put("clientId", OTHER_CLIENT_ID).put("enabled", true)
                    .put("publicClient", false).put("secret", OTHER_SECRET).put("directAccessGrantsEnabled", true)
                    .put("standardFlowEnabled", false).put("protocol", "openid-connect");
            Http.Reply r = Http.json("POST", clients, admin, c);
            if (r.status() != 201) {
                throw new IllegalStateException("could not register " + OTHER_CLIENT_ID + ": " + r.brief());
            }
        }
        otherClient = MemberSeeder.accessToken(realmUrl, OTHER_CLIENT_ID, OTHER_SECRET, "alice", "alice");
        portalTokenLifespan(admin, 2);
        try {
            expired = MemberSeeder.accessToken(realmUrl, AllianceDemo.CLIENT_ID, AllianceDemo.CLIENT_SECRET, "dave",
                    "dave");
        } finally {
            portalTokenLifespan(admin, null);
        }
        Thread.sleep(4000);
    }

    private static void requireOk(Http.Reply r, String what) {
        if (!r.ok()) {
            throw new IllegalStateException("Keycloak admin API: could not " + what + ": " + r.brief());
        }
    }

    private static JsonNode form(String url, Map<String, String> fields) {
        StringBuilder b = new StringBuilder();
        new LinkedHashMap<>(fields).forEach((k, v) -> b.append(b.length() == 0 ? "" : "&")
                .append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        Http.Reply r = Http.send("POST", url, null, "application/x-www-form-urlencoded",
                b.toString().getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(30));
        if (!r.ok()) {
            throw new IllegalStateException("Keycloak token request failed: " + r.brief());
        }
        return r.json();
    }
}
