package org.alliancesearch.portal.saved.rest;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.alliancesearch.portal.common.security.CurrentUser;
import org.alliancesearch.portal.common.security.Roles;
import org.alliancesearch.portal.common.web.Pages;
import org.alliancesearch.portal.saved.service.SavedSearchInput;
import org.alliancesearch.portal.saved.service.SavedSearchService;
import org.alliancesearch.portal.saved.service.SavedSearchView;
import org.alliancesearch.portal.search.i18n.SummaryTexts;
import org.alliancesearch.portal.search.service.SearchResponse;
import org.alliancesearch.portal.search.service.Searcher;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

/** {@code /api/v1/saved-searches}: saved and shared searches. */
@Path("/api/v1/saved-searches")
@RolesAllowed({Roles.MEMBER, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "saved searches")
public class SavedSearchResource {
    private final SavedSearchService saved;
    private final CurrentUser user;
    private final Pages pages;

    public SavedSearchResource(SavedSearchService saved, CurrentUser user, Pages pages) {
        this.saved = saved;
        this.user = user;
        this.pages = pages;
    }

    @GET
    @Operation(summary = "The saved searches I may see: mine, my organisation's and the alliance's")
    public Uni<List<SavedSearchView>> list() {
        return saved.list(Searcher.of(user));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Save a search")
    public Uni<Response> create(SavedSearchInput input) {
        return saved.create(input, Searcher.of(user)).map(view -> Response
                .created(URI.create("/api/v1/saved-searches/" + view.id())).entity(view).build());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One saved search (404 when I may not see it)")
    public Uni<SavedSearchView> get(@PathParam("id") String id) {
        return saved.get(id, Searcher.of(user));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change my saved search; with If-Match or version, a stale change is refused (409)")
    public Uni<SavedSearchView> update(@PathParam("id") String id, SavedSearchInput input,
            @HeaderParam("If-Match") String ifMatch) {
        return saved.update(id, input, ifMatch, Searcher.of(user));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete my saved search (admins: any)")
    public Uni<Response> delete(@PathParam("id") String id) {
        return saved.delete(id, Searcher.of(user)).map(v -> Response.noContent().build());
    }

    @POST
    @Path("{id}/run")
    @Operation(summary = "Run a saved search; indicators new since its last run are marked \"new\": true")
    public Uni<SearchResponse> run(@PathParam("id") String id) {
        return saved.run(id, Searcher.of(user))
                .map(run -> SummaryTexts.localise(run.completed().response(), pages.locale()));
    }
}
