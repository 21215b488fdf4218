package org.alliancesearch.portal.watch.service;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.alliancesearch.portal.common.security.Roles;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.MultiMap;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;

/**
 * The watcher from Keycloak's admin API ({@code GET /admin/realms/<realm>/users/<sub>} and its effective realm roles),
 * asked with the portal client's service account (client-credentials grant; the realm gives it realm-management
 * view-users). Not cached: a run must see a removed role or organisation at once. Never blocks; each call has a
 * timeout and a byte budget.
 */
@ApplicationScoped
public class KeycloakWatcherDirectory implements WatcherDirectory {
    /** The user attribute holding the organisation (the same attribute the realm maps to the token's org claim). */
    static final String ORG_ATTRIBUTE = "org";

    private record Token(String value, Instant expires) {
    }

    private final WatchConfig.Directory config;
    private final String tokenUrl;
    private final String usersUrl;
    private final String clientId;
    private final Optional<String> clientSecret;
    private final WebClient client;
    private volatile Token token;

    public KeycloakWatcherDirectory(WatchConfig config, Vertx vertx,
            @ConfigProperty(name = "quarkus.oidc.auth-server-url") String authServerUrl,
            @ConfigProperty(name = "quarkus.oidc.client-id") String clientId,
            @ConfigProperty(name = "quarkus.oidc.credentials.secret") Optional<String> clientSecret) {
        this.config = config.directory();
        String realmUrl = authServerUrl.endsWith("/")
                ? authServerUrl.substring(0, authServerUrl.length() - 1)
                : authServerUrl;
        int at = realmUrl.lastIndexOf("/realms/");
        String base = at < 0 ? realmUrl : realmUrl.substring(0, at);
        String realm = at < 0 ? "" : realmUrl.substring(at + "/realms/".length());
        this.tokenUrl = realmUrl + "/protocol/openid-connect/token";
        this.usersUrl = base + "/admin/realms/" + realm + "/users/";
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.client = WebClient.create(vertx);
    }

    @PreDestroy
    void close() {
        client.close();
    }

    @Override
    public Uni<Optional<Watcher>> find(String subject) {
        if (!config.enabled()) {
            return Uni.createFrom().failure(new IllegalStateException("the watcher directory is turned off"));
        }
        String user = usersUrl + URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
        return accessToken().flatMap(bearer -> get(user, bearer).flatMap(found -> {
            if (found.statusCode() == 404) {
                return Uni.createFrom().item(Optional.<Watcher>empty());
            }
            JsonObject body = json(found, "user").toJsonObject();
            boolean enabled = Boolean.TRUE.equals(body.getBoolean("enabled"));
            String userName = body.getString("username", subject);
            Optional<String> org = firstAttribute(body, ORG_ATTRIBUTE);
            Optional<String> email = Boolean.TRUE.equals(body.getBoolean("emailVerified"))
                    ? Optional.ofNullable(body.getString("email")).filter(e -> !e.isBlank())
                    : Optional.empty();
            if (!enabled) {
                return Uni.createFrom().item(Optional.of(new Watcher(userName, false, Set.of(), org, email)));
            }
            return get(user + "/role-mappings/realm/composite", bearer).map(mapped -> {
                JsonArray list = json(mapped, "roles").toJsonArray();
                Set<String> roles = new HashSet<>();
                for (int i = 0; i < list.size(); i++) {
                    if (list.getValue(i) instanceof JsonObject o && o.getString("name") != null) {
                        String name = o.getString("name");
                        if (name.equals(Roles.MEMBER) || name.equals(Roles.ADMIN)) {
                            roles.add(name);
                        }
                    }
                }
                return Optional.of(new Watcher(userName, true, Set.copyOf(roles), org, email));
            });
        }));
    }

    private static Optional<String> firstAttribute(JsonObject user, String name) {
        JsonObject attributes = user.getJsonObject("attributes");
        JsonArray values = attributes == null ? null : attributes.getJsonArray(name);
        if (values == null || values.isEmpty() || !(values.getValue(0) instanceof String s) || s.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(s.strip());
    }

    private Uni<HttpResponse<Buffer>> get(String url, String bearer) {
        return client.getAbs(url).bearerTokenAuthentication(bearer).putHeader("Accept", "application/json")
                .timeout(config.timeout().toMillis()).send()
                .invoke(r -> {
                    if (r.statusCode() == 401) {
                        token = null; // expired or revoked early: fetch a new one next time
                    }
                });
    }

    /** The body of a 200 answer within the byte budget. */
    private Buffer json(HttpResponse<Buffer> response, String what) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Keycloak answered " + response.statusCode() + " for the " + what);
        }
        Buffer body = response.body();
        if (body == null) {
            throw new IllegalStateException("Keycloak answered no " + what);
        }
        if (body.length() > config.maxBytes()) {
            throw new IllegalStateException("Keycloak's " + what + " answer exceeds " + config.maxBytes() + " bytes");
        }
        return body;
    }

    private Uni<String> accessToken() {
        Token current = token;
        if (current != null && current.expires().isAfter(Instant.now())) {
            return Uni.createFrom().item(current.value());
        }
        if (clientSecret.isEmpty()) {
            return Uni.createFrom().failure(new IllegalStateException("no client secret for the watcher directory"));
        }
        MultiMap form = MultiMap.caseInsensitiveMultiMap().add("grant_type", "client_credentials")
                .add("client_id", clientId).add("client_secret", clientSecret.get());
        return client.postAbs(tokenUrl).putHeader("Accept", "application/json")
                .timeout(config.timeout().toMillis()).sendForm(form).map(r -> {
                    JsonObject body = json(r, "token").toJsonObject();
                    String value = body.getString("access_token");
                    if (value == null) {
                        throw new IllegalStateException("Keycloak gave no access token");
                    }
                    long life = body.getLong("expires_in", 60L);
                    token = new Token(value, Instant.now().plus(Duration.ofSeconds(Math.max(0, life - 30))));
                    return value;
                });
    }
}
