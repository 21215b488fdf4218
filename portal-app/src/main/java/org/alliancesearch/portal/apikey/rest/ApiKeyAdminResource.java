package org.alliancesearch.portal.apikey.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.alliancesearch.portal.apikey.service.AdminApiKeyView;
import org.alliancesearch.portal.apikey.service.ApiKeyService;
import org.alliancesearch.portal.common.security.CurrentUser;
import org.alliancesearch.portal.common.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

/** {@code /api/v1/admin/api-keys}: every user's personal API keys, for admins. */
@Path("/api/v1/admin/api-keys")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "admin: api keys")
public class ApiKeyAdminResource {
    private final ApiKeyService keys;
    private final CurrentUser user;

    public ApiKeyAdminResource(ApiKeyService keys, CurrentUser user) {
        this.keys = keys;
        this.user = user;
    }

    @GET
    @Operation(summary = "Every key that is not revoked, with its owner's name and organisation")
    public Uni<List<AdminApiKeyView>> list() {
        return keys.listAll();
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Revoke any key")
    public Uni<Response> revoke(@PathParam("id") String id) {
        return keys.revokeAny(user.name(), id).map(v -> Response.noContent().build());
    }
}
