package org.alliancesearch.portal.watch.service;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Posts a signed JSON alert to a watch's webhook without blocking: each try has a connect and a response timeout; a
 * failed try (no answer, or not 2xx) is retried after a growing pause, up to {@code tries} tries in all. The URL must
 * have passed the member URL address rules before it gets here; redirects are not followed.
 */
public final class WebhookSender {
    private final HttpClient client;
    private final Duration timeout;
    private final int tries;
    private final Duration firstBackoff;

    public WebhookSender(Duration timeout, int tries, Duration firstBackoff) {
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.timeout = timeout;
        this.tries = tries;
        this.firstBackoff = firstBackoff;
    }

    /** Completes with true when one try was answered 2xx, false when every try failed. Never completes exceptionally. */
    public CompletionStage<Boolean> send(URI url, String secret, byte[] body) {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout).header("Content-Type", "application/json")
                .header(WebhookSignature.HEADER, WebhookSignature.sign(secret, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return attempt(request, 1);
    }

    private CompletionStage<Boolean> attempt(HttpRequest request, int attempt) {
        return client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .handle((response, error) -> error == null && response.statusCode() / 100 == 2)
                .thenCompose(ok -> {
                    if (ok || attempt >= tries) {
                        return CompletableFuture.completedFuture(ok);
                    }
                    long pause = firstBackoff.toMillis() << (attempt - 1);
                    Executor later = CompletableFuture.delayedExecutor(pause, TimeUnit.MILLISECONDS);
                    return CompletableFuture.supplyAsync(() -> null, later)
                            .thenCompose(ignored -> attempt(request, attempt + 1));
                });
    }
}
