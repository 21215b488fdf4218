package org.alliancesearch.portal.common.web;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.alliancesearch.portal.common.i18n.Languages;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * A page request that would be sent to sign in while Keycloak does not answer gets a page saying so (503 with
 * {@code Retry-After}, in the person's language) instead of a redirect to a sign-in page that cannot load. Requests
 * with a session cookie go on as before (a signed-in session is checked with the keys the portal holds), and so do
 * the API (bearer tokens), the MISP-compatible paths (personal API keys) and the public paths.
 */
@ApplicationScoped
public class SignInUnavailableFilter {
    /** Seconds a browser or a client is asked to wait before trying again. */
    static final String RETRY_AFTER = "30";
    /** The OIDC session cookies ({@code q_session}, and with split tokens {@code q_session_at}, …). */
    private static final String SESSION_COOKIE = "q_session";

    private final SignInAvailability availability;
    private final Languages languages;

    public SignInUnavailableFilter(SignInAvailability availability, Languages languages) {
        this.availability = availability;
        this.languages = languages;
    }

    void register(@Observes Filters filters) {
        // after HttpFilters' checks (290–270), before authentication (200), which would redirect to sign in
        filters.register(this::signInUnavailable, FilterOrder.SIGN_IN_UNAVAILABLE);
    }

    private void signInUnavailable(RoutingContext rc) {
        if (!wouldSignIn(rc)) {
            rc.next();
            return;
        }
        availability.available().onComplete(ar -> {
            if (ar.succeeded() && ar.result()) {
                rc.next();
            } else {
                page(rc);
            }
        });
    }

    /** Whether authentication would redirect this request to the sign-in page: a page without any credential. */
    /** Where "try again" leads: the page asked for, only as a path of this portal (never {@code //host}). */
    static String retryPath(String path) {
        return path != null && path.startsWith("/") && !path.startsWith("//") ? path : "/";
    }

    static boolean wouldSignIn(RoutingContext rc) {
        String path = rc.normalizedPath();
        if (path.equals("/api") || path.startsWith("/api/") || path.startsWith("/q/") || path.startsWith("/css/")
                || path.equals("/favicon.ico") || MispErrors.isMispPath(path)) {
            return false;
        }
        if (rc.request().getHeader(HttpHeaders.AUTHORIZATION) != null) {
            return false;
        }
        for (Cookie cookie : rc.request().cookies()) {
            if (cookie.getName().startsWith(SESSION_COOKIE)) {
                return false;
            }
        }
        return true;
    }

    private void page(RoutingContext rc) {
        Locale locale = languages.fromAcceptLanguage(rc.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        String again = retryPath(rc.normalizedPath());
        // answered on the request's own context (the page may be rendered elsewhere)
        io.vertx.core.Context context = rc.vertx().getOrCreateContext();
        ErrorPages.signInUnavailable(locale.toLanguageTag(), again).setLocale(locale).renderAsync()
                .whenComplete((html, failure) -> context.runOnContext(v -> {
                    if (rc.response().ended()) {
                        return;
                    }
                    rc.response().setStatusCode(503).putHeader("Retry-After", RETRY_AFTER)
                            .putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
                    if (failure != null) {
                        rc.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=UTF-8")
                                .end("Sign-in is unavailable / ログインできません");
                    } else {
                        rc.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=UTF-8").end(html);
                    }
                }));
    }
}
