package org.alliancesearch.portal.search.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.alliancesearch.model.export.ExportFormat;
import org.alliancesearch.portal.common.security.CurrentUser;
import org.alliancesearch.portal.common.security.Roles;
import org.alliancesearch.portal.common.web.Pages;
import org.alliancesearch.portal.search.i18n.SearchMessages;
import org.alliancesearch.portal.search.i18n.SearchTexts;
import org.alliancesearch.portal.search.i18n.SummaryTexts;
import org.alliancesearch.portal.search.service.PreparedSearch;
import org.alliancesearch.portal.search.service.SearchRequest;
import org.alliancesearch.portal.search.service.SearchService;
import org.alliancesearch.portal.search.service.SearchValidation;
import org.alliancesearch.portal.search.service.Searcher;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

import io.smallrye.mutiny.Uni;

/** {@code POST /api/v1/search}: one federated search, answered when every member has answered or timed out. */
@Path("/api/v1/search")
@RolesAllowed({Roles.MEMBER, Roles.ADMIN})
@Tag(name = "search")
public class SearchResource {
    private final SearchService search;
    private final CurrentUser user;
    private final Pages pages;

    public SearchResource(SearchService search, CurrentUser user, Pages pages) {
        this.search = search;
        this.user = user;
        this.pages = pages;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, "text/csv", MediaType.TEXT_PLAIN, "application/stix+json"})
    @Operation(summary = "Search every member MISP; ?format=csv|txt|stix|json returns an export instead")
    public Uni<Response> search(SearchRequest request, @RestQuery("format") String format,
            @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        SearchMessages msg = SearchTexts.of(pages.locale());
        var export = SearchExports.wanted(format, accept, msg);
        PreparedSearch prepared = SearchValidation.prepare(request);
        String source = export.isPresent() ? SearchService.SOURCE_EXPORT : SearchService.SOURCE_API;
        return search.start(prepared, Searcher.of(user), source, null)
                .flatMap(live -> live.result())
                .map(done -> export.map((ExportFormat f) -> SearchExports.file(done, f, pages.locale()))
                        .orElseGet(() -> Response.ok(SummaryTexts.localise(done.response(), pages.locale()))
                                .type(MediaType.APPLICATION_JSON)
                                .header("Cache-Control", "no-store").build()));
    }
}
