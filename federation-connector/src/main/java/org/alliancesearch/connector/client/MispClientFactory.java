package org.alliancesearch.connector.client;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.alliancesearch.connector.MemberEndpoint;
import org.alliancesearch.connector.MemberMessage;
import org.alliancesearch.connector.config.ConnectorConfig;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.core.net.TrustOptions;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;

/**
 * Creates the raw client of a member: one Web Client per member, since TLS settings differ per member.
 * <p>
 * TLS rules: the certificate chain is always verified (never trust-all); a member's own CA (PEM) replaces the JVM trust
 * store for that member; a client certificate and key (PEM) enable mTLS. {@code verifyTls=false} only switches off
 * host-name verification (for members reached by IP or an internal name), never chain verification. A pinned
 * certificate SHA-256 replaces the chain check: exactly that server certificate is accepted (see
 * {@link PinnedTrustManager}). Redirects are never followed: a 3xx is reported as an error.
 */
@ApplicationScoped
public class MispClientFactory {
    private final Vertx vertx;
    private final ObjectMapper mapper;
    private final ConnectorConfig config;

    public MispClientFactory(Vertx vertx, ObjectMapper mapper, ConnectorConfig config) {
        this.vertx = vertx;
        this.mapper = mapper;
        this.config = config;
    }

    public MispClient create(MemberEndpoint endpoint) {
        Duration timeout = timeoutOf(endpoint);
        WebClient web = null;
        io.vertx.core.http.HttpClient http = null;
        String broken = null;
        try {
            WebClientOptions options = options(endpoint);
            http = vertx.getDelegate().createHttpClient(options);
            web = WebClient.wrap(io.vertx.mutiny.core.http.HttpClient.newInstance(http), options);
        } catch (RuntimeException e) {
            broken = MemberMessage.INVALID_TLS_SETTINGS.format();
        }
        return new MispClient(endpoint, vertx.getDelegate(), http, web, mapper, timeout, config.maxResponseBytes(),
                config.retry().maxRetryAfter(), config.compressedAnswers(), broken);
    }

    public Duration timeoutOf(MemberEndpoint endpoint) {
        return endpoint.timeout() != null && !endpoint.timeout().isNegative() && !endpoint.timeout().isZero()
                ? endpoint.timeout()
                : config.timeout();
    }

    WebClientOptions options(MemberEndpoint endpoint) {
        WebClientOptions o = new WebClientOptions();
        o.setUserAgentEnabled(true);
        o.setUserAgent(ConnectorVersion.userAgent());
        // Not decompressed by the HTTP client: restSearch inflates a gzip answer itself in bounded steps, each
        // counted against the budgets (a gzip bomb stops at the budget, not at the heap).
        o.setTryUseCompression(false);
        o.setFollowRedirects(false);
        o.setConnectTimeout((int) Math.min(Integer.MAX_VALUE, config.connectTimeout().toMillis()));
        o.setMaxPoolSize(Math.max(1, config.bulkhead().maxConcurrent()));
        o.setTrustAll(false);
        o.setLogActivity(false);
        if ("https".equalsIgnoreCase(endpoint.baseUri().getScheme())) {
            o.setSsl(true);
            o.setVerifyHost(endpoint.verifyTls());
            if (hasText(endpoint.tlsPinSha256())) {
                o.setTrustOptions(TrustOptions.wrap(new PinnedTrustManager(endpoint.tlsPinSha256())));
            } else if (hasText(endpoint.caPem())) {
                o.setTrustOptions(new PemTrustOptions().addCertValue(Buffer.buffer(endpoint.caPem())));
            }
            if (hasText(endpoint.clientCertPem()) && hasText(endpoint.clientKeyPem())) {
                o.setKeyCertOptions(new PemKeyCertOptions().addCertValue(Buffer.buffer(endpoint.clientCertPem()))
                        .addKeyValue(Buffer.buffer(endpoint.clientKeyPem())));
            }
        }
        return o;
    }

    private static boolean hasText(String s) {
        return s != null && !s.isBlank();
    }
}
