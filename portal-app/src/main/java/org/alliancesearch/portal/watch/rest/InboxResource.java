package org.alliancesearch.portal.watch.rest;

import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
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
import org.alliancesearch.portal.watch.service.InboxView;
import org.alliancesearch.portal.watch.service.WatchService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

/** {@code /api/v1/inbox}: the alerts of my watches. Times are UTC (ISO 8601). */
@Path("/api/v1/inbox")
@RolesAllowed({Roles.MEMBER, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "watches")
public class InboxResource {
    private final WatchService watches;
    private final CurrentUser user;
    private final Pages pages;

    public InboxResource(WatchService watches, CurrentUser user, Pages pages) {
        this.watches = watches;
        this.user = user;
        this.pages = pages;
    }

    @GET
    @Operation(summary = "How many entries are unread, and the latest 100 entries, newest first")
    public Uni<InboxView> inbox() {
        return watches.inbox(Searcher.of(user));
    }

    @POST
    @Path("{id}/read")
    @Operation(summary = "Mark one entry read")
    public Uni<Response> read(@PathParam("id") String id) {
        return watches.markRead(id, Searcher.of(user))
                .map(ignored -> Response.noContent().build());
    }

    @POST
    @Path("read")
    @Operation(summary = "Mark every entry read")
    public Uni<Map<String, Integer>> readAll() {
        return watches.markAllRead(Searcher.of(user)).map(n -> Map.of("marked", n));
    }
}
