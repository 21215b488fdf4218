package org.alliancesearch.portal.common.web;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

/**
 * Whether people can sign in: the OIDC provider (Keycloak) answers its discovery document. Asked only for requests
 * that would be sent to sign in; one answer is trusted for {@link #TRUST_MILLIS} so that a page burst makes one probe,
 * and concurrent requests share the probe in flight. Never blocks.
 */
@ApplicationScoped
public class SignInAvailability {
    /** How long one answer is trusted. */
    static final long TRUST_MILLIS = 5_000;
    /** A provider that takes longer than this to answer a page's sign-in would look down to a person anyway. */
    static final long TIMEOUT_MILLIS = 2_000;

    private final HttpClient client;
    private final String discoveryUrl;
    private Probe last;

    private record Probe(long startedNanos, Future<Boolean> available) {
    }

    public SignInAvailability(Vertx vertx,
            @ConfigProperty(name = "quarkus.oidc.auth-server-url") String authServerUrl) {
        this.client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout((int) TIMEOUT_MILLIS)
                .setKeepAlive(false));
        this.discoveryUrl = authServerUrl.replaceAll("/+$", "") + "/.well-known/openid-configuration";
    }

    /** Whether the provider answered (any status below 500) lately or answers now. */
    public synchronized Future<Boolean> available() {
        long now = System.nanoTime();
        if (last == null || (last.available().isComplete() && now - last.startedNanos() > TRUST_MILLIS * 1_000_000)) {
            last = new Probe(now, probe());
        }
        return last.available();
    }

    private Future<Boolean> probe() {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(discoveryUrl)
                .setIdleTimeout(TIMEOUT_MILLIS);
        return client.request(options).compose(req -> req.send())
                .compose(resp -> resp.body().map(body -> resp.statusCode() < 500)).otherwise(false);
    }
}
