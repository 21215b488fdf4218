package org.alliancesearch.portal.extract.service;

import java.net.IDN;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.alliancesearch.portal.extract.config.ExtractConfig;

import io.netty.channel.ConnectTimeoutException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;

/**
 * Fetches a report for the analyst without letting the portal be pointed at what it can reach and the analyst cannot
 * (server-side request forgery):
 * <ul>
 * <li>http and https only, no user:password@ in the URL;</li>
 * <li>the host is resolved once, on a worker thread, and <em>every</em> address it resolves to must pass the
 * {@link AddressRule} (public addresses only); the connection then goes to that checked address, with the name as
 * Host header, TLS server name (SNI) and certificate name, so a second, different DNS answer (rebinding) is never
 * asked for;</li>
 * <li>redirects are followed here, not by the client, at most {@link Limits#maxRedirects()}, each target checked by
 * the same rules; a loop is refused;</li>
 * <li>one deadline for the whole fetch; the body is read up to {@link Limits#maxBytes()} and the connection reset
 * beyond it; HTML, plain text and PDF only.</li>
 * </ul>
 * Member servers are never contacted: this client has no member's address, key or certificate.
 */
@ApplicationScoped
public class ReportFetcher {
    /** The largest and slowest fetch any configuration allows. */
    public static final Limits MAX = new Limits(Duration.ofSeconds(10), 5L * 1024 * 1024, 3);

    private static final Set<String> HTML = Set.of("text/html", "application/xhtml+xml");
    private static final Set<String> TEXT = Set.of("text/plain");
    private static final Set<String> PDF = Set.of("application/pdf");

    /** Limits of one fetch. */
    public record Limits(Duration timeout, long maxBytes, int maxRedirects) {
        /** The configured limits, lowered to {@link #MAX} where they exceed it. */
        static Limits of(ExtractConfig.Fetch fetch) {
            Duration timeout = fetch.timeout().compareTo(MAX.timeout()) > 0 || fetch.timeout().isNegative()
                    ? MAX.timeout()
                    : fetch.timeout();
            return new Limits(timeout, Math.max(1, Math.min(fetch.maxBytes(), MAX.maxBytes())),
                    Math.max(0, Math.min(fetch.maxRedirects(), MAX.maxRedirects())));
        }
    }

    /** Name resolution; the system's resolver in production. */
    public interface Resolver {
        List<InetAddress> resolve(String host) throws UnknownHostException;
    }

    private final Vertx vertx;
    private final AddressRule rule;
    private final Resolver resolver;
    private final Limits limits;
    private final HttpClient client;

    @Inject
    public ReportFetcher(Vertx vertx, AddressRule rule, ExtractConfig config) {
        this(vertx, rule, host -> List.of(InetAddress.getAllByName(host)), Limits.of(config.fetch()));
    }

