package org.alliancesearch.portal.common.web;

import java.util.LinkedHashMap;
import java.util.Map;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;

/**
 * The MISP-compatible paths and MISP's own error answers on them. Those paths authenticate with personal API keys only
 * (mechanism {@code misp-key}); MISP clients expect a refused key as a 403 with this body, never a redirect and never a
 * problem document.
 */
public final class MispErrors {
    /** MISP's text for a missing or refused key, word for word (clients match on it). */
    public static final String AUTH_FAILED = "Authentication failed. Please make sure you pass the API key of an API"
            + " enabled user along in the Authorization header.";
    /** The message when the key is right but Keycloak cannot confirm its owner now. */
    public static final String OWNER_UNCONFIRMED = "Authentication failed. The owner of this API key cannot be"
            + " confirmed with the identity provider right now; please try again in a few minutes.";

    /** Set (true) on the routing context when a key's owner could not be confirmed: the answer says so. */
    public static final String OWNER_UNCONFIRMED_FLAG = "alliance.misp-key.owner-unconfirmed";

    private static final String[] PREFIXES = {"/servers", "/users/view", "/attributes", "/events"};

    private MispErrors() {
    }

    /** Whether a path is one of the MISP-compatible ones (key authentication only). */
    public static boolean isMispPath(String path) {
        if (path == null) {
            return false;
        }
        for (String prefix : PREFIXES) {
            if (path.equals(prefix) || path.startsWith(prefix + "/")) {
                return true;
            }
        }
        return false;
    }

    /** MISP's error body: {@code name}, {@code message} and the request's {@code url} (its path). */
    public static Map<String, String> body(String message, String path) {
        return body(AUTH_FAILED, message, path);
    }

    /** MISP's error body with its own {@code name} (MISP names an error by its kind: "Bad Request", …). */
    public static Map<String, String> body(String name, String message, String path) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("message", message);
        body.put("url", path);
        return body;
    }

    /** Answers 403 with MISP's error body. */
    public static void forbidden(RoutingContext rc, String message) {
        rc.response().setStatusCode(403)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .end(Json.encode(body(message, rc.normalizedPath())));
    }
}
