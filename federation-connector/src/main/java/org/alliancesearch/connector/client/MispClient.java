package org.alliancesearch.connector.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import javax.net.ssl.SSLException;

import org.alliancesearch.connector.MemberEndpoint;
import org.alliancesearch.connector.client.PageResult.Cut;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.CompositeException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpMethod;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import io.vertx.mutiny.ext.web.codec.BodyCodec;

/**
 * The raw MISP client of one member: one HTTP exchange per call, no retry, no circuit breaker (the member's guard adds
 * those). Every failure is turned into a {@link MemberCallException} with a short, clean message.
 */
public final class MispClient {
    private final MemberEndpoint endpoint;
    private final WebClient web;
    private final ObjectMapper mapper;
    private final String base;
    private final long timeoutMillis;
    private final long maxResponseBytes;
    private final long maxRetryAfterMillis;
    private final String brokenReason;

    MispClient(MemberEndpoint endpoint, WebClient web, ObjectMapper mapper, Duration timeout, long maxResponseBytes,
            Duration maxRetryAfter, String brokenReason) {
        this.endpoint = endpoint;
        this.web = web;
        this.mapper = mapper;
        String b = endpoint.baseUri().toString();
        this.base = b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
        this.timeoutMillis = timeout.toMillis();
        this.maxResponseBytes = maxResponseBytes;
        this.maxRetryAfterMillis = maxRetryAfter.toMillis();
        this.brokenReason = brokenReason;
    }

    public MemberEndpoint endpoint() {
        return endpoint;
    }

    /** Per-call timeout of this member. */
    public Duration timeout() {
        return Duration.ofMillis(timeoutMillis);
    }

    /**
     * {@code POST /attributes/restSearch} with this body, read as a stream.
     *
     * @param maxRecords readable attributes kept at most from this page
     */
    public Uni<PageResult> searchPage(ObjectNode body, int maxRecords) {
        return Uni.createFrom().deferred(() -> {
            if (brokenReason != null) {
                return Uni.createFrom().failure(MemberCallException.permanent(brokenReason));
            }
            AttributeStreamSink sink = new AttributeStreamSink(mapper, maxResponseBytes, maxRecords);
            byte[] bytes;
            try {
                bytes = mapper.writeValueAsBytes(body);
            } catch (JsonProcessingException e) {
                return Uni.createFrom().failure(MemberCallException.permanent("cannot write the search body"));
            }
            HttpRequest<Void> request = request(HttpMethod.POST, "/attributes/restSearch")
                    .putHeader("Content-Type", "application/json")
                    .as(BodyCodec.newInstance(io.vertx.ext.web.codec.BodyCodec.pipe(sink, false)));
            return request.sendBuffer(Buffer.buffer(bytes))
                    // A function that throws while handling a failure would wrap both in a CompositeException:
                    // failures are returned as failed Unis instead.
                    .onItemOrFailure()
                    .transformToUni((response, failure) -> {
                        if (failure != null) {
                            if (sink.cut() != Cut.NONE) {
                                return Uni.createFrom().item(sink.result(0));
                            }
                            return Uni.createFrom().failure(classify(failure));
                        }
                        int status = response.statusCode();
                        if (status >= 200 && status < 300) {
                            sink.finish();
                            return Uni.createFrom().item(sink.result(intHeader(response, "X-Skipped-Elements-Count")));
                        }
                        return Uni.createFrom().failure(statusFailure(response, sink.prefixText()));
                    });
        });
    }

    /** {@code GET path} answered with a small JSON document (test connection). */
    public Uni<JsonNode> getJson(String path, long maxBytes) {
        return Uni.createFrom().deferred(() -> {
            if (brokenReason != null) {
                return Uni.createFrom().failure(MemberCallException.permanent(brokenReason));
            }
            BoundedBodySink sink = new BoundedBodySink(maxBytes);
            return request(HttpMethod.GET, path)
                    .as(BodyCodec.newInstance(io.vertx.ext.web.codec.BodyCodec.pipe(sink, false)))
                    .send()
                    .onItemOrFailure()
                    .transformToUni((response, failure) -> {
                        if (failure != null) {
                            if (sink.overflow()) {
                                return Uni.createFrom()
                                        .failure(MemberCallException.permanent("answer larger than " + maxBytes
                                                + " bytes"));
                            }
                            return Uni.createFrom().failure(classify(failure));
                        }
                        int status = response.statusCode();
                        if (status < 200 || status >= 300) {
                            return Uni.createFrom().failure(statusFailure(response, sink.text()));
                        }
                        try {
                            return Uni.createFrom().item(mapper.readTree(sink.bytes()));
                        } catch (IOException e) {
                            return Uni.createFrom().failure(MemberCallException.permanent("answer is not JSON"));
                        }
                    });
        });
    }