    public ReportFetcher(Vertx vertx, AddressRule rule, Resolver resolver, Limits limits) {
        this.vertx = vertx;
        this.rule = rule;
        this.resolver = resolver;
        this.limits = limits;
        // No keep-alive: each hop is its own connection to its own checked address. Redirects are ours to follow.
        // Compression is not asked for, so the body limit is the size of what is read.
        this.client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(false).setVerifyHost(true)
                .setForceSni(true).setTryUseCompression(false).setDecompressionSupported(false)
                .setMaxRedirects(0));
    }

    @PreDestroy
    void close() {
        client.close();
    }

    public Limits limits() {
        return limits;
    }

    /** The host of a URL as the fetch would read it, for logs; empty if the URL is invalid. */
    public static String hostOf(String url) {
        try {
            return target(url).host();
        } catch (FetchRefusedException e) {
            return "";
        }
    }

    /**
     * Fetches the report.
     *
     * @return the report, or fails with {@link FetchRefusedException}
     */
    public Uni<FetchedReport> fetch(String url) {
        Target first;
        try {
            first = target(url);
        } catch (FetchRefusedException e) {
            return Uni.createFrom().failure(e);
        }
        long deadline = System.nanoTime() + limits.timeout().toNanos();
        return hop(first, first, 0, new HashSet<>(), deadline)
                .ifNoItem().after(limits.timeout())
                .failWith(() -> new FetchRefusedException(FetchRefusal.TIMEOUT, first.host(), null,
                        limits.timeout().toSeconds()));
    }

    /** A checked URL: scheme, ASCII host, port and request path. */
    record Target(URI uri, boolean https, String host, int port, String path) {
        String url() {
            return uri.toASCIIString();
        }
    }

    static Target target(String raw) {
        if (raw == null || raw.isBlank() || raw.length() > 4096) {
            throw new FetchRefusedException(FetchRefusal.INVALID, null);
        }
        URI uri;
        try {
            uri = new URI(raw.strip());
        } catch (URISyntaxException e) {
            throw new FetchRefusedException(FetchRefusal.INVALID, null);
        }
        return target(uri);
    }

    static Target target(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new FetchRefusedException(FetchRefusal.SCHEME, null, scheme, 0);
        }
        if (uri.getRawUserInfo() != null || (uri.getRawAuthority() != null && uri.getRawAuthority().contains("@"))) {
            throw new FetchRefusedException(FetchRefusal.USERINFO, null);
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            throw new FetchRefusedException(FetchRefusal.INVALID, null);
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        try {
            host = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new FetchRefusedException(FetchRefusal.INVALID, null);
        }
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        if (host.isEmpty()) {
            throw new FetchRefusedException(FetchRefusal.INVALID, null);
        }
        boolean https = scheme.equals("https");
        int port = uri.getPort() == -1 ? (https ? 443 : 80) : uri.getPort();
        if (port < 1 || port > 65535) {
            throw new FetchRefusedException(FetchRefusal.INVALID, host);
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (uri.getRawQuery() != null) {
            path = path + "?" + uri.getRawQuery();
        }
        return new Target(uri, https, host, port, path);
    }

    private Uni<FetchedReport> hop(Target first, Target target, int redirects, Set<String> seen, long deadline) {
        seen.add(target.url());
        return resolve(target)
                .flatMap(address -> send(target, address, deadline))
                .flatMap(answer -> {
                    if (answer.location() != null) {
                        return redirect(first, target, answer, redirects, seen, deadline);
                    }
                    return Uni.createFrom().item(new FetchedReport(first.url(), target.url(), target.host(),
                            redirects, answer.type(), answer.charset(), answer.body()));
                });
    }

    private Uni<FetchedReport> redirect(Target first, Target from, Answer answer, int redirects, Set<String> seen,
            long deadline) {
        if (redirects >= limits.maxRedirects()) {
            return Uni.createFrom().failure(new FetchRefusedException(FetchRefusal.REDIRECTS, first.host(), null,
                    limits.maxRedirects()));
        }
        Target next;
        try {
            next = target(from.uri().resolve(new URI(answer.location().strip())));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Uni.createFrom().failure(new FetchRefusedException(FetchRefusal.INVALID, from.host()));
        } catch (FetchRefusedException e) {
            return Uni.createFrom().failure(e);
        }
        if (seen.contains(next.url())) {
            return Uni.createFrom().failure(new FetchRefusedException(FetchRefusal.REDIRECTS, first.host(), "loop",
                    limits.maxRedirects()));
        }
        return hop(first, next, redirects + 1, seen, deadline);
    }

    /** Resolves once (a blocking call: on a worker thread) and checks every address; answers the first. */
    private Uni<InetAddress> resolve(Target target) {
        return Uni.createFrom().completionStage(() -> vertx.<List<InetAddress>>executeBlocking(
                () -> resolver.resolve(target.host()), false).toCompletionStage())
                .onFailure().transform(e -> e instanceof FetchRefusedException
                        ? e
                        : new FetchRefusedException(FetchRefusal.UNRESOLVED, target.host()))
                .map(addresses -> {
                    if (addresses == null || addresses.isEmpty()) {
                        throw new FetchRefusedException(FetchRefusal.UNRESOLVED, target.host());
                    }
                    for (InetAddress address : addresses) {
                        Optional<String> refusal = rule.refusal(address);
                        if (refusal.isPresent()) {
                            throw new FetchRefusedException(FetchRefusal.PRIVATE_ADDRESS, target.host(),
                                    refusal.get(), 0);
                        }
                    }
                    return addresses.get(0);
                });
    }

    /** What one request answered: a redirect's location, or the body of a supported type. */
    private record Answer(String location, String type, String charset, byte[] body) {
    }

    private Uni<Answer> send(Target target, InetAddress address, long deadline) {
        long left = Math.max(1, Duration.ofNanos(deadline - System.nanoTime()).toMillis());
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET)
                // the checked address: the client does not resolve the name again
                .setServer(SocketAddress.inetSocketAddress(new InetSocketAddress(address, target.port())))
                .setHost(target.host()).setPort(target.port()).setSsl(target.https()).setURI(target.path())
                .setFollowRedirects(false).setConnectTimeout(left).setIdleTimeout(left)
                .putHeader("Accept", "text/html, application/xhtml+xml, text/plain, application/pdf")
                .putHeader("User-Agent", "AllianceSearchPortal (report indicator extraction)");
        return Uni.createFrom().emitter(emitter -> {
            HttpClientRequest[] sent = new HttpClientRequest[1];
            boolean[] ended = new boolean[1];
            emitter.onTermination(() -> {
                if (sent[0] != null && !ended[0]) {
                    sent[0].reset(); // stops reading: a body not wanted, too large, or past the deadline
                }
            });
            client.request(options).onComplete(made -> {
                if (made.failed()) {
                    emitter.fail(failure(made.cause(), target));
                    return;
                }
                HttpClientRequest request = made.result();
                sent[0] = request;
                request.send().onComplete(got -> {
                    if (got.failed()) {
                        emitter.fail(failure(got.cause(), target));
                        return;
                    }
                    read(got.result(), target, emitter, ended);
                });
            });
        });
    }

    private void read(HttpClientResponse response, Target target,
            io.smallrye.mutiny.subscription.UniEmitter<? super Answer> emitter, boolean[] ended) {
        // first, so that a reset (ours) fails the emitter, which ignores it once done, rather than being logged
        response.exceptionHandler(e -> emitter.fail(failure(e, target)));
        int status = response.statusCode();
        if (status >= 300 && status < 400 && status != 304) {
            String location = response.getHeader("Location");
            if (location == null || location.isBlank()) {
                emitter.fail(new FetchRefusedException(FetchRefusal.HTTP_ERROR, target.host(), null, status));
            } else {
                emitter.complete(new Answer(location, null, null, null));
            }
            return;
        }
        if (status < 200 || status >= 300) {
            emitter.fail(new FetchRefusedException(FetchRefusal.HTTP_ERROR, target.host(), null, status));
            return;
        }
        String contentType = response.getHeader("Content-Type");
        String type = mediaType(contentType);
        if (!HTML.contains(type) && !TEXT.contains(type) && !PDF.contains(type)) {
            emitter.fail(new FetchRefusedException(FetchRefusal.UNSUPPORTED_TYPE, target.host(),
                    type.isEmpty() ? "-" : type, 0));
            return;
        }
        String length = response.getHeader("Content-Length");
        if (length != null) {
            try {
                if (Long.parseLong(length.strip()) > limits.maxBytes()) {
                    emitter.fail(tooLarge(target));
                    return;
                }
            } catch (NumberFormatException e) {
                // read it and count
            }
        }
        Buffer body = Buffer.buffer();
        boolean[] over = new boolean[1];
        response.handler(chunk -> {
            if (over[0]) {
                return;
            }
            if (body.length() + (long) chunk.length() > limits.maxBytes()) {
                over[0] = true;
                emitter.fail(tooLarge(target)); // resets the connection: nothing more is read
                return;
            }
            body.appendBuffer(chunk);
        });
        response.endHandler(v -> {
            ended[0] = true;
            if (!over[0]) {
                emitter.complete(new Answer(null, type, charset(contentType), body.getBytes()));
            }
        });
    }

    private FetchRefusedException tooLarge(Target target) {
        return new FetchRefusedException(FetchRefusal.TOO_LARGE, target.host(), null, limits.maxBytes());
    }

    private FetchRefusedException failure(Throwable e, Target target) {
        if (e instanceof FetchRefusedException refused) {
            return refused;
        }
        if (e instanceof TimeoutException || e instanceof ConnectTimeoutException
                || e.getClass().getSimpleName().contains("Timeout")) {
            return new FetchRefusedException(FetchRefusal.TIMEOUT, target.host(), null,
                    limits.timeout().toSeconds());
        }
        return new FetchRefusedException(FetchRefusal.UNREACHABLE, target.host());
    }

    static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
    }

    static String charset(String contentType) {
        if (contentType == null) {
            return null;
        }
        for (String part : contentType.split(";")) {
            String p = part.strip();
            if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                return p.substring(8).replace("\"", "").strip();
            }
        }
        return null;
    }

    static boolean isPdf(String type) {
        return PDF.contains(type);
    }

    static boolean isHtml(String type) {
        return HTML.contains(type);
    }
}
