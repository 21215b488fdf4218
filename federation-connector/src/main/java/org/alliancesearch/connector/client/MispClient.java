package org.alliancesearch.connector.client;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.alliancesearch.connector.MemberEndpoint;
import org.alliancesearch.connector.MemberMessage;
import org.alliancesearch.connector.client.PageResult.Cut;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
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
    private static final int ERROR_BODY_BYTES = 4096;

    private final WebClient web;
    private final io.vertx.core.http.HttpClient http;
    private final io.vertx.core.Vertx vertx;
    private final ObjectMapper mapper;
    private final String base;
    private final long timeoutMillis;
    private final long maxResponseBytes;
    private final long maxRetryAfterMillis;
    /** What restSearch asks for ({@code Accept-Encoding}); a gzip answer is inflated here whatever was asked. */
    private final String acceptEncoding;
    private final String brokenReason;
    private final AnswerVolume volume = new AnswerVolume();
    private final TransportFailures failures;

    MispClient(MemberEndpoint endpoint, io.vertx.core.Vertx vertx, io.vertx.core.http.HttpClient http, WebClient web,
            ObjectMapper mapper, Duration timeout, long maxResponseBytes, Duration maxRetryAfter,
            boolean compressedAnswers,
            String brokenReason) {
        this.endpoint = endpoint;
        this.vertx = vertx;
        this.http = http;
        this.web = web;
        this.mapper = mapper;
        String b = endpoint.baseUri().toString();
        this.base = b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
        this.timeoutMillis = timeout.toMillis();
        this.maxResponseBytes = maxResponseBytes;
        this.maxRetryAfterMillis = maxRetryAfter.toMillis();
        this.acceptEncoding = compressedAnswers ? "gzip" : "identity";
        this.brokenReason = brokenReason;
        this.failures = new TransportFailures(timeoutMillis);
    }

    public MemberEndpoint endpoint() {
        return endpoint;
    }

    /** What this member's search answers have amounted to (for its meters). */
    public AnswerVolume answerVolume() {
        return volume;
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
        return searchPage(body, maxRecords, ReadBudget.unlimited(), StringCaps.none());
    }

    /**
     * {@code POST /attributes/restSearch} with this body, read as a stream, every decompressed byte charged to the
     * budget. The call's timeout is absolute (a member sending one byte at a time cannot extend it); when it passes,
     * when the budget is used up or the search stops the member, the exchange is reset: the connection is closed, not
     * kept in the pool.
     *
     * @param maxRecords readable attributes kept at most from this page
     */
    public Uni<PageResult> searchPage(ObjectNode body, int maxRecords, ReadBudget budget, StringCaps caps) {
        return restSearch("/attributes/restSearch", body, budget,
                () -> new AttributeStreamSink(mapper, maxResponseBytes, maxRecords, budget, caps));
    }

    /**
     * {@code POST /events/restSearch} with this body, read as a stream under the same rules as
     * {@link #searchPage(ObjectNode, int, ReadBudget, StringCaps)} (absolute timeout, byte cap and budgets, gzip
     * limit, no redirect, JSON only), each event read attribute by attribute ({@link EventStreamSink}).
     *
     * @param maxEvents events kept at most from this page
     * @param maxAttributes attributes kept at most from this page, all events together
     * @param maxAttributesPerEvent attributes kept at most of one event
     */
    public Uni<EventPageResult> searchEventsPage(ObjectNode body, int maxEvents, int maxAttributes,
            int maxAttributesPerEvent, ReadBudget budget, StringCaps caps) {
        return restSearch("/events/restSearch", body, budget, () -> new EventStreamSink(mapper, maxResponseBytes,
                maxEvents, maxAttributes, maxAttributesPerEvent, budget, caps));
    }

    private <R> Uni<R> restSearch(String path, ObjectNode body, ReadBudget budget,
            java.util.function.Supplier<JsonStreamSink<R>> sinks) {
        return Uni.createFrom().deferred(() -> {
            if (brokenReason != null) {
                return Uni.createFrom().failure(MemberCallException.permanent(brokenReason));
            }
            if (budget.stopReason() != null) {
                return Uni.createFrom().failure(MemberCallException.budget(budget.stopReason()));
            }
            if (!budget.takePage()) {
                return Uni.createFrom().failure(MemberCallException.budget(budget.pagesMessage()));
            }
            byte[] bytes;
            try {
                bytes = mapper.writeValueAsBytes(body);
            } catch (JsonProcessingException e) {
                return Uni.createFrom()
                        .failure(MemberCallException.permanent(MemberMessage.CANNOT_WRITE_BODY.format()));
            }
            JsonStreamSink<R> sink = sinks.get();
            return Uni.createFrom().<R>emitter(emitter -> new Exchange<>(path, sink, budget, emitter).start(bytes));
        });
    }

    /** One restSearch exchange on the core HTTP client, so that it can be reset at any moment. */
    private final class Exchange<R> {
        private final String path;
        private final JsonStreamSink<R> sink;
        private final ReadBudget budget;
        private final UniEmitter<? super R> emitter;
        private final AtomicBoolean done = new AtomicBoolean();
        private volatile HttpClientRequest request;
        private volatile Throwable abort;
        private volatile boolean ended;
        private final AtomicBoolean counted = new AtomicBoolean();
        private volatile long timer = -1;
        /** Bytes of an error answer's body received (written by the response's handler only). */
        private volatile long errorBodyBytes;
        private volatile Runnable deregister = () -> {
        };

        Exchange(String path, JsonStreamSink<R> sink, ReadBudget budget, UniEmitter<? super R> emitter) {
            this.path = path;
            this.sink = sink;
            this.budget = budget;
            this.emitter = emitter;
        }

        void start(byte[] body) {
            RequestOptions options = new RequestOptions().setMethod(io.vertx.core.http.HttpMethod.POST)
                    .setAbsoluteURI(base + path)
                    .setFollowRedirects(false)
                    .setIdleTimeout(timeoutMillis)
                    .putHeader("Authorization", endpoint.apiKey().reveal())
                    .putHeader("Accept", "application/json")
                    .putHeader("Accept-Encoding", acceptEncoding)
                    .putHeader("User-Agent", ConnectorVersion.userAgent())
                    .putHeader("Content-Type", "application/json");
            emitter.onTermination(this::release);
            timer = vertx.setTimer(Math.max(1, timeoutMillis),
                    t -> abort(MemberCallException.timeout(MemberMessage.NO_ANSWER_WITHIN.format(timeoutMillis))));
            deregister = budget.open(() -> abort(null));
            http.request(options).onComplete(ar -> {
                if (ar.failed()) {
                    fail(ar.cause());
                    return;
                }
                HttpClientRequest r = ar.result();
                request = r;
                if (abort != null || done.get()) {
                    r.reset(0, abort);
                    return;
                }
                r.response(res -> {
                    if (res.failed()) {
                        fail(res.cause());
                        return;
                    }
                    // Paused until its handlers are set (as the Web Client does), so no chunk is missed.
                    HttpClientResponse response = res.result();
                    response.pause();
                    read(response);
                    response.resume();
                });
                r.end(io.vertx.core.buffer.Buffer.buffer(body)).onFailure(this::fail);
            });
        }

        private void read(HttpClientResponse response) {
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                String encoding = response.getHeader("Content-Encoding");
                if (encoding != null && encoding.trim().equalsIgnoreCase("gzip")) {
                    sink.gzip();
                } else if (encoding != null && !encoding.isBlank() && !encoding.trim().equalsIgnoreCase("identity")) {
                    fail(MemberCallException.permanent(MemberMessage.UNSUPPORTED_ENCODING.format()));
                    return;
                }
                response.exceptionHandler(this::fail);
                response.handler(data -> {
                    if (sink.write(data).failed()) {
                        // A cap or a budget ended the read: what was read is the page; the exchange is reset.
                        complete(sink.result(0));
                    }
                });
                response.endHandler(v -> {
                    ended = true;
                    sink.finish();
                    complete(sink.result(intHeader(response.getHeader("X-Skipped-Elements-Count"))));
                });
                return;
            }
            BoundedBodySink error = new BoundedBodySink(ERROR_BODY_BYTES);
            response.exceptionHandler(this::fail);
            response.handler(data -> {
                errorBodyBytes += data.length();
                if (error.write(data).failed()) {
                    fail(statusFailure(status, response.statusMessage(), response::getHeader, error.text()));
                }
            });
            response.endHandler(v -> {
                ended = true;
                fail(statusFailure(status, response.statusMessage(), response::getHeader,
                        error.text()));
            });
        }

        /** Called by the timer or the budget (any thread): ends the call now and resets the exchange. */
        private void abort(MemberCallException why) {
            if (done.get()) {
                return;
            }
            abort = why != null ? why : new JsonStreamSink.ReadCut();
            if (why == null) {
                // The budget is used up or the search stopped the member: what this page read so far is kept.
                sink.stop(budget.stopReason() != null ? budget.stopReason() : MemberMessage.READ_STOPPED.format());
                complete(sink.result(0));
            } else {
                fail(why);
            }
        }

        private void complete(R page) {
            if (done.compareAndSet(false, true)) {
                count();
                emitter.complete(page);
            }
        }

        private void fail(Throwable t) {
            if (sink.cut() != Cut.NONE) {
                complete(sink.result(0));
                return;
            }
            if (done.compareAndSet(false, true)) {
                count();
                emitter.fail(t instanceof MemberCallException m ? m : classify(t));
            }
        }

        /**
         * Adds what this exchange read to the member's meters, once: before the page or the failure is handed on (so
         * a search that has its answers finds them counted), or when the exchange is cancelled.
         */
        private void count() {
            if (counted.compareAndSet(false, true)) {
                volume.add(sink.receivedBytes() + errorBodyBytes, sink.bytesRead(), sink.passedBytes(),
                        sink.recordsRead());
            }
        }

        /** Every ending: the timer, the budget's hold and, unless the answer was read to its end, the connection. */
        private void release() {
            done.set(true);
            count();
            if (timer >= 0) {
                vertx.cancelTimer(timer);
            }
            deregister.run();
            HttpClientRequest r = request;
            if (r != null && !ended) {
                // No effect on an exchange that ended normally; otherwise the connection is closed.
                r.reset(0, abort != null ? abort : new JsonStreamSink.ReadCut());
            }
        }
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
                                        .failure(MemberCallException
                                                .permanent(MemberMessage.ANSWER_TOO_LARGE.format(maxBytes)));
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
                            return Uni.createFrom()
                                    .failure(MemberCallException.permanent(MemberMessage.NOT_JSON.format()));
                        }
                    });
        });
    }

    /**
     * {@code POST path} with a small JSON body, answered with a small JSON document: the status and the parsed body
     * (null when it is not JSON), whatever the status; the body is read up to {@code maxBytes}. Transport problems,
     * a broken member and an oversized answer fail as {@link MemberCallException}.
     */
    public Uni<JsonAnswer> postJson(String path, JsonNode body, long maxBytes) {
        return Uni.createFrom().deferred(() -> {
            if (brokenReason != null) {
                return Uni.createFrom().failure(MemberCallException.permanent(brokenReason));
            }
            BoundedBodySink sink = new BoundedBodySink(maxBytes);
            return request(HttpMethod.POST, path)
                    .putHeader("Content-Type", "application/json")
                    .as(BodyCodec.newInstance(io.vertx.ext.web.codec.BodyCodec.pipe(sink, false)))
                    .sendBuffer(io.vertx.mutiny.core.buffer.Buffer.buffer(body.toString()))
                    .onItemOrFailure()
                    .transformToUni((response, failure) -> {
                        if (failure != null) {
                            if (sink.overflow()) {
                                return Uni.createFrom()
                                        .failure(MemberCallException
                                                .permanent(MemberMessage.ANSWER_TOO_LARGE.format(maxBytes)));
                            }
                            return Uni.createFrom().failure(classify(failure));
                        }
                        JsonNode parsed;
                        try {
                            parsed = mapper.readTree(sink.bytes());
                        } catch (IOException | RuntimeException e) {
                            parsed = null;
                        }
                        int status = response.statusCode();
                        String text = status >= 200 && status < 300
                                ? null
                                : errorText(sink.text(),
                                        response.statusMessage());
                        return Uni.createFrom().item(new JsonAnswer(status, parsed, text));
                    });
        });
    }

    /**
     * A small JSON answer.
     *
     * @param status the HTTP status
     * @param body the parsed body, or null when it was not JSON
     * @param errorText for a non-2xx status, MISP's error message cleaned and without the key; else null
     */
    public record JsonAnswer(int status, JsonNode body, String errorText) {
    }

    public void close() {
        if (web != null) {
            web.close();
        }
        if (http != null) {
            http.close();
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
        return statusFailure(response.statusCode(), response.statusMessage(), response::getHeader, body);
    }

    private MemberCallException statusFailure(int status, String statusMessage,
            java.util.function.Function<String, String> header, String body) {
        if (status >= 300 && status < 400) {
            return MemberCallException.permanent(
                    MemberMessage.REDIRECT_REFUSED.format(redirectHost(header.apply("Location"))));
        }
        if (status == 401 || status == 403) {
            return MemberCallException.unauthorized();
        }
        String text = errorText(body, statusMessage);
        if (status == 429 || status == 502 || status == 503 || status == 504) {
            long retryAfter = retryAfterMillis(header.apply("Retry-After"));
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

    private static int intHeader(String v) {
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
    private MemberCallException classify(Throwable failure) {
        return failures.classify(failure);
    }
}
