package org.alliancesearch.portal.watch.rest;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.alliancesearch.portal.common.security.CurrentUser;
import org.alliancesearch.portal.common.security.Roles;
import org.alliancesearch.portal.common.web.Pages;
import org.alliancesearch.portal.search.service.Searcher;
import org.alliancesearch.portal.watch.i18n.WatchTexts;
import org.alliancesearch.portal.watch.service.WatchInput;
import org.alliancesearch.portal.watch.service.WatchService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

/**
 * {@code /api/v1/saved-searches/{id}/watch}: watch a saved search. A class of its own: the saved-search resource's
 * path would otherwise take the request and not find the method.
 */
@Path("/api/v1/saved-searches/{id}/watch")
@RolesAllowed({Roles.MEMBER, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "watches")
public class SavedSearchWatchResource {
    private final WatchService watches;
    private final CurrentUser user;
    private final Pages pages;

    public SavedSearchWatchResource(WatchService watches, CurrentUser user, Pages pages) {
        this.watches = watches;
        this.user = user;
        this.pages = pages;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Watch a saved search I may see (404 otherwise); the webhook secret is in this answer only")
    public Uni<Response> create(@PathParam("id") String savedSearchId, WatchInput input) {
        return watches.create(savedSearchId, input, Searcher.of(user), pages.locale(), pages.zone()).map(
                created -> Response
                        .created(URI.create("/api/v1/watches/" + created.watch().id())).entity(created)
                        .build());
    }

}
