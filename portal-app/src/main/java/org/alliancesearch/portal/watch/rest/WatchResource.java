package org.alliancesearch.portal.watch.rest;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
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
import org.alliancesearch.portal.watch.i18n.WatchMessages;
import org.alliancesearch.portal.watch.i18n.WatchTexts;
import org.alliancesearch.portal.watch.service.CreatedWatch;
import org.alliancesearch.portal.watch.service.WatchInput;
import org.alliancesearch.portal.watch.service.WatchService;
import org.alliancesearch.portal.watch.service.WatchView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

/** {@code /api/v1/watches} and {@code /api/v1/saved-searches/{id}/watch}: my watched saved searches. */
@Path("/api/v1")
@RolesAllowed({Roles.MEMBER, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "watches")
public class WatchResource {
    private final WatchService watches;
    private final CurrentUser user;
    private final Pages pages;

    public WatchResource(WatchService watches, CurrentUser user, Pages pages) {
        this.watches = watches;
        this.user = user;
        this.pages = pages;
    }

    @GET
    @Path("watches")
    @Operation(summary = "My watches (of saved searches I may still see)")
    public Uni<List<WatchView>> list() {
        return watches.list(Searcher.of(user));
    }

    @GET
    @Path("watches/{id}")
    @Operation(summary = "One of my watches")
    public Uni<WatchView> get(@PathParam("id") String id) {
        return watches.get(id, Searcher.of(user));
    }

    @PATCH
    @Path("watches/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change the interval or channels; a first webhook URL gets a secret, shown in this answer only")
    public Uni<CreatedWatch> update(@PathParam("id") String id, WatchInput input) {
        return watches.update(id, input, Searcher.of(user));
    }

    @POST
    @Path("watches/{id}/pause")
    @Operation(summary = "Pause a watch")
    public Uni<WatchView> pause(@PathParam("id") String id) {
        return watches.pause(id, Searcher.of(user));
    }

    @POST
    @Path("watches/{id}/resume")
    @Operation(summary = "Resume a watch (failed deliveries are forgotten)")
    public Uni<WatchView> resume(@PathParam("id") String id) {
        return watches.resume(id, Searcher.of(user));
    }

    @POST
    @Path("watches/{id}/run")
    @Operation(summary = "Run now: the watch becomes due at once and the clustered sweep runs it (202); 409 when"
            + " paused, 429 when its last run is more recent than the run-now gap")
    public Uni<Response> runNow(@PathParam("id") String id) {
        return watches.runNow(id, Searcher.of(user)).map(w -> Response.accepted(w).build());
    }

    @DELETE
    @Path("watches/{id}")
    @Operation(summary = "Stop watching (the watch's inbox entries go with it)")
    public Uni<Response> delete(@PathParam("id") String id) {
        return watches.delete(id, Searcher.of(user)).map(ignored -> Response.noContent().build());
    }
}