    public void close() {
        if (web != null) {
            web.close();
        }
    }

    private HttpRequest<io.vertx.mutiny.core.buffer.Buffer> request(HttpMethod method, String path) {
        return web.requestAbs(method, base + path)
                .putHeader("Authorization", endpoint.apiKey().reveal())
                .putHeader("Accept", "application/json")
                .idleTimeout(timeoutMillis)
                .followRedirects(false);
    }

    private MemberCallException statusFailure(HttpResponse<?> response, String body) {
        int status = response.statusCode();
        if (status >= 300 && status < 400) {
            return MemberCallException.permanent("redirect to " + redirectHost(response.getHeader("Location"))
                    + " refused");
        }
        if (status == 401 || status == 403) {
            return MemberCallException.unauthorized();
        }
        String text = errorText(body, response.statusMessage());
        if (status == 429 || status == 502 || status == 503 || status == 504) {
            long retryAfter = retryAfterMillis(response.getHeader("Retry-After"));
            return MemberCallException.transientHttp(status, text, retryAfter, retryAfter <= maxRetryAfterMillis);
        }
        return MemberCallException.http(status, text);
    }

    /** MISP error bodies are {@code {"name", "message", "url"}}; the member controls them, so they are cleaned. */
    private String errorText(String body, String reason) {
        String text = null;
        try {
            JsonNode node = body == null || body.isBlank() ? null : mapper.readTree(body);
            if (node != null && node.isObject()) {
                JsonNode m = node.hasNonNull("message") ? node.get("message") : node.get("name");
                text = m != null && m.isValueNode() ? m.asText() : null;
            }
        } catch (IOException | RuntimeException e) {
            text = null;
        }
        if (text == null) {
            text = reason;
        }
        return redact(ErrorText.clean(text));
    }

    /** A member could echo the key back in its text; it never goes further. */
    private String redact(String text) {
        String key = endpoint.apiKey().reveal();
        return key.isEmpty() ? text : text.replace(key, "****");
    }

    private static String redirectHost(String location) {
        if (location == null || location.isBlank()) {
            return "an unknown location";
        }
        try {
            URI uri = URI.create(location.trim());
            if (uri.getHost() == null) {
                return "a path on the same host";
            }
            return ErrorText.clean(uri.getPort() > 0 ? uri.getHost() + ":" + uri.getPort() : uri.getHost(), 80);
        } catch (IllegalArgumentException e) {
            return "an invalid location";
        }
    }

    static long retryAfterMillis(String header) {
        if (header == null || header.isBlank()) {
            return -1;
        }
        String h = header.trim();
        try {
            return Math.max(0, Long.parseLong(h)) * 1000L;
        } catch (NumberFormatException e) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(h, DateTimeFormatter.RFC_1123_DATE_TIME);
                return Math.max(0, Duration.between(ZonedDateTime.now(at.getZone()), at).toMillis());
            } catch (DateTimeParseException e2) {
                return -1;
            }
        }
    }

    private static int intHeader(HttpResponse<?> response, String name) {
        String v = response.getHeader(name);
        if (v == null) {
            return 0;
        }
        try {
            return Math.max(0, Integer.parseInt(v.trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Maps transport failures; their own messages (which may name hosts and ports) are not passed on. */
    MemberCallException classify(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CompositeException composite) {
                for (Throwable cause : composite.getCauses()) {
                    MemberCallException m = classify(cause);
                    if (!m.getMessage().startsWith("transport error")) {
                        return m;
                    }
                }
            }
            if (t instanceof MemberCallException m) {
                return m;
            }
            if (t instanceof java.util.concurrent.TimeoutException) {
                return MemberCallException.timeout("no answer within " + timeoutMillis + " ms");
            }
            if (t instanceof SSLException) {
                return MemberCallException.permanent("TLS handshake failed (certificate not trusted or refused)");
            }
            if (t instanceof ConnectException) {
                return MemberCallException.transport("connection refused");
            }
            if (t instanceof UnknownHostException) {
                return MemberCallException.transport("unknown host");
            }
            if (t instanceof HttpClosedException) {
                return MemberCallException.transport("connection closed by the member");
            }
            if (t instanceof IOException) {
                return MemberCallException.transport("connection reset by the member");
            }
        }
        return MemberCallException.permanent("transport error (" + failure.getClass().getSimpleName() + ")");
    }
}
