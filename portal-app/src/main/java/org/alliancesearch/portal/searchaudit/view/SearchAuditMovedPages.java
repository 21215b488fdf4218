package org.alliancesearch.portal.searchaudit.view;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.alliancesearch.portal.common.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The search audit page's former path {@code /admin/audit}: 308 to {@code /admin/search-audit}, method kept. */
@Path("/admin/audit")
@RolesAllowed(Roles.ADMIN)
public class SearchAuditMovedPages {
    @GET
    @Operation(hidden = true)
    public Response page(@Context UriInfo uri) {
        return moved(uri);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response filter(@Context UriInfo uri) {
        return moved(uri);
    }

    private static Response moved(UriInfo uri) {
        String query = uri.getRequestUri().getRawQuery();
        return Response.status(Response.Status.PERMANENT_REDIRECT)
                .location(URI.create(query == null ? "/admin/search-audit" : "/admin/search-audit?" + query))
                .build();
    }
}
