package org.alliancesearch.portal.common.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.alliancesearch.portal.common.i18n.AppMessages;
import org.alliancesearch.portal.common.i18n.Languages;
import org.alliancesearch.portal.common.problem.Problem;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * HTTP filters that run before authentication: security headers on every page, and a problem document (not a redirect
 * to the login page) for API calls that carry no bearer token; and a failure handler that answers a bearer token that
 * fails authentication with a problem document too.
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
        filters.register(this::securityHeaders, 290);
        filters.register(this::bearerRequiredOnApi, 280);
    }

    void routes(@Observes Router router) {
        router.route("/api/*").failureHandler(this::invalidTokenOnApi);
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
        if ((path.equals("/api") || path.startsWith("/api/")) && !hasBearer(rc.request())) {
            unauthorized(rc, messages(rc).detail_unauthorized(), "Bearer");
            return;
        }
        if (path.startsWith("/api/")) {
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

    private static boolean hasBearer(HttpServerRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                && authorization.length() > 7;
    }
}
