package org.alliancesearch.portal.digest.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.alliancesearch.portal.common.security.Roles;
import org.alliancesearch.portal.digest.service.DigestService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

/** {@code /api/v1/admin/digest/rebuild}: builds this week's digest now (it replaces the week's stored one). */
@Path("/api/v1/admin/digest/rebuild")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "digest")
public class DigestAdminResource {
    private final DigestService digests;

    public DigestAdminResource(DigestService digests) {
        this.digests = digests;
    }

    @POST
    @Operation(summary = "Rebuild this week's digest now from every member (bounded by the search deadline); "
            + "returns it")
    public Uni<DigestResponse> rebuild() {
        return digests.rebuildOnDemand().map(DigestResponse::of);
    }
}
