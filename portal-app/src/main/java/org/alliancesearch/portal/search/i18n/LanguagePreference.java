package org.alliancesearch.portal.search.i18n;

import java.net.URI;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import org.alliancesearch.portal.common.i18n.Languages;
import org.alliancesearch.portal.common.security.OrganisationNotRequired;
import org.alliancesearch.portal.common.web.FilterOrder;
import org.jboss.resteasy.reactive.RestQuery;

import io.quarkus.security.Authenticated;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * The remembered language choice. {@code GET /lang?to=ja} stores the choice in a cookie (it changes nothing but the
 * caller's own display preference, so a cross-site link can do no harm); a filter then presents the choice as the
 * request's {@code Accept-Language}, so every page, message and problem document of every feature follows it without
 * knowing about the cookie. The cookie travels with the browser, so every replica honours it.
 */
@Path("/lang")
@ApplicationScoped
public class LanguagePreference {
    /** The cookie that remembers the choice. */
    public static final String COOKIE = "alliance-lang";
    private static final int ONE_YEAR = 365 * 24 * 3600;

    private final Languages languages;

    public LanguagePreference(Languages languages) {
        this.languages = languages;
    }

    void register(@Observes Filters filters) {
        filters.register(this::applyChoice, FilterOrder.LANGUAGE_CHOICE);
    }

    private void applyChoice(RoutingContext rc) {
        Cookie cookie = rc.request().getCookie(COOKIE);
        if (cookie != null) {
            supported(cookie.getValue()).ifPresent(locale -> rc.request().headers()
                    .set(HttpHeaders.ACCEPT_LANGUAGE, locale.toLanguageTag()));
        }
        rc.next();
    }

    static java.util.Optional<Locale> supported(String tag) {
        if (tag == null || tag.isBlank() || tag.length() > 16) {
            return java.util.Optional.empty();
        }
        Locale wanted = Locale.forLanguageTag(tag.trim());
        return Languages.SUPPORTED.stream().filter(l -> l.getLanguage().equals(wanted.getLanguage())).findFirst();
    }

    @GET
    @Authenticated
    @OrganisationNotRequired
    public Response choose(@RestQuery("to") String to, @RestQuery("back") String back,
            @HeaderParam("Referer") String referer) {
        Locale locale = supported(to).orElse(languages.choose(null));
        NewCookie cookie = new NewCookie.Builder(COOKIE).value(locale.toLanguageTag()).path("/").maxAge(ONE_YEAR)
                .httpOnly(true).sameSite(NewCookie.SameSite.LAX).build();
        return Response.seeOther(URI.create(safeBack(back != null ? back : pathOf(referer)))).cookie(cookie).build();
    }

    /** The path and query of a same-site referrer (Referrer-Policy same-origin sends none cross-site). */
    static String pathOf(String referer) {
        if (referer == null) {
            return null;
        }
        try {
            URI uri = URI.create(referer);
            String path = uri.getRawPath();
            return path == null || path.isEmpty()
                    ? null
                    : uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Only a path on this site: never an absolute or protocol-relative URL (no open redirect). */
    static String safeBack(String back) {
        if (back == null || back.isBlank() || !back.startsWith("/") || back.startsWith("//") || back.contains("\\")
                || back.length() > 500 || back.chars().anyMatch(c -> c < 0x20)) {
            return "/search";
        }
        return back;
    }
}
