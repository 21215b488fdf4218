package org.alliancesearch.portal.preferences.view;

import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import org.alliancesearch.portal.common.i18n.DisplayTimes;
import org.alliancesearch.portal.common.security.OrganisationNotRequired;
import org.alliancesearch.portal.common.web.PageContext;
import org.alliancesearch.portal.common.web.Pages;
import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/**
 * The reader's display preferences: the time zone pages show times in (kept in a cookie, so every replica honours it
 * and nothing is stored about the user). Empty means the page language's default: Japan's time for Japanese pages,
 * UTC otherwise. The APIs are not concerned: they speak UTC.
 */
@Path("/preferences")
@Authenticated
@OrganisationNotRequired
@Produces(MediaType.TEXT_HTML)
public class PreferencePages {
    /** The done action after a saved zone. */
    private static final String SAVED = "preferences-saved";
    private static final int ONE_YEAR = 365 * 24 * 3600;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance preferences(PageContext ctx, List<String> zones, String chosen,
                String defaultZone, String error);
    }

    private final Pages pages;

    public PreferencePages(Pages pages) {
        this.pages = pages;
    }

    @GET
    public Uni<Response> show() {
        return page(chosen(), null, Response.Status.OK);
    }

    /** Saves the zone (an empty choice goes back to the language's default); an unknown zone changes nothing. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> save(@RestForm String zone) {
        NewCookie.Builder cookie = new NewCookie.Builder(DisplayTimes.COOKIE).path("/").httpOnly(true)
                .sameSite(NewCookie.SameSite.LAX);
        if (zone == null || zone.isBlank()) {
            return Uni.createFrom().item(Response.seeOther(Pages.done("/preferences", SAVED))
                    .cookie(cookie.value("").maxAge(0).build()).build());
        }
        return DisplayTimes.parse(zone)
                .map(z -> Uni.createFrom()
                        .item(Response.seeOther(Pages.done("/preferences", SAVED))
                                .cookie(cookie.value(DisplayTimes.id(z)).maxAge(ONE_YEAR).build()).build()))
                .orElseGet(() -> page(chosen(), pages.messages().err_zone_unknown(), Response.Status.BAD_REQUEST));
    }

    private String chosen() {
        return pages.zoneChosen().map(DisplayTimes::id).orElse("");
    }

    private Uni<Response> page(String chosen, String error, Response.Status status) {
        return pages.render(Templates.preferences(pages.context(), DisplayTimes.ZONES, chosen,
                DisplayTimes.id(DisplayTimes.defaultFor(pages.locale())), error), status);
    }
}
