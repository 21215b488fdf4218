package org.alliancesearch.portal.digest.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.alliancesearch.portal.common.i18n.DisplayTimes;
import org.alliancesearch.portal.common.security.CurrentUser;
import org.alliancesearch.portal.common.security.Roles;
import org.alliancesearch.portal.common.web.Pages;
import org.alliancesearch.portal.digest.service.DigestSubscriptions;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

/**
 * {@code /api/v1/me/digest-subscription}: whether I get the weekly digest by e-mail (off until I turn it on). For
 * alliance members, as the digest is.
 */
@Path("/api/v1/me/digest-subscription")
@RolesAllowed({Roles.MEMBER, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "digest")
public class DigestSubscriptionResource {
    private final DigestSubscriptions subscriptions;
    private final CurrentUser user;
    private final Pages pages;

    public DigestSubscriptionResource(DigestSubscriptions subscriptions, CurrentUser user, Pages pages) {
        this.subscriptions = subscriptions;
        this.user = user;
        this.pages = pages;
    }

    @GET
    @Operation(summary = "My weekly digest e-mail: whether it is on, the address given when I turned it on, its "
            + "language and time zone")
    public Uni<DigestSubscriptionResponse> get() {
        return subscriptions.get(user.subject()).map(DigestSubscriptionResponse::of);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Turn my weekly digest e-mail on or off ({\"subscribed\": true}); language (en, ja) and "
            + "timeZone (IANA) are optional. Turning it on needs an e-mail address in my sign-in.")
    public Uni<DigestSubscriptionResponse> put(DigestSubscriptions.Input input) {
        return subscriptions.set(new DigestSubscriptions.Subscriber(user.subject(), user.name(), user.email()),
                input, pages.locale(), DisplayTimes.defaultFor(pages.locale()))
                .map(DigestSubscriptionResponse::of);
    }
}
