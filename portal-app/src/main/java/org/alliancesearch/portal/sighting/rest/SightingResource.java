package org.alliancesearch.portal.sighting.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.alliancesearch.portal.common.security.CurrentUser;
import org.alliancesearch.portal.common.security.Roles;
import org.alliancesearch.portal.common.web.Pages;
import org.alliancesearch.portal.search.i18n.SearchTexts;
import org.alliancesearch.portal.search.service.Searcher;
import org.alliancesearch.portal.sighting.i18n.SightingMessages;
import org.alliancesearch.portal.sighting.i18n.SightingTexts;
import org.alliancesearch.portal.sighting.service.SightingReport;
import org.alliancesearch.portal.sighting.service.SightingService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

/** {@code POST /api/v1/sightings}: "we saw this too" for scripts. */
@Path("/api/v1/sightings")
@RolesAllowed({Roles.MEMBER, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "sightings")
public class SightingResource {
    /** The body: the indicator as a search result names it. */
    public record SightingRequest(Indicator indicator) {
    }

    /**
     * A merged indicator's key.
     *
     * @param family its type family ({@code ip}, {@code domain}, {@code sha256}, …); optional, the value's detected
     *        one when absent
     */
    public record Indicator(String family, String value) {
    }

    private final SightingService sightings;
    private final CurrentUser user;
    private final Pages pages;

    public SightingResource(SightingService sightings, CurrentUser user, Pages pages) {
        this.sightings = sightings;
        this.user = user;
        this.pages = pages;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Send a sighting of an indicator to the members that hold a record of it the caller may see "
            + "and that accept sightings; each member's result (SENT, REFUSED, FAILED, SKIPPED). Runs a search as the "
            + "caller first (rate limit and search audit); 404 when no record of it is visible to the caller")
    public Uni<SightingReport> send(SightingRequest request) {
        Indicator indicator = request == null ? null : request.indicator();
        return sightings.send(Searcher.of(user), indicator == null ? null : indicator.family(),
                indicator == null ? null : indicator.value());
    }
}
