package org.alliancesearch.portal.common.web;

import java.net.URI;
import java.net.URISyntaxException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.alliancesearch.portal.common.i18n.AppMessages;
import org.alliancesearch.portal.common.i18n.Languages;
import org.alliancesearch.portal.common.problem.Problem;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.Json;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * HTTP filters that run before authentication: security headers on every page, a problem document (not a redirect
 * to the login page) for API calls that carry no bearer token, MISP's own 403 for calls on the MISP-compatible paths
 * that carry no API key, and page changes only as same-origin forms; and failure handlers that answer a bearer token
 * that fails authentication with a problem document too, and a refused API key with MISP's 403.
 */
@ApplicationScoped
public class HttpFilters {
    /** No inline script or style anywhere, so that member data can never become executable. */
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'";

    private final Languages languages;

    public HttpFilters(Languages languages) {
        this.languages = languages;
    }

    void register(@Observes Filters filters) {
        // Higher priority runs first: after CORS (300), before authentication (200), so that the login redirect
        // and the 401 carry the headers too.
        filters.register(this::securityHeaders, FilterOrder.SECURITY_HEADERS);
        filters.register(this::bearerRequiredOnApi, FilterOrder.BEARER_REQUIRED);
        filters.register(this::pageChangesFromOwnPagesOnly, FilterOrder.PAGE_CHANGES);
    }

    void routes(@Observes Router router) {
        router.route("/api/*").failureHandler(this::invalidTokenOnApi);
        router.route().failureHandler(this::refusedKeyOnMisp);
    }

    /** A personal API key refused on a MISP-compatible path: 403 with MISP's error body, as MISP answers. */
    private void refusedKeyOnMisp(RoutingContext rc) {
        if (!MispErrors.isMispPath(rc.normalizedPath()) || rc.response().headWritten()
                || !(rc.failure() instanceof AuthenticationFailedException
                        || rc.failure() instanceof UnauthorizedException
                        || rc.failure() instanceof ForbiddenException
                        || rc.statusCode() == 401 || rc.statusCode() == 403)) {
            rc.next();
            return;
        }
        MispErrors.forbidden(rc, Boolean.TRUE.equals(rc.get(MispErrors.OWNER_UNCONFIRMED_FLAG))
                ? MispErrors.OWNER_UNCONFIRMED
                : MispErrors.AUTH_FAILED);
    }

    /** A bearer token that fails authentication (expired, forged, malformed) gets a problem, not an empty 401. */
    private void invalidTokenOnApi(RoutingContext rc) {
        if (!(rc.failure() instanceof AuthenticationFailedException) || rc.response().headWritten()) {
            rc.next();
            return;
        }
        unauthorized(rc, messages(rc).detail_token_invalid(), "Bearer error=\"invalid_token\"");
    }

