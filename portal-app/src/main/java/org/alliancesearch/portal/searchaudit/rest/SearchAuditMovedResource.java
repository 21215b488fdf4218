package org.alliancesearch.portal.searchaudit.rest;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.alliancesearch.portal.common.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The search audit API's former paths under {@code /api/v1/admin/audit}, a name that read like the admin change log.
 * They answer 308 (the method and body are kept) to the new paths, so that scripts written against the old ones keep
 * working; the query string goes along unchanged.
 */
@Path("/api/v1/admin/audit")
@RolesAllowed(Roles.ADMIN)
@Tag(name = "audit")
public class SearchAuditMovedResource {
    @GET
    @Operation(summary = "Moved to GET /api/v1/admin/search-audit (308)", deprecated = true)
    public Response apiList(@Context UriInfo uri) {
        return moved(uri, "/api/v1/admin/search-audit");
    }

    @POST
    @Path("search")
    @Operation(summary = "Moved to POST /api/v1/admin/search-audit/search (308)", deprecated = true)
    public Response apiSearch(@Context UriInfo uri) {
        return moved(uri, "/api/v1/admin/search-audit/search");
    }

    private static Response moved(UriInfo uri, String path) {
        String query = uri.getRequestUri().getRawQuery();
        return Response.status(Response.Status.PERMANENT_REDIRECT)
                .location(URI.create(query == null ? path : path + "?" + query))
                .build();
    }
}
