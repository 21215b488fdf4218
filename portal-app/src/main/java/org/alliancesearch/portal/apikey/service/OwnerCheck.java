package org.alliancesearch.portal.apikey.service;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.alliancesearch.portal.common.security.Roles;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.MultiMap;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;

/**
 * Asks Keycloak's admin API, with the portal client's own service account (client-credentials grant), whether a key's
 * owner is still enabled and still holds the {@code member} or {@code admin} realm role, so that a user disabled in
 * Keycloak loses API access within minutes although keys outlive sessions. Each replica keeps each owner's answer for
 * the configured interval; when Keycloak cannot be asked, the last good answer counts while it is younger than the
 * configured staleness limit, and after that the owner is refused (fail closed). Never blocks: Vert.x Web Client with
 * a timeout.
 */
@ApplicationScoped
public class OwnerCheck {
    private static final Logger LOG = Logger.getLogger(OwnerCheck.class);

    /** The answer about one owner. */
    public enum Outcome {
        /** Enabled and a member (or admin). */
        ALLOWED,
        /** Disabled, unknown, or without the member and admin roles. */
        REFUSED,
        /** Keycloak could not be asked and the last good answer is too old. */
        UNCONFIRMED
    }

    /**
     * @param outcome what was decided
     * @param roles the owner's portal roles according to Keycloak, or null when not asked (check turned off)
     */
    public record Verdict(Outcome outcome, Set<String> roles) {
    }

    private record Known(boolean allowed, Set<String> roles, Instant at) {
    }

    private record Token(String value, Instant expires) {
    }

    private final ApiKeysConfig.OwnerCheck config;
    private final String tokenUrl;
    private final String usersUrl;
    private final String clientId;
    private final Optional<String> clientSecret;
    private final WebClient client;
    /** Owners remembered before stale answers are swept; one entry per key owner seen recently. */
    static final int MAX_REMEMBERED = 50_000;

    private final Map<String, Known> known = new ConcurrentHashMap<>();
    private final Map<String, Uni<Known>> asking = new ConcurrentHashMap<>();
    private volatile Token token;

    public OwnerCheck(ApiKeysConfig config, Vertx vertx,
            @ConfigProperty(name = "quarkus.oidc.auth-server-url") String authServerUrl,
            @ConfigProperty(name = "quarkus.oidc.client-id") String clientId,
            @ConfigProperty(name = "quarkus.oidc.credentials.secret") Optional<String> clientSecret) {
        this.config = config.ownerCheck();
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

    /** The admin API's URL of the realm's users (for tests and the operations doc). */
    public String usersUrl() {
        return usersUrl;
    }

    /** Whether the owner may use their keys now. */
    public Uni<Verdict> check(String subject) {
        if (!config.enabled()) {
            return Uni.createFrom().item(new Verdict(Outcome.ALLOWED, null));
        }
        Instant now = Instant.now();
        Known last = known.get(subject);
        // an interval at or past the staleness limit would keep a disabled owner in longer than promised
        Duration interval = config.interval().compareTo(config.maxStale()) < 0 ? config.interval() : config.maxStale();
        if (last != null && last.at().plus(interval).isAfter(now)) {
            return Uni.createFrom().item(verdict(last));
        }
        // one question at a time per owner on this replica: callers arriving meanwhile share its answer
        return asking.computeIfAbsent(subject, s -> ask(s).memoize().indefinitely()
                .eventually(() -> {
                    asking.remove(s);
                }))
                .map(fresh -> {
                    if (known.size() >= MAX_REMEMBERED) {
                        // answers past the staleness limit are never used again: forget them before growing
                        Instant stale = Instant.now().minus(config.maxStale());
                        known.values().removeIf(k -> k.at().isBefore(stale));
                    }
                    known.put(subject, fresh);
                    return verdict(fresh);
                })
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("Keycloak could not be asked about the owner %s: %s", subject, e.toString());
                    Known good = known.get(subject);
                    if (good != null && good.at().plus(config.maxStale()).isAfter(Instant.now())) {
                        return verdict(good);
                    }
                    return new Verdict(Outcome.UNCONFIRMED, null);
                });
    }

    private static Verdict verdict(Known k) {
        return new Verdict(k.allowed() ? Outcome.ALLOWED : Outcome.REFUSED, k.roles());
    }

    /** One question to Keycloak: the user (enabled?) and their effective realm roles. */
    private Uni<Known> ask(String subject) {
        String user = usersUrl + URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
        return accessToken().flatMap(bearer -> get(user, bearer).flatMap(found -> {
            if (found.statusCode() == 404) {
                return Uni.createFrom().item(new Known(false, Set.of(), Instant.now()));
            }
            JsonObject body = ok(found, "user").bodyAsJsonObject();
            boolean enabled = body != null && Boolean.TRUE.equals(body.getBoolean("enabled"));
            if (!enabled) {
                return Uni.createFrom().item(new Known(false, Set.of(), Instant.now()));
            }
            return get(user + "/role-mappings/realm/composite", bearer).map(mapped -> {
                JsonArray list = ok(mapped, "roles").bodyAsJsonArray();
                Set<String> roles = new HashSet<>();
                for (int i = 0; list != null && i < list.size(); i++) {
                    Object role = list.getValue(i);
                    if (role instanceof JsonObject o && o.getString("name") != null) {
                        String name = o.getString("name");
                        if (name.equals(Roles.MEMBER) || name.equals(Roles.ADMIN)) {
                            roles.add(name);
                        }
                    }
                }
                return new Known(!roles.isEmpty(), Set.copyOf(roles), Instant.now());
            });
        }));
    }

    private Uni<HttpResponse<io.vertx.mutiny.core.buffer.Buffer>> get(String url, String bearer) {
        return client.getAbs(url).bearerTokenAuthentication(bearer).putHeader("Accept", "application/json")
                .timeout(config.timeout().toMillis()).send()
                .invoke(r -> {
                    if (r.statusCode() == 401) {
                        token = null; // expired or revoked early: fetch a new one next time
                    }
                });
    }

    private static <T> HttpResponse<T> ok(HttpResponse<T> response, String what) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Keycloak answered " + response.statusCode() + " for the " + what);
        }
        return response;
    }

    /** The service account's access token, reused until shortly before it expires. */
    private Uni<String> accessToken() {
        Token current = token;
        if (current != null && current.expires().isAfter(Instant.now())) {
            return Uni.createFrom().item(current.value());
        }
        if (clientSecret.isEmpty()) {
            return Uni.createFrom().failure(new IllegalStateException("no client secret for the owner check"));
        }
        MultiMap form = MultiMap.caseInsensitiveMultiMap().add("grant_type", "client_credentials")
                .add("client_id", clientId).add("client_secret", clientSecret.get());
        return client.postAbs(tokenUrl).putHeader("Accept", "application/json")
                .timeout(config.timeout().toMillis()).sendForm(form).map(r -> {
                    JsonObject body = ok(r, "token").bodyAsJsonObject();
                    String value = body == null ? null : body.getString("access_token");
                    if (value == null) {
                        throw new IllegalStateException("Keycloak gave no access token");
                    }
                    long life = body.getLong("expires_in", 60L);
                    token = new Token(value, Instant.now().plus(Duration.ofSeconds(Math.max(0, life - 30))));
                    return value;
                });
    }

    /** Forgets every answer (tests). */
    public void forget() {
        known.clear();
        token = null;
    }
}
