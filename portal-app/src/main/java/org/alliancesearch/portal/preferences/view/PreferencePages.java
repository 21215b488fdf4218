package org.alliancesearch.portal.preferences.view;

import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import org.alliancesearch.portal.common.i18n.DisplayTimes;
import org.alliancesearch.portal.common.problem.CodedProblem;
import org.alliancesearch.portal.common.security.CurrentUser;
import org.alliancesearch.portal.common.security.OrganisationNotRequired;
import org.alliancesearch.portal.common.web.PageContext;
import org.alliancesearch.portal.common.web.Pages;
import org.alliancesearch.portal.digest.i18n.DigestCodeTexts;
import org.alliancesearch.portal.digest.service.DigestSubscriptions;
import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/**
 * The reader's display preferences: the time zone pages show times in (kept in a cookie, so every replica honours it
 * and nothing is stored about the user). Empty means the page language's default: Japan's time for Japanese pages,
 * UTC otherwise. The APIs are not concerned: they speak UTC. For those who may read the weekly digest, whether it is
 * sent to them by e-mail (stored, opt-in; see {@link DigestSubscriptions}).
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
                String defaultZone, String error, DigestMail digestMail);
    }

    /**
     * The weekly digest e-mail part of the page; null for a user who may not read the digest (not a member, or no
     * organisation).
     *
     * @param hasEmail whether the sign-in gives an address (needed to turn it on)
     * @param error why the last change was refused, or null
     */
    public record DigestMail(boolean subscribed, String email, String language, String zone, boolean hasEmail,
            String error) {
    }

    private final Pages pages;
    private final CurrentUser user;
    private final DigestSubscriptions digest;

    public PreferencePages(Pages pages, CurrentUser user, DigestSubscriptions digest) {
        this.pages = pages;
        this.user = user;
        this.digest = digest;
    }

    @GET
    public Uni<Response> show() {
        return page(chosen(), null, Response.Status.OK);
    }

    /**
     * Turns the weekly digest e-mail on (the checkbox {@code subscribed} ticked) or off, in this page's language and
     * zone; for users who may read the digest.
     */
    @POST
    @Path("digest")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> saveDigest(@RestForm String subscribed) {
        if (!mayReadDigest()) {
            throw new ForbiddenException();
        }
        boolean on = subscribed != null && !subscribed.isBlank() && !"false".equalsIgnoreCase(subscribed.strip());
        return digest.set(new DigestSubscriptions.Subscriber(user.subject(), user.name(), user.email()),
                new DigestSubscriptions.Input(on, pages.locale().getLanguage(), DisplayTimes.id(pages.zone())),
                pages.locale(), pages.zone())
                .map(saved -> Pages.seeOther("/preferences",
                        saved.subscribed() ? DigestCodeTexts.SUBSCRIBED : DigestCodeTexts.UNSUBSCRIBED))
                .onFailure(CodedProblem.class).recoverWithUni(e -> {
                    CodedProblem problem = (CodedProblem) e;
                    String why = problem.errors().isEmpty()
                            ? pages.text(problem.detail())
                            : pages.text(problem.errors().get(0).reason());
                    return digestView(why).flatMap(view -> render(chosen(), null, view, Response.Status.BAD_REQUEST));
                });
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
        // the zone is a cookie: the page still serves it when the stored digest choice cannot be read
        return digestView(null).onFailure().recoverWithNull()
                .flatMap(view -> render(chosen, error, view, status));
    }

    private Uni<Response> render(String chosen, String error, DigestMail view, Response.Status status) {
        return pages.render(Templates.preferences(pages.context(), DisplayTimes.ZONES, chosen,
                DisplayTimes.id(DisplayTimes.defaultFor(pages.locale())), error, view), status);
    }

    /** The digest e-mail part: the digest is for members (and admins) with an organisation, as its page is. */
    private boolean mayReadDigest() {
        return (user.member() || user.admin()) && user.organisation().isPresent();
    }

    private Uni<DigestMail> digestView(String error) {
        if (!mayReadDigest()) {
            return Uni.createFrom().nullItem();
        }
        return digest.get(user.subject()).map(v -> new DigestMail(v.subscribed(), v.email(), v.language(),
                v.timeZone(), user.email().isPresent(), error));
    }
}
