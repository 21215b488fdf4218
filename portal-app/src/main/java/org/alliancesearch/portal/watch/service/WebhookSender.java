package org.alliancesearch.portal.watch.service;

import java.net.IDN;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.alliancesearch.portal.watch.config.DeliveryConfig;
import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.net.SocketAddress;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import io.vertx.mutiny.ext.web.codec.BodyCodec;

/**
 * Posts a signed JSON alert to a watch's webhook without blocking.
 * <ul>
 * <li>Before each try the host is resolved (on a worker thread) and every address it resolves to must pass
 * {@link WebhookUrlRule}; the connection then goes to that checked address, with the name as Host header, TLS server
 * name and certificate name, so no second DNS answer is ever asked for.</li>
 * <li>Each try has one deadline (connection, request and answer) and reads at most a byte budget of the answer.</li>
 * <li>A try that got no answer, 408, 429 or 5xx is retried after a pause that doubles from the first back-off up to the
 * largest, up to {@code tries} tries in all. A redirect is not followed, and it, another 4xx or a refused address end
 * the delivery at once: trying again would not change them.</li>
 * <li>Each try is signed afresh ({@link WebhookSignature}) with its own timestamp, so that a receiver may refuse old
 * ones; {@code X-Alliance-Delivery} is the same on every try, for receivers to drop a repeat.</li>
 * </ul>
 * The secret is used for the signature only: never sent, never logged.
 */
@ApplicationScoped
public class WebhookSender {
    public static final String DELIVERY_HEADER = "X-Alliance-Delivery";
    private static final Logger LOG = Logger.getLogger(WebhookSender.class);

    /** Limits of one delivery. */
    public record Limits(Duration timeout, int tries, Duration firstBackoff, Duration maxBackoff,
            long maxResponseBytes) {
        static Limits of(DeliveryConfig.Webhook c) {
            return new Limits(c.timeout(), c.tries(), c.firstBackoff(), c.maxBackoff(), c.maxResponseBytes());
        }
    }

    /** Name resolution; the system's resolver in production. */
    public interface Resolver {
        List<InetAddress> resolve(String host) throws UnknownHostException;
    }

    /** What a delivery came to: delivered, in how many tries, and if not why (never the secret). */
    public record Outcome(boolean delivered, int tries, Optional<String> failure) {
    }

    /** The result of one try; {@code retry} says whether another try may do better. */
    private record Try(boolean delivered, boolean retry, String failure) {
        static Try ok() {
            return new Try(true, false, null);
        }

        static Try again(String failure) {
            return new Try(false, true, failure);
        }

        static Try stop(String failure) {
            return new Try(false, false, failure);
        }
    }

    private final WebClient client;
    private final WebhookUrlRule rule;
    private final Resolver resolver;
    private final Limits limits;

    @Inject
    public WebhookSender(Vertx vertx, WebhookUrlRule rule, DeliveryConfig config) {
        this(vertx, rule, host -> List.of(InetAddress.getAllByName(host)), Limits.of(config.webhook()));
    }