    private AppMessages messages(RoutingContext rc) {
        return languages.messages(languages.fromAcceptLanguage(rc.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE)));
    }

    /** A 401 problem document with its challenge. */
    private void unauthorized(RoutingContext rc, String detail, String challenge) {
        Problem problem = new Problem(ProblemTypes.uri("unauthorized"), messages(rc).problem_unauthorized(), 401,
                detail, rc.normalizedPath(), null);
        rc.response().setStatusCode(401)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader("WWW-Authenticate", challenge)
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .end(Json.encode(problem));
    }

    private void securityHeaders(RoutingContext rc) {
        String path = rc.normalizedPath();
        // Swagger UI ships inline scripts; it is only switched on in development and demo setups.
        if (!path.startsWith("/q/swagger-ui")) {
            var headers = rc.response().headers();
            headers.set("Content-Security-Policy", CSP);
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("Referrer-Policy", "same-origin");
            headers.set("X-Frame-Options", "DENY");
        }
        rc.next();
    }

    private void bearerRequiredOnApi(RoutingContext rc) {
        String path = rc.normalizedPath();
        if (MispErrors.isMispPath(path) && !hasMispKey(rc.request())) {
            // key authentication only: a session cookie or nothing at all is refused as MISP refuses it
            MispErrors.forbidden(rc, MispErrors.AUTH_FAILED);
            return;
        }
        if ((path.equals("/api") || path.startsWith("/api/")) && !hasBearer(rc.request())) {
            unauthorized(rc, messages(rc).detail_unauthorized(), "Bearer");
            return;
        }
        if (path.startsWith("/api/") || MispErrors.isMispPath(path)) {
            // Form content types are for pages (CSRF-checked); a body-less API POST may carry one from a generic
            // client (curl -d '', REST Assured), so drop it rather than fail the CSRF check.
            String type = rc.request().getHeader(HttpHeaders.CONTENT_TYPE);
            String length = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (type != null && (type.startsWith("application/x-www-form-urlencoded")
                    || type.startsWith("multipart/form-data")) && (length == null || "0".equals(length.trim()))) {
                rc.request().headers().remove(HttpHeaders.CONTENT_TYPE);
            }
        }
        rc.next();
    }

    /**
     * A request that changes state through a page (any method but GET/HEAD/OPTIONS outside {@code /api/} and
     * {@code /q/}) must come from the portal's own pages and be a form: a browser announcing it as cross-site
     * ({@code Sec-Fetch-Site}) or from another origin ({@code Origin}) gets 403, anything but a form with a body 415 or
     * 400. The CSRF filter then checks the token of the form. Non-form bodies would otherwise skip the token check
     * ({@code quarkus.rest-csrf.require-form-url-encoded=false}, needed so that the API keeps taking JSON), and a
     * cross-site page can send text/plain or empty posts without a CORS preflight. The API authenticates with bearer
     * tokens only, which a browser never attaches by itself, so it is not concerned.
     */
    private void pageChangesFromOwnPagesOnly(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        String path = rc.normalizedPath();
        // The MISP-compatible paths take personal API keys only, which a browser never attaches by itself.
        if (isSafe(request.method()) || path.equals("/api") || path.startsWith("/api/") || path.startsWith("/q/")
                || MispErrors.isMispPath(path)) {
            rc.next();
            return;
        }
        if (!sameOrigin(request)) {
            refusePage(rc, 403, messages(rc).detail_cross_site());
            return;
        }
        String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
        String mediaType = type == null ? "" : type.split(";", 2)[0].trim().toLowerCase(java.util.Locale.ROOT);
        if (!mediaType.equals("application/x-www-form-urlencoded") && !mediaType.equals("multipart/form-data")) {
            refusePage(rc, 415, messages(rc).detail_form_required());
            return;
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        boolean chunked = request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
        if (!chunked && (length == null || "0".equals(length.trim()))) {
            refusePage(rc, 400, messages(rc).detail_form_required());
            return;
        }
        rc.next();
    }

    private static boolean isSafe(HttpMethod method) {
        return HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method) || HttpMethod.OPTIONS.equals(method);
    }

    /**
     * Whether the browser says the request comes from the portal's own origin. Requests without {@code Sec-Fetch-Site}
     * and {@code Origin} (non-browser clients, old browsers) pass: the CSRF token still protects them.
     */
    static boolean sameOrigin(HttpServerRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null && !site.equalsIgnoreCase("same-origin") && !site.equalsIgnoreCase("none")) {
            return false;
        }
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin == null) {
            return true;
        }
        HostAndPort authority = request.authority();
        return authority != null && sameOrigin(origin, request.scheme(), authority.host(), authority.port());
    }

    /** Whether {@code origin} (scheme://host[:port]) is scheme://host:port, default ports made explicit. */
    static boolean sameOrigin(String origin, String scheme, String host, int port) {
        URI uri;
        try {
            uri = new URI(origin.trim());
        } catch (URISyntaxException e) {
            return false;
        }
        if (uri.getScheme() == null || uri.getHost() == null || scheme == null || host == null) {
            return false;
        }
        String ownHost = host.startsWith("[") && host.endsWith("]")
                ? host
                : host.contains(":")
                        ? "[" + host + "]"
                        : host;
        return uri.getScheme().equalsIgnoreCase(scheme) && uri.getHost().equalsIgnoreCase(ownHost)
                && effectivePort(uri.getPort(), uri.getScheme()) == effectivePort(port, scheme);
    }

    private static int effectivePort(int port, String scheme) {
        return port > 0 ? port : "https".equalsIgnoreCase(scheme) ? 443 : 80;
    }

    private static void refusePage(RoutingContext rc, int status, String text) {
        rc.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=UTF-8")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .end(text);
    }

    private static boolean hasMispKey(HttpServerRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        String misp = request.getHeader("X-MISP-AUTH");
        return (authorization != null && !authorization.isBlank()) || (misp != null && !misp.isBlank());
    }

    private static boolean hasBearer(HttpServerRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                && authorization.length() > 7;
    }
}