    public WebhookSender(Vertx vertx, WebhookUrlRule rule, Resolver resolver, Limits limits) {
        this.rule = rule;
        this.resolver = resolver;
        this.limits = new Limits(positive(limits.timeout(), Duration.ofSeconds(10)), Math.max(1, limits.tries()),
                positive(limits.firstBackoff(), Duration.ofMillis(100)),
                positive(limits.maxBackoff(), Duration.ofSeconds(60)), Math.max(0, limits.maxResponseBytes()));
        // No keep-alive: each try is its own connection to its own checked address. No redirects, no decompression
        // (the budget counts what is read).
        this.client = WebClient.create(vertx, new WebClientOptions().setKeepAlive(false).setFollowRedirects(false)
                .setMaxRedirects(0).setTryUseCompression(false).setDecompressionSupported(false).setVerifyHost(true)
                .setForceSni(true).setTrustAll(false).setLogActivity(false)
                .setUserAgent("AllianceSearchPortal (watch alert)")
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, this.limits.timeout().toMillis())));
    }

    @PreDestroy
    void close() {
        client.close();
    }

    public Limits limits() {
        return limits;
    }

    /**
     * Delivers the body; completes with the outcome, never with a failure.
     *
     * @param deliveryId
     *            the same on every try (the alert's id), sent as {@code X-Alliance-Delivery}
     */
    public Uni<Outcome> send(URI url, String secret, String deliveryId, byte[] body) {
        return attempt(url, secret, deliveryId, body, 1);
    }

    private Uni<Outcome> attempt(URI url, String secret, String deliveryId, byte[] body, int attempt) {
        return once(url, secret, deliveryId, body).flatMap(result -> {
            if (result.delivered()) {
                return Uni.createFrom().item(new Outcome(true, attempt, Optional.empty()));
            }
            LOG.debugf("webhook delivery %s, try %d: %s", deliveryId, attempt, result.failure());
            if (!result.retry() || attempt >= limits.tries()) {
                LOG.debugf("webhook delivery %s failed after %d tries: %s", deliveryId, attempt, result.failure());
                return Uni.createFrom().item(new Outcome(false, attempt, Optional.of(result.failure())));
            }
            return Uni.createFrom().voidItem().onItem().delayIt().by(backoff(attempt))
                    .flatMap(v -> attempt(url, secret, deliveryId, body, attempt + 1));
        });
    }

    /** The pause after try {@code attempt} (1-based): the first back-off, doubled each time, at most the largest. */
    public Duration backoff(int attempt) {
        long first = limits.firstBackoff().toMillis();
        long pause = attempt - 1 >= 30 ? Long.MAX_VALUE : first << (attempt - 1);
        return Duration.ofMillis(Math.min(pause < 0 ? Long.MAX_VALUE : pause, limits.maxBackoff().toMillis()));
    }

    private Uni<Try> once(URI url, String secret, String deliveryId, byte[] body) {
        WebhookUrlRule.Checked checked = rule.check(url == null ? null : url.toString());
        if (!checked.ok()) {
            return Uni.createFrom().item(Try.stop("webhook URL refused (" + checked.code() + ")"));
        }
        String host;
        try {
            String h = url.getHost();
            host = IDN.toASCII(h.startsWith("[") ? h.substring(1, h.length() - 1) : h, IDN.ALLOW_UNASSIGNED)
                    .toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().item(Try.stop("webhook URL refused (url.invalid)"));
        }
        boolean https = "https".equalsIgnoreCase(url.getScheme());
        int port = url.getPort() == -1 ? (https ? 443 : 80) : url.getPort();
        String path = (url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath());
        return Uni.createFrom().item(() -> {
            try {
                return resolver.resolve(host);
            } catch (UnknownHostException e) {
                return List.<InetAddress>of();
            }
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool()).flatMap(addresses -> {
            if (addresses == null || addresses.isEmpty()) {
                return Uni.createFrom().item(Try.again("webhook host " + host + " not resolved"));
            }
            for (InetAddress address : addresses) {
                Optional<String> refused = rule.refusal(address);
                if (refused.isPresent()) {
                    return Uni.createFrom()
                            .item(Try.stop("webhook host " + host + " resolves to a refused address (url."
                                    + refused.get() + ")"));
                }
            }
            return post(addresses.get(0), host, port, https, path, secret, deliveryId, body);
        });
    }

    private Uni<Try> post(InetAddress address, String host, int port, boolean https, String path, String secret,
            String deliveryId, byte[] body) {
        long timeoutMs = limits.timeout().toMillis();
        long now = Instant.now().getEpochSecond();
        ResponseBudget budget = new ResponseBudget(limits.maxResponseBytes());
        return client
                .request(HttpMethod.POST, SocketAddress.inetSocketAddress(new InetSocketAddress(address, port)), port,
                        host, path)
                .ssl(https).followRedirects(false).connectTimeout(timeoutMs).idleTimeout(timeoutMs).timeout(timeoutMs)
                .putHeader("Content-Type", "application/json").putHeader("Accept", "*/*")
                .putHeader(WebhookSignature.TIMESTAMP_HEADER, Long.toString(now))
                .putHeader(WebhookSignature.HEADER, WebhookSignature.sign(secret, now, body))
                .putHeader(DELIVERY_HEADER, deliveryId)
                .as(BodyCodec.<Void>newInstance(io.vertx.ext.web.codec.BodyCodec.pipe(budget, false)))
                .sendBuffer(Buffer.buffer(body))
                // the deadline of the whole try, also for an answer that trickles in below the idle timeout
                .ifNoItem().after(limits.timeout()).failWith(TimeoutException::new)
                .onItemOrFailure().transform((response, failure) -> failure != null
                        ? failed(failure, budget, host)
                        : answered(response, host));
    }

    private Try answered(HttpResponse<Void> response, String host) {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return Try.ok();
        }
        String failure = "webhook " + host + " answered HTTP " + status;
        if (status >= 300 && status < 400) {
            return Try.stop(failure + " (redirects are not followed)");
        }
        return status == 408 || status == 429 || status >= 500 ? Try.again(failure) : Try.stop(failure);
    }

    private Try failed(Throwable failure, ResponseBudget budget, String host) {
        if (budget.exceeded()) {
            return Try.again("webhook " + host + " answered more than " + limits.maxResponseBytes() + " bytes");
        }
        if (failure instanceof TimeoutException || failure.getClass().getSimpleName().contains("Timeout")) {
            return Try.again("webhook " + host + " did not answer within " + limits.timeout().toMillis() + " ms");
        }
        return Try.again("webhook " + host + " unreachable (" + failure.getClass().getSimpleName() + ")");
    }

    private static Duration positive(Duration d, Duration otherwise) {
        return d == null || d.isZero() || d.isNegative() ? otherwise : d;
    }
}
